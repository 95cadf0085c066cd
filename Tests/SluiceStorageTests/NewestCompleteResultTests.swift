import Foundation
import Testing

@testable import SluiceStorage

@Suite("ResultCatalog: finding the newest complete result")
struct NewestCompleteResultTests {
    @Test func noRunsMeansNoResult() async throws {
        try await withTemporaryStore { store in
            #expect(try await ResultCatalog.newestCompleteResult(in: store, prefix: "results/job1") == nil)
            try await writeRun(in: store, prefix: "results/job1", minutes: 0, complete: false)
            #expect(try await ResultCatalog.newestCompleteResult(in: store, prefix: "results/job1") == nil)
        }
    }

    @Test func newerIncompleteRunsAreIgnored() async throws {
        try await withTemporaryStore { store in
            try await writeRun(in: store, prefix: "results/job1", minutes: 0, complete: true)
            let complete = try await writeRun(
                in: store, prefix: "results/job1", minutes: 10, parts: 3, partSize: 7, complete: true)
            try await writeRun(in: store, prefix: "results/job1", minutes: 20, parts: 1, complete: false)

            let result = try #require(try await ResultCatalog.newestCompleteResult(in: store, prefix: "results/job1"))
            #expect(result.dataset == complete)
            #expect(result.partCount == 3)
            #expect(result.totalBytes == 21)
            #expect(result.parts.map(\.key) == (0..<3).map { complete.partKey(index: $0) })
            #expect(result.manifest?.runID == complete.runID)
            #expect(result.manifest?.totalBytes == 21)
        }
    }

    @Test func prefixWithOrWithoutTrailingSlash() async throws {
        try await withTemporaryStore { store in
            let dataset = try await writeRun(in: store, prefix: "results/job1/", minutes: 5, complete: true)
            let plain = try await ResultCatalog.newestCompleteResult(in: store, prefix: "results/job1")
            let slashed = try await ResultCatalog.newestCompleteResult(in: store, prefix: "results/job1/")
            #expect(plain?.dataset == dataset)
            #expect(plain == slashed)
            // A sibling prefix that merely starts the same is another dataset.
            #expect(try await ResultCatalog.newestCompleteResult(in: store, prefix: "results/job") == nil)
        }
    }

    @Test func manyRunsPicksTheRightOneWithFewHeads() async throws {
        try await withTemporaryStore { local in
            // 200 runs; every 7th is complete, and the newest 15 are all still being written.
            let recording = RecordingObjectStore(local)
            var newestComplete: ResultDataset?
            for minute in Int64(0)..<200 {
                let complete = minute % 7 == 0 && minute < 185
                let dataset = try await writeRun(
                    in: local, prefix: "lake/out", minutes: minute, parts: 1, complete: complete)
                if complete { newestComplete = dataset }
            }
            let result = try await ResultCatalog.newestCompleteResult(in: recording, prefix: "lake/out")
            #expect(result?.dataset == newestComplete)
            #expect(result?.dataset.runID == (try runID(minutes: 182)))
            // Runs 199 down to 182: 18 heads, not 200.
            #expect(await recording.headCount == 18)
            // The run folders are listed with the delimiter, not key by key.
            let lists = await recording.calls.filter { if case .list = $0 { true } else { false } }
            #expect(lists.first == .list(prefix: "lake/out/", delimiter: "/"))
        }
    }

    @Test func strayFoldersAndFilesAreIgnored() async throws {
        try await withTemporaryStore { store in
            let dataset = try await writeRun(in: store, prefix: "results/job1", minutes: 0, parts: 2, complete: true)
            // Not run IDs, even with a marker.
            try await store.put("results/job1/latest/_SUCCESS")
            try await store.put("results/job1/latest/part-00000.parquet")
            try await store.put("results/job1/99991231T235959Z-ZZZZZZ/_SUCCESS")
            try await store.put("results/job1/README.md")
            try await store.put("results/job1/_SUCCESS")

            let result = try #require(try await ResultCatalog.newestCompleteResult(in: store, prefix: "results/job1"))
            #expect(result.dataset == dataset)
            let runs = try await ResultCatalog.runs(in: store, prefix: "results/job1")
            #expect(runs.map(\.runID) == [dataset.runID])
        }
    }

