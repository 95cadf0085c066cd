import Foundation
import SluiceCore
import Testing

@testable import SluiceStorage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("LocalObjectStore: put, get, head, delete")
struct LocalObjectStoreRoundTripTests {
    @Test func putGetHeadDeleteRoundTrip() async throws {
        try await withTemporaryStore { store in
            let bytes: [UInt8] = Array("hello, lake".utf8)
            try await store.put("a/b/c.txt", bytes: bytes)

            let info = try #require(try await store.head("a/b/c.txt"))
            #expect(info.key == "a/b/c.txt")
            #expect(info.size == Int64(bytes.count))
            #expect(abs(info.lastModified.timeIntervalSinceNow) < 60)
            #expect(try await store.get("a/b/c.txt") == bytes)

            try await store.delete("a/b/c.txt")
            #expect(try await store.head("a/b/c.txt") == nil)
            await #expect(throws: StorageError.notFound(location: store.displayLocation, key: "a/b/c.txt")) {
                try await store.get("a/b/c.txt")
            }
        }
    }

    @Test func deleteRemovesEmptyFoldersButNotTheRoot() async throws {
        try await withTemporaryDirectory { root in
            let store = LocalObjectStore(root: root)
            try await store.put("a/b/c.txt")
            try await store.put("a/keep.txt")
            try await store.delete("a/b/c.txt")
            #expect(!existsOnDisk(root, "a/b"))
            #expect(existsOnDisk(root, "a/keep.txt"))

            try await store.delete("a/keep.txt")
            #expect(!existsOnDisk(root, "a"))
            #expect(FileManager.default.fileExists(atPath: root.path))
        }
    }

    @Test func deletingAMissingKeyOrAFolderIsANoOp() async throws {
        try await withTemporaryDirectory { root in
            let store = LocalObjectStore(root: root)
            try await store.delete("never/written.txt")
            try await store.put("folder/object.txt")
            // `folder` is a folder on disk, not an object: it must survive.
            try await store.delete("folder")
            #expect(try await store.head("folder") == nil)
            #expect(try await store.get("folder/object.txt") == Array("folder/object.txt".utf8))
        }
    }

    @Test func putReplacesAnExistingObject() async throws {
        try await withTemporaryStore { store in
            try await store.put("x", bytes: [1, 2, 3, 4])
            try await store.put("x", bytes: [9])
            #expect(try await store.get("x") == [9])
            #expect(try await store.head("x")?.size == 1)
        }
    }

    @Test func emptyObjects() async throws {
        try await withTemporaryStore { store in
            try await store.put("empty", bytes: [])
            #expect(try await store.head("empty")?.size == 0)
            #expect(try await store.get("empty") == [])
            #expect(try await store.get("empty", range: 0..<10) == [])
        }
    }

    @Test func rangedReadsAreClampedToTheObject() async throws {
        try await withTemporaryStore { store in
            let bytes = (0..<10).map { UInt8($0) }
            try await store.put("digits", bytes: bytes)
            #expect(try await store.get("digits", range: 2..<5) == [2, 3, 4])
            #expect(try await store.get("digits", range: 0..<10) == bytes)
            #expect(try await store.get("digits", range: 8..<100) == [8, 9])
            #expect(try await store.get("digits", range: 10..<20) == [])
            #expect(try await store.get("digits", range: 50..<60) == [])
            #expect(try await store.get("digits", range: 4..<4) == [])
            #expect(try await store.get("digits", range: -5..<2) == [0, 1])
        }
    }

    @Test func aFolderIsNotAnObjectToRead() async throws {
        try await withTemporaryStore { store in
            try await store.put("folder/object")
            await #expect(throws: StorageError.notFound(location: store.displayLocation, key: "folder")) {
                try await store.get("folder", range: 0..<1)
            }
            await #expect(throws: StorageError.notFound(location: store.displayLocation, key: "folder/object/x")) {
                try await store.get("folder/object/x")
            }
        }
    }

    @Test func aNamedPipeIsNotAnObjectAndDoesNotBlockReads() async throws {
        try await withTemporaryDirectory { root in
            let store = LocalObjectStore(root: root)
            let created = mkfifo(root.appendingPathComponent("pipe").path, 0o600)
            try #require(created == 0)
            #expect(try await store.head("pipe") == nil)
            await #expect(throws: StorageError.notFound(location: store.displayLocation, key: "pipe")) {
                try await store.get("pipe")
            }
            #expect(try await store.allKeys().isEmpty)
        }
    }

    @Test func largeObjectsRoundTrip() async throws {
        try await withTemporaryStore { store in
            var generator = SplitMix64(seed: 7)
            let bytes = (0..<3_000_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try await store.put("big.bin", bytes: bytes)
            #expect(try await store.get("big.bin") == bytes)
            #expect(try await store.get("big.bin", range: 1_000_000..<1_000_016) == Array(bytes[1_000_000..<1_000_016]))
            #expect(try await store.get("big.bin", range: 5..<2_999_990) == Array(bytes[5..<2_999_990]))
        }
    }

    @Test func missingKeysAndMissingRoot() async throws {
        try await withTemporaryDirectory { root in
            let store = LocalObjectStore(root: root.appendingPathComponent("does-not-exist"))
            #expect(try await store.head("a") == nil)
            await #expect(throws: StorageError.self) { try await store.get("a") }
            try await store.delete("a")
        }
    }

    @Test func displayLocationIsAFileURLOfTheAbsoluteRoot() async throws {
        try await withTemporaryDirectory { root in
            let store = LocalObjectStore(path: root.path + "/")
            #expect(store.displayLocation == "file://" + root.standardizedFileURL.path)
            #expect(!store.displayLocation.hasSuffix("/"))
            let error = await #expect(throws: StorageError.self) { try await store.get("missing/key.parquet") }
            #expect(error?.description.contains("missing/key.parquet") == true)
            #expect(error?.description.contains(store.displayLocation) == true)
            #expect(error?.category == .taskFailed)
            try await store.shutdown()
        }
    }
}
