import Foundation
import Testing

@testable import SluiceStorage

@Suite("LocalObjectWriter: atomic writes")
struct LocalObjectWriterTests {
    @Test func nothingIsVisibleBeforeCommit() async throws {
        try await withTemporaryStore { store in
            let writer = try await store.makeWriter(for: "results/part-00000.parquet")
            try await writer.write([1, 2, 3])
            try await writer.write([4, 5])
            #expect(try await store.head("results/part-00000.parquet") == nil)
            await #expect(throws: StorageError.self) { try await store.get("results/part-00000.parquet") }
            #expect(try await store.allKeys().isEmpty)

            try await writer.commit()
            #expect(try await store.get("results/part-00000.parquet") == [1, 2, 3, 4, 5])
            #expect(temporaryFiles(of: store).isEmpty)
        }
    }

    @Test func readersSeeTheOldObjectUntilCommit() async throws {
        try await withTemporaryStore { store in
            try await store.put("table", bytes: Array("old".utf8))
            let writer = try await store.makeWriter(for: "table")
            try await writer.write(Array("new, longer".utf8))
            #expect(try await store.get("table") == Array("old".utf8))
            try await writer.commit()
            #expect(try await store.get("table") == Array("new, longer".utf8))
        }
    }

    @Test func abortLeavesNothingBehind() async throws {
        try await withTemporaryDirectory { root in
            let store = LocalObjectStore(root: root)
            let writer = try await store.makeWriter(for: "a/b/aborted.parquet")
            try await writer.write(Array(repeating: 7, count: 10_000))
            await writer.abort()
            await writer.abort()  // Idempotent.
            #expect(try await store.head("a/b/aborted.parquet") == nil)
            #expect(try await store.allKeys().isEmpty)
            #expect(temporaryFiles(of: store).isEmpty)
            #expect(!existsOnDisk(root, "a"))
        }
    }

    @Test func bytesGoToTheTemporaryFileAsTheyCome() async throws {
        try await withTemporaryDirectory { root in
            let store = LocalObjectStore(root: root)
            let writer = try await store.makeWriter(for: "streamed")
            let chunk = [UInt8](repeating: 1, count: 64 * 1024)
            for _ in 0..<4 {
                try await writer.write(chunk)
            }
            let temporary = try #require(temporaryFiles(of: store).first)
            let path = root.appendingPathComponent(LocalObjectStore.temporaryFolderName).appendingPathComponent(
                temporary)
            let size = try FileManager.default.attributesOfItem(atPath: path.path)[.size] as? Int
            #expect(size == 4 * 64 * 1024)
            try await writer.commit()
            #expect(try await store.head("streamed")?.size == 4 * 64 * 1024)
        }
    }

    @Test func aFinishedWriterRefusesMoreWork() async throws {
        try await withTemporaryStore { store in
            let committed = try await store.makeWriter(for: "done")
            try await committed.commit()
            await #expect(throws: StorageError.self) { try await committed.write([1]) }
            await #expect(throws: StorageError.self) { try await committed.commit() }
            await committed.abort()  // No effect after commit.
            #expect(try await store.get("done") == [])

            let aborted = try await store.makeWriter(for: "gone")
            await aborted.abort()
            let error = await #expect(throws: StorageError.self) { try await aborted.commit() }
            #expect(error?.description.contains("\"gone\"") == true)
            #expect(try await store.head("gone") == nil)
        }
    }

    @Test func aFailedCommitLeavesNothingBehind() async throws {
        try await withTemporaryStore { store in
            // `a` is an object, so no folder `a/` can hold `a/b`.
            try await store.put("a")
            let writer = try await store.makeWriter(for: "a/b")
            try await writer.write([1])
            let error = await #expect(throws: StorageError.self) { try await writer.commit() }
            #expect(error?.description.contains("\"a/b\"") == true)
            #expect(error?.description.contains("\"a\" is an object") == true)
            #expect(temporaryFiles(of: store).isEmpty)
            #expect(try await store.allKeys() == ["a"])
        }
    }

    @Test func aKeyThatIsAFolderOfOtherObjectsCannotBeWritten() async throws {
        try await withTemporaryStore { store in
            try await store.put("a/b")
            let error = await #expect(throws: StorageError.self) { try await store.put("a", bytes: [1]) }
            #expect(error?.description.contains("\"a\" is a folder holding other objects") == true)
            #expect(try await store.allKeys() == ["a/b"])
            #expect(temporaryFiles(of: store).isEmpty)
        }
    }

    @Test func droppedWritersCleanUp() async throws {
        try await withTemporaryStore { store in
            do {
                let writer = try await store.makeWriter(for: "dropped")
                try await writer.write([1, 2, 3])
            }
            #expect(temporaryFiles(of: store).isEmpty)
            #expect(try await store.head("dropped") == nil)
        }
    }

    @Test func concurrentWritersToManyKeys() async throws {
        try await withTemporaryStore { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<32 {
                    group.addTask {
                        let writer = try await store.makeWriter(for: "run/part-\(index)")
                        for _ in 0..<8 {
                            try await writer.write([UInt8(index)])
                        }
                        try await writer.commit()
                    }
                }
                try await group.waitForAll()
            }
            let keys = try await store.allKeys(prefix: "run/")
            #expect(keys.count == 32)
            #expect(try await store.get("run/part-5") == [UInt8](repeating: 5, count: 8))
            #expect(temporaryFiles(of: store).isEmpty)
        }
    }

    @Test func commitRecreatesFoldersRemovedByADelete() async throws {
        try await withTemporaryStore { store in
            // The delete removes `x/y/` once it is empty, while the writer is still open.
            try await store.put("x/y/old")
            let writer = try await store.makeWriter(for: "x/y/new")
            try await writer.write([1])
            try await store.delete("x/y/old")
            try await writer.commit()
            #expect(try await store.allKeys() == ["x/y/new"])
        }
    }
}
