import AsyncHTTPClient
import Crypto
import Foundation
import Testing

@testable import SluiceStorage

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The `ObjectStore` operations against real S3 servers: SeaweedFS, which checks every signature,
/// and rclone, whose ranged answers are 200s with a Content-Range.
@Suite(
    "S3ObjectStore against real servers",
    .enabled(if: !S3TestServer.all.isEmpty, Comment(rawValue: S3TestServer.skipMessage)), .timeLimit(.minutes(10)))
struct S3ObjectStoreTests {
    @Test(
        "keys with =, +, spaces and non-ASCII round-trip through put, head, get and delete", arguments: S3TestServer.all
    )
    func roundTrip(server: S3TestServer) async throws {
        try await withS3Store(on: server, prefix: "lake/") { store in
            let keys = ["events/dt=2026-11-20/part-0.parquet", "a+b c/ü ñ 日本.txt", "odd/~!$&'()*,;@[].bin"]
            for (index, key) in keys.enumerated() {
                let bytes = patternedBytes(1000 + index, seed: UInt64(index))
                try await store.put(key, bytes: bytes)
                #expect(try await store.get(key) == bytes)
                #expect(try await store.head(key)?.size == Int64(bytes.count))
            }
            let listed = try await store.listAll(prefix: "").objects.map(\.key)
            #expect(listed == keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
            for key in keys { try await store.delete(key) }
            #expect(try await store.listAll(prefix: "").objects.isEmpty)
            #expect(try await store.head(keys[0]) == nil)
            try await store.delete(keys[0])  // deleting a missing key is fine
        }
    }

