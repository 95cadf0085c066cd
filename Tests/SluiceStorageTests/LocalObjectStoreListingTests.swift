import Foundation
import Testing

@testable import SluiceStorage

@Suite("LocalObjectStore: listing")
struct LocalObjectStoreListingTests {
    private static func byUTF8(_ keys: [String]) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    @Test func keysComeInUTF8ByteOrder() async throws {
        try await withTemporaryStore { store in
            // A folder `a` sorts as `a/`: after `a-1` and `a.txt` ('-' and '.' are below '/'), before `a0`.
            let keys = [
                "b", "a/x", "a/y/z", "a.txt", "a-1", "a-2/deep", "a0", "A", "\u{E9}", "e\u{301}", "z/\u{E9}/1", "z/e/1",
            ]
            for key in keys.shuffled() {
                try await store.put(key)
            }
            let listed = try await store.allKeys()
            // Swift's `==` treats `e\u{301}` and `\u{E9}` as equal; compare the bytes.
            #expect(listed.map { Array($0.utf8) } == Self.byUTF8(keys).map { Array($0.utf8) })
            #expect(listed.filter { $0.hasPrefix("a") } == ["a-1", "a-2/deep", "a.txt", "a/x", "a/y/z", "a0"])
            #expect(listed.first == "A")
            #expect(
                listed.suffix(4).map { Array($0.utf8) } == [
                    [0x65, 0xCC, 0x81], Array("z/e/1".utf8), [0x7A, 0x2F, 0xC3, 0xA9, 0x2F, 0x31], [0xC3, 0xA9],
                ])
        }
    }

    @Test func aPrefixNeedNotBeAFolder() async throws {
        try await withTemporaryStore { store in
            for key in [
                "events/dt=2025-12-31/part-0.parquet",
                "events/dt=2026-11-20/part-0.parquet",
                "events/dt=2026-11-20/part-1.parquet",
                "events/dt=2026-11-21/part-0.parquet",
                "events/dt=20260/x",
                "eventsX/dt=2026/x",
            ] {
                try await store.put(key)
            }
            #expect(
                try await store.allKeys(prefix: "events/dt=2026") == [
                    "events/dt=2026-11-20/part-0.parquet",
                    "events/dt=2026-11-20/part-1.parquet",
                    "events/dt=2026-11-21/part-0.parquet",
                    "events/dt=20260/x",
                ])
            #expect(
                try await store.allKeys(prefix: "events/dt=2026-11-20/part-1") == [
                    "events/dt=2026-11-20/part-1.parquet"
                ])
            #expect(try await store.allKeys(prefix: "events/dt=2026-11-20/").count == 2)
            #expect(try await store.allKeys(prefix: "ev").count == 6)
            #expect(try await store.allKeys(prefix: "events/dt=2027").isEmpty)
            // An exact key is its own prefix.
            #expect(try await store.allKeys(prefix: "events/dt=20260/x") == ["events/dt=20260/x"])
        }
    }

    @Test func delimiterRollsKeysUpIntoCommonPrefixes() async throws {
        try await withTemporaryStore { store in
            for key in ["r/1/a", "r/1/b", "r/2/a", "r/top.txt", "r/3/sub/x", "r-other", "s/1"] {
                try await store.put(key)
            }
            let page = try await store.listPage(prefix: "r/", delimiter: "/", continuationToken: nil)
            #expect(page.objects.map(\.key) == ["r/top.txt"])
            #expect(page.commonPrefixes == ["r/1/", "r/2/", "r/3/"])
            #expect(page.continuationToken == nil)

            let root = try await store.listAll(prefix: "", delimiter: "/")
            #expect(root.objects.map(\.key) == ["r-other"])
            #expect(root.commonPrefixes == ["r/", "s/"])

            // A partial prefix: the common prefix starts at the listed prefix.
            let partial = try await store.listAll(prefix: "r", delimiter: "/")
            #expect(partial.objects.map(\.key) == ["r-other"])
            #expect(partial.commonPrefixes == ["r/"])
        }
    }

    @Test func delimitersOtherThanSlash() async throws {
        try await withTemporaryStore { store in
            for key in ["x-1", "x-2/y", "x.txt", "y/x-1", "y/x-2"] {
                try await store.put(key)
            }
            let page = try await store.listAll(prefix: "", delimiter: "-")
            #expect(page.commonPrefixes == ["x-", "y/x-"])
            #expect(page.objects.map(\.key) == ["x.txt"])
            let dotted = try await store.listAll(prefix: "y/", delimiter: "x-")
            #expect(dotted.commonPrefixes == ["y/x-"])
            #expect(dotted.objects.isEmpty)
        }
    }

    @Test func emptyFoldersAreNotCommonPrefixes() async throws {
        try await withTemporaryDirectory { root in
            let store = LocalObjectStore(root: root)
            try await store.put("data/full/x")
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("data/empty/nested"), withIntermediateDirectories: true)
            let page = try await store.listAll(prefix: "data/", delimiter: "/")
            #expect(page.commonPrefixes == ["data/full/"])
            #expect(try await store.allKeys() == ["data/full/x"])
        }
    }

    @Test func pagesOfThreeAcrossTenKeys() async throws {
        try await withTemporaryStore(pageSize: 3) { store in
            let keys = (0..<10).map { "k/\($0 % 2)/key-\($0)" }
            for key in keys {
                try await store.put(key)
            }
            var pages: [[String]] = []
            var token: String?
            repeat {
                let page = try await store.listPage(prefix: "k/", delimiter: nil, continuationToken: token)
                pages.append(page.objects.map(\.key))
                token = page.continuationToken
                if let token {
                    #expect(token == page.objects.last?.key)
                }
            } while token != nil
            #expect(pages.map(\.count) == [3, 3, 3, 1])
            #expect(pages.flatMap { $0 } == Self.byUTF8(keys))

            // The async sequence walks the same pages.
            var streamed: [String] = []
            for try await info in store.list(prefix: "k/") {
                streamed.append(info.key)
            }
            #expect(streamed == Self.byUTF8(keys))
        }
    }

    @Test func aFullLastPageHasNoToken() async throws {
        try await withTemporaryStore(pageSize: 3) { store in
            for index in 0..<6 {
                try await store.put("k\(index)")
            }
            let first = try await store.listPage(prefix: "", delimiter: nil, continuationToken: nil)
            let second = try await store.listPage(
                prefix: "", delimiter: nil, continuationToken: first.continuationToken)
            #expect(first.objects.count == 3)
            #expect(second.objects.map(\.key) == ["k3", "k4", "k5"])
            #expect(second.continuationToken == nil)
        }
    }

    @Test func pagesCountCommonPrefixesToo() async throws {
        try await withTemporaryStore(pageSize: 3) { store in
            for key in ["p/a/1", "p/a/2", "p/b/1", "p/c.txt", "p/d/1", "p/e/1", "p/e/2", "p/f.txt"] {
                try await store.put(key)
            }
            var objects: [String] = []
            var prefixes: [String] = []
            var sizes: [Int] = []
            var token: String?
            repeat {
                let page = try await store.listPage(prefix: "p/", delimiter: "/", continuationToken: token)
                objects += page.objects.map(\.key)
                prefixes += page.commonPrefixes
                sizes.append(page.objects.count + page.commonPrefixes.count)
                token = page.continuationToken
            } while token != nil
            #expect(prefixes == ["p/a/", "p/b/", "p/d/", "p/e/"])
            #expect(objects == ["p/c.txt", "p/f.txt"])
            #expect(sizes == [3, 3])
        }
    }

    @Test func missingRootOrPrefixFolderListsNothing() async throws {
        try await withTemporaryDirectory { root in
            let missing = LocalObjectStore(root: root.appendingPathComponent("nope"))
            #expect(
                try await missing.listPage(prefix: "", delimiter: "/", continuationToken: nil)
                    == ObjectListPage(objects: []))
            let store = LocalObjectStore(root: root)
            try await store.put("a/file.txt")
            #expect(try await store.allKeys(prefix: "b/c/").isEmpty)
            // A prefix that runs through a file.
            #expect(try await store.allKeys(prefix: "a/file.txt/x").isEmpty)
        }
    }

    @Test func writesInProgressAreNeverListed() async throws {
        try await withTemporaryStore { store in
            try await store.put("visible")
            let writer = try await store.makeWriter(for: "pending")
            try await writer.write([1, 2, 3])
            #expect(try await store.allKeys() == ["visible"])
            let root = try await store.listAll(prefix: "", delimiter: "/")
            #expect(root.commonPrefixes.isEmpty)
            #expect(try await store.allKeys(prefix: ".sluice").isEmpty)
            await writer.abort()
        }
    }

    @Test func theTemporaryFolderIsHiddenInAnyLetterCase() async throws {
        try await withTemporaryDirectory { root in
            // On a case-insensitive volume this is the store's own temporary folder.
            let stray = root.appendingPathComponent(".SLUICE-TMP")
            try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
            try Data([1]).write(to: stray.appendingPathComponent("partial.tmp"))
            let store = LocalObjectStore(root: root)
            try await store.put("visible")
            #expect(try await store.allKeys() == ["visible"])
            #expect(try await store.listAll(prefix: "", delimiter: "/").commonPrefixes.isEmpty)
            await #expect(throws: StorageError.self) { try await store.get(".SLUICE-TMP/partial.tmp") }
        }
    }

    @Test func invalidPrefixesAreRejected() async throws {
        try await withTemporaryStore { store in
            for prefix in ["../x", "/abs", "a//b", "a\\b", ".sluice-tmp/", ".Sluice-TMP/x"] {
                let error = await #expect(throws: StorageError.self) {
                    try await store.listPage(prefix: prefix, delimiter: nil, continuationToken: nil)
                }
                #expect(error?.description.contains(prefix.debugDescription) == true)
            }
        }
    }
}