    @Test func onlyParquetPartsCount() async throws {
        try await withTemporaryStore { store in
            let dataset = ResultDataset(prefix: "r", runID: try runID(minutes: 1))
            try await store.put(dataset.partKey(index: 0), bytes: [1, 2, 3])
            try await store.put(dataset.runPrefix + ".part-00001.parquet.crc", bytes: [1])
            try await store.put(dataset.runPrefix + ".hidden.parquet", bytes: [1])
            try await store.put(dataset.runPrefix + "notes.txt", bytes: [1])
            try await store.put(dataset.runPrefix + "nested/part-00009.parquet", bytes: [1])
            // Files in the run folder that are not part files are neither published nor in the way.
            let committed = [ResultManifest.Part(name: "part-00000.parquet", size: 3)]
            let manifest = try await ResultCatalog.markComplete(dataset, parts: committed, in: store)
            #expect(manifest.parts == committed)

            let result = try #require(try await ResultCatalog.newestCompleteResult(in: store, prefix: "r"))
            #expect(result.parts.map(\.key) == [dataset.partKey(index: 0)])
            #expect(result.totalBytes == 3)
        }
    }

    @Test func theMarkerIsAReadableManifest() async throws {
        try await withTemporaryStore { store in
            let dataset = ResultDataset(prefix: "r", runID: try runID(minutes: 0))
            try await store.put(dataset.partKey(index: 0), bytes: [UInt8](repeating: 0, count: 5))
            try await store.put(dataset.partKey(index: 1), bytes: [UInt8](repeating: 0, count: 6))
            let writtenAt = Date(timeIntervalSince1970: 1_795_143_845.5)
            // In any order: the manifest lists them by name.
            let parts = [
                ResultManifest.Part(name: "part-00001.parquet", size: 6),
                ResultManifest.Part(name: "part-00000.parquet", size: 5),
            ]
            try await ResultCatalog.markComplete(dataset, parts: parts, in: store, writtenAt: writtenAt)

            let text = String(decoding: try await store.get(dataset.successMarkerKey), as: UTF8.self)
            #expect(text.contains("\"runID\" : \"20261120T030000Z-abcdef\""))
            #expect(text.contains("\"writtenAt\" : \"2026-11-20T03:04:05Z\""))
            #expect(text.contains("\"totalBytes\" : 11"))
            let manifest = try ResultManifest.decode(Array(text.utf8))
            #expect(manifest.format == 1)
            #expect(manifest.parts.map(\.name) == ["part-00000.parquet", "part-00001.parquet"])
            #expect(manifest.parts.map(\.size) == [5, 6])
            #expect(manifest.writtenAt == Date(timeIntervalSince1970: 1_795_143_845))
        }
    }

    @Test func runsAreListedNewestFirstWithCompleteness() async throws {
        try await withTemporaryStore { store in
            try await writeRun(in: store, prefix: "p", minutes: 0, complete: true)
            try await writeRun(in: store, prefix: "p", minutes: 1, complete: false)
            try await writeRun(in: store, prefix: "p", minutes: 2, complete: true)
            let runs = try await ResultCatalog.runs(in: store, prefix: "p/")
            #expect(runs.map(\.runID) == [try runID(minutes: 2), try runID(minutes: 1), try runID(minutes: 0)])
            #expect(runs.map(\.isComplete) == [true, false, true])
        }
    }

    @Test func anEmptyMarkerFromAnotherToolIsAccepted() async throws {
        try await withTemporaryStore { store in
            let dataset = try await writeRun(in: store, prefix: "p", minutes: 0, parts: 2, complete: false)
            try await store.put(dataset.successMarkerKey, bytes: [])
            let result = try #require(try await ResultCatalog.newestCompleteResult(in: store, prefix: "p"))
            #expect(result.manifest == nil)
            #expect(result.partCount == 2)
        }
    }

    @Test func partsThatDisagreeWithTheManifestAreReported() async throws {
        try await withTemporaryStore { store in
            let dataset = try await writeRun(in: store, prefix: "p", minutes: 0, parts: 2, complete: true)
            try await store.delete(dataset.partKey(index: 1))
            let error = await #expect(throws: StorageError.self) {
                try await ResultCatalog.newestCompleteResult(in: store, prefix: "p")
            }
            #expect(error?.description.contains("part-00001.parquet") == true)
            #expect(error?.description.contains(dataset.runPrefix) == true)
            #expect(error?.category == .taskFailed)
        }
    }

    @Test func resultsAtTheStoreRoot() async throws {
        try await withTemporaryStore { store in
            let dataset = try await writeRun(in: store, prefix: "", minutes: 3, complete: true)
            try await store.put("unrelated/file.txt")
            let result = try await ResultCatalog.newestCompleteResult(in: store, prefix: "")
            #expect(result?.dataset == dataset)
        }
    }
}