    @Test("a missing key is notFound, naming the store and key", arguments: S3TestServer.all)
    func missingKey(server: S3TestServer) async throws {
        try await withS3Store(on: server) { store in
            await #expect(throws: StorageError.notFound(location: store.displayLocation, key: "nope/x.parquet")) {
                try await store.get("nope/x.parquet")
            }
        }
    }

    @Test("ranged reads at the object's boundaries, clamped past its end", arguments: S3TestServer.all)
    func rangedReads(server: S3TestServer) async throws {
        try await withS3Store(on: server) { store in
            let bytes = patternedBytes(1000)
            try await store.put("r/obj", bytes: bytes)
            let ranges: [Range<Int64>] = [0..<1, 999..<1000, 0..<1000, 500..<501, 990..<2000, 1..<999, 0..<5000]
            for range in ranges {
                let expected = Array(bytes[Int(range.lowerBound)..<min(1000, Int(range.upperBound))])
                #expect(try await store.get("r/obj", range: range) == expected, "range \(range)")
            }
            #expect(try await store.get("r/obj", range: 1000..<1010) == [])
            #expect(try await store.get("r/obj", range: 5..<5) == [])
            try await store.put("r/empty", bytes: [])
            #expect(try await store.get("r/empty") == [])
            #expect(try await store.head("r/empty")?.size == 0)
        }
    }

    @Test(
        "listing 1,100 keys pages past 1,000, with delimiters and the store prefix stripped",
        arguments: S3TestServer.all)
    func largeListing(server: S3TestServer) async throws {
        try await withS3Store(on: server, prefix: "root/") { store in
            let keys = (0..<1100).map { "many/dt=\($0 % 3)/part-\(String(format: "%04d", $0)).parquet" }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for slice in stride(from: 0, to: keys.count, by: 100) {
                    group.addTask {
                        for key in keys[slice..<(slice + 100)] { try await store.put(key, bytes: [1]) }
                    }
                }
                try await group.waitForAll()
            }
            try await store.put("top.txt", bytes: [2])
            let first = try await store.listPage(prefix: "many/", delimiter: nil, continuationToken: nil)
            #expect(first.objects.count == 1000)
            #expect(first.continuationToken != nil)
            let all = try await store.listAll(prefix: "many/")
            #expect(all.objects.map(\.key) == keys.sorted())
            var streamed = 0
            for try await _ in store.list(prefix: "many/") { streamed += 1 }
            #expect(streamed == 1100)
            let folders = try await store.listAll(prefix: "many/", delimiter: "/")
            #expect(folders.objects.isEmpty)
            #expect(folders.commonPrefixes == ["many/dt=0/", "many/dt=1/", "many/dt=2/"])
            let root = try await store.listAll(prefix: "", delimiter: "/")
            #expect(root.objects.map(\.key) == ["top.txt"])
            #expect(root.commonPrefixes == ["many/"])
        }
    }

    @Test("a multipart upload of 4 parts written in uneven chunks reads back whole", arguments: S3TestServer.all)
    func multipart(server: S3TestServer) async throws {
        try await withS3Store(on: server) { store in
            let bytes = patternedBytes(3 * S3ObjectStore.minimumPartSize + 12345)
            let writer = try await store.makeWriter(for: "big/object.bin")
            var offset = 0
            var chunk = 700_001
            while offset < bytes.count {
                let end = min(bytes.count, offset + chunk)
                try await writer.write(Array(bytes[offset..<end]))
                offset = end
                chunk = chunk * 3 / 2
            }
            #expect(try await store.head("big/object.bin") == nil, "nothing is visible before commit")
            try await writer.commit()
            #expect(try await store.head("big/object.bin")?.size == Int64(bytes.count))
            let back = try await store.get("big/object.bin")
            #expect(SHA256.hash(data: back) == SHA256.hash(data: bytes))
            let tail = try await store.get("big/object.bin", range: Int64(bytes.count - 10)..<Int64(bytes.count))
            #expect(tail == Array(bytes.suffix(10)))
        }
    }

    @Test("an aborted multipart upload leaves no object and no upload behind", arguments: S3TestServer.all)
    func abortedMultipart(server: S3TestServer) async throws {
        try await withS3Store(on: server) { store in
            let writer = try await store.makeWriter(for: "aborted.bin")
            try await writer.write(patternedBytes(2 * S3ObjectStore.minimumPartSize + 1))
            await writer.abort()
            #expect(try await store.head("aborted.bin") == nil)
            #expect(try await store.listAll(prefix: "").objects.isEmpty)
            let uploads = try await store.client.send(
                S3Request(
                    "ListMultipartUploads", method: "GET", bucket: store.bucket, query: [.init("uploads", "")]))
            let text = String(decoding: uploads.body, as: UTF8.self)
            #expect(!text.contains("aborted.bin"), "open uploads: \(text)")
        }
    }

    @Test("copy on the server, and DeleteObjects for many keys", arguments: S3TestServer.all)
    func copyAndDeleteMany(server: S3TestServer) async throws {
        try await withS3Store(on: server, prefix: "p/") { store in
            try await store.put("src/a=1.bin", bytes: patternedBytes(4096))
            try await store.copy("src/a=1.bin", to: "dst/a=1 copy.bin")
            #expect(try await store.get("dst/a=1 copy.bin") == patternedBytes(4096))
            await #expect(throws: StorageError.notFound(location: store.displayLocation, key: "src/missing")) {
                try await store.copy("src/missing", to: "dst/x")
            }
            let keys = (0..<30).map { "gone/\($0)+k.bin" }
            for key in keys { try await store.put(key, bytes: [UInt8(keys.count)]) }
            try await store.delete(keys: keys + ["gone/never-existed"])
            #expect(try await store.listAll(prefix: "gone/").objects.isEmpty)
        }
    }

    @Test("a presigned URL fetches the object without credentials")
    func presignedGet() async throws {
        let server = try #require(S3TestServer.seaweedFS)
        try await withS3Store(on: server) { store in
            try await store.put("shared/report 1.csv", bytes: Array("a,b\n1,2\n".utf8))
            let url = try await store.presignedURL(for: "shared/report 1.csv", expiresIn: 900)
            #expect(url.contains("X-Amz-Expires=900"))
            #expect(!url.contains(server.secretKey))
            let (status, body) = try await plainGet(url)
            #expect(status == 200)
            #expect(body == Array("a,b\n1,2\n".utf8))
        }
    }
}

/// A GET with no signing of our own, through AsyncHTTPClient.
func plainGet(_ url: String) async throws -> (Int, [UInt8]) {
    let client = S3Client.makeHTTPClient()
    do {
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        var body = try await response.body.collect(upTo: 1 << 24)
        let bytes = body.readBytes(length: body.readableBytes) ?? []
        try await client.shutdown()
        return (Int(response.status.code), bytes)
    } catch {
        try? await client.shutdown()
        throw error
    }
}
