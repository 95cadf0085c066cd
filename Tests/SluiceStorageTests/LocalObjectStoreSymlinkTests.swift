import Foundation
import Testing

@testable import SluiceStorage

/// Symbolic links the lake's owner puts inside the root are followed (a lake spread over disks);
/// links that loop must not break listings.
@Suite("LocalObjectStore: symbolic links")
struct LocalObjectStoreSymlinkTests {
    private static func link(_ root: URL, _ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent(path).path, withDestinationPath: destination)
    }

    @Test func aLinkedFolderIsListedReadableAndWritable() async throws {
        try await withTemporaryDirectory { root in
            try await withTemporaryDirectory { disk2 in
                let elsewhere = LocalObjectStore(root: disk2)
                try await elsewhere.put("x/1.parquet", bytes: [1, 2, 3, 4])
                let store = LocalObjectStore(root: root)
                try await store.put("a/local")
                try Self.link(root, "disk2", to: disk2.path)

                #expect(try await store.allKeys() == ["a/local", "disk2/x/1.parquet"])
                #expect(try await store.allKeys(prefix: "disk2/") == ["disk2/x/1.parquet"])
                let folders = try await store.listAll(prefix: "", delimiter: "/")
                #expect(folders.commonPrefixes == ["a/", "disk2/"])
                #expect(try await store.head("disk2/x/1.parquet")?.size == 4)
                #expect(try await store.get("disk2/x/1.parquet") == [1, 2, 3, 4])
                #expect(try await store.get("disk2/x/1.parquet", range: 1..<3) == [2, 3])

                // Writes land in the linked folder (here on the same file system).
                try await store.put("disk2/x/2.parquet", bytes: [9])
                #expect(try await elsewhere.get("x/2.parquet") == [9])

                // Deleting every object below the link keeps the link and its target folder.
                try await store.delete("disk2/x/1.parquet")
                try await store.delete("disk2/x/2.parquet")
                #expect(try await store.allKeys() == ["a/local"])
                let destination = try FileManager.default.destinationOfSymbolicLink(
                    atPath: root.appendingPathComponent("disk2").path)
                #expect(destination == disk2.path)
                #expect(FileManager.default.fileExists(atPath: disk2.path))
            }
        }
    }

    @Test func aLinkedFileIsAnObjectWithItsTargetsSize() async throws {
        try await withTemporaryDirectory { root in
            let store = LocalObjectStore(root: root)
            try await store.put("data/real.bin", bytes: [1, 2, 3])
            try Self.link(root, "data/alias.bin", to: "real.bin")
            #expect(try await store.allKeys() == ["data/alias.bin", "data/real.bin"])
            #expect(try await store.head("data/alias.bin")?.size == 3)
            // Deleting the key removes the link, not the file it points to.
            try await store.delete("data/alias.bin")
            #expect(try await store.allKeys() == ["data/real.bin"])
        }
    }

    @Test func loopingLinksDoNotBreakListings() async throws {
        try await withTemporaryDirectory { root in
            let store = LocalObjectStore(root: root, pageSize: 2)
            try await store.put("a/b/c")
            try await store.put("z")
            // A link to itself (stat fails with ELOOP), links back to the folder they are in and to
            // the root (cycles), and a dangling link.
            try Self.link(root, "loop", to: "loop")
            try Self.link(root, "a/b/loop", to: "loop")
            try Self.link(root, "a/again", to: ".")
            try Self.link(root, "a/b/up", to: "../..")
            try Self.link(root, "dangling", to: "nowhere")

            #expect(try await store.allKeys() == ["a/b/c", "z"])
            #expect(try await store.allKeys(prefix: "a/") == ["a/b/c"])
            #expect(try await store.allKeys(prefix: "a/b/") == ["a/b/c"])
            // A listing inside a cycle lists nothing, as the whole-store listing never goes there.
            #expect(try await store.allKeys(prefix: "a/b/up/").isEmpty)
            #expect(try await store.allKeys(prefix: "loop/").isEmpty)
            let folders = try await store.listAll(prefix: "", delimiter: "/")
            #expect(folders.commonPrefixes == ["a/"])
            #expect(folders.objects.map(\.key) == ["z"])
            let inner = try await store.listAll(prefix: "a/", delimiter: "/")
            #expect(inner.commonPrefixes == ["a/b/"])

            // Reading through a cycle still works: only listings skip it.
            #expect(try await store.get("a/b/up/z") == Array("z".utf8))
        }
    }
}
