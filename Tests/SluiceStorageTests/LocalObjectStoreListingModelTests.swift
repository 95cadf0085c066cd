import Foundation
import SluiceCore
import Testing

@testable import SluiceStorage

/// Compares `LocalObjectStore` listings with a direct model of S3's ListObjectsV2 semantics over
/// random key sets, prefixes, delimiters and page sizes.
@Suite("LocalObjectStore: listing matches the S3 model")
struct LocalObjectStoreListingModelTests {
    /// Segments chosen so that names sort around '/' ('-' and '.' sort below it, '0' above it).
    private static let segments = ["a", "a-", "a.b", "a0", "b", "-", "\u{E9}", "e\u{301}", "ab"]

    private static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// The items S3 would list, in order: objects and common prefixes merged.
    private static func model(keys: [String], prefix: String, delimiter: String?) -> [String] {
        var items: [String] = []
        for key in keys.sorted(by: precedes) where key.utf8.starts(with: prefix.utf8) {
            var item = key
            let rest = key.utf8.dropFirst(prefix.utf8.count)
            if let delimiter, let match = rest.firstRange(of: delimiter.utf8) {
                item = String(decoding: key.utf8[..<match.upperBound], as: UTF8.self)
            }
            if items.last.map({ !$0.utf8.elementsEqual(item.utf8) }) ?? true {
                items.append(item)
            }
        }
        return items
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func randomListings(seed: UInt64) async throws {
        var generator = SplitMix64(seed: seed)
        try await withTemporaryDirectory { root in
            // A key cannot also be a folder on disk, so skip keys that would clash.
            var keys: [String] = []
            for _ in 0..<40 {
                let depth = Int.random(in: 1...3, using: &generator)
                let key = (0..<depth).map { _ in Self.segments.randomElement(using: &generator) ?? "a" }
                    .joined(separator: "/")
                let clashes = keys.contains { other in
                    other.utf8.elementsEqual(key.utf8) || other.utf8.starts(with: (key + "/").utf8)
                        || key.utf8.starts(with: (other + "/").utf8)
                }
                if !clashes { keys.append(key) }
            }
            #expect(keys.count > 20)
            let writer = LocalObjectStore(root: root)
            for key in keys {
                try await writer.put(key)
            }
            let prefixes = ["", "a", "a/", "a-", "a/a", "b/", "e", "\u{E9}/", "zz"]
            let delimiters: [String?] = [nil, "/", "-", "a/"]
            for prefix in prefixes {
                for delimiter in delimiters {
                    let pageSize = Int.random(in: 1...5, using: &generator)
                    let store = LocalObjectStore(root: root, pageSize: pageSize)
                    var listed: [String] = []
                    var token: String?
                    repeat {
                        let page = try await store.listPage(
                            prefix: prefix, delimiter: delimiter, continuationToken: token)
                        #expect(page.objects.count + page.commonPrefixes.count <= pageSize)
                        listed += (page.objects.map(\.key) + page.commonPrefixes).sorted(by: Self.precedes)
                        token = page.continuationToken
                    } while token != nil
                    let expected = Self.model(keys: keys, prefix: prefix, delimiter: delimiter)
                    let context = "prefix \(prefix.debugDescription), delimiter \(String(describing: delimiter))"
                    #expect(
                        listed.map { Array($0.utf8) } == expected.map { Array($0.utf8) },
                        "\(context), page size \(pageSize)")
                }
            }
        }
    }
}
