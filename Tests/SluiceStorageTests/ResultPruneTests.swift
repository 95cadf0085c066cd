import Foundation
import SluiceCore
import Testing

@testable import SluiceStorage

@Suite("ResultCatalog: pruning old runs")
struct ResultPruneTests {
    @Test func keepsTheNewestCompleteRuns() async throws {
        try await withTemporaryDirectory { root in
            let store = LocalObjectStore(root: root)
            var datasets: [ResultDataset] = []
            for minute in Int64(0)..<5 {
                datasets.append(try await writeRun(in: store, prefix: "out", minutes: minute, complete: true))
            }
            let report = try await ResultCatalog.prune(in: store, prefix: "out", keep: 2)
            #expect(report.keptRuns == [datasets[4].runID, datasets[3].runID])
            #expect(report.deletedRuns == [datasets[0].runID, datasets[1].runID, datasets[2].runID])
            #expect(report.deletedKeys.count == 3 * 3)
            let remaining = try await ResultCatalog.runs(in: store, prefix: "out").map(\.runID)
            #expect(remaining == [datasets[4].runID, datasets[3].runID])
            // Like S3, a deleted run leaves no folder behind.
            #expect(!existsOnDisk(root, "out/" + datasets[0].runID.description))
            let newest = try await ResultCatalog.newestCompleteResult(in: store, prefix: "out")
            #expect(newest?.dataset == datasets[4])
        }
    }

    @Test func neverDeletesIncompleteRunsNewerThanTheOldestKept() async throws {
        try await withTemporaryStore { store in
            // Minutes: 0 complete, 1 incomplete, 2 complete, 3 incomplete, 4 complete, 5 incomplete.
            for minute in Int64(0)..<6 {
                try await writeRun(in: store, prefix: "out", minutes: minute, complete: minute % 2 == 0)
            }
            let report = try await ResultCatalog.prune(in: store, prefix: "out", keep: 2)
            #expect(report.keptRuns == [try runID(minutes: 4), try runID(minutes: 2)])
            #expect(report.deletedRuns == [try runID(minutes: 0), try runID(minutes: 1)])
            let remaining = try await ResultCatalog.runs(in: store, prefix: "out")
            let expected = try [5, 4, 3, 2].map { try runID(minutes: $0) }
            #expect(remaining.map(\.runID) == expected)
            #expect(remaining.map(\.isComplete) == [false, true, false, true])
        }
    }

    @Test func withoutACompleteRunNothingIsDeleted() async throws {
        try await withTemporaryStore { store in
            for minute in Int64(0)..<3 {
                try await writeRun(in: store, prefix: "out", minutes: minute, complete: false)
            }
            let report = try await ResultCatalog.prune(in: store, prefix: "out", keep: 1)
            #expect(report == PruneReport())
            #expect(try await store.allKeys(prefix: "out/").count == 6)
        }
    }

    @Test func keepingMoreThanThereAreOnlyDropsOldIncompleteRuns() async throws {
        try await withTemporaryStore { store in
            try await writeRun(in: store, prefix: "out", minutes: 0, complete: false)
            try await writeRun(in: store, prefix: "out", minutes: 1, complete: true)
            try await writeRun(in: store, prefix: "out", minutes: 2, complete: false)
            let report = try await ResultCatalog.prune(in: store, prefix: "out", keep: 10)
            #expect(report.keptRuns == [try runID(minutes: 1)])
            #expect(report.deletedRuns == [try runID(minutes: 0)])
            #expect(try await ResultCatalog.runs(in: store, prefix: "out").count == 2)
        }
    }

    @Test func theMarkerIsDeletedBeforeTheParts() async throws {
        try await withTemporaryStore { local in
            for minute in Int64(0)..<4 {
                try await writeRun(in: local, prefix: "out", minutes: minute, parts: 3, complete: true)
            }
            let store = RecordingObjectStore(local)
            let report = try await ResultCatalog.prune(in: store, prefix: "out", keep: 1)
            let deleted = await store.deletedKeys
            #expect(deleted == report.deletedKeys)
            #expect(report.deletedRuns.count == 3)
            for runID in report.deletedRuns {
                let dataset = ResultDataset(prefix: "out", runID: runID)
                let keys = deleted.filter { $0.hasPrefix(dataset.runPrefix) }
                #expect(keys.first == dataset.successMarkerKey)
                #expect(keys.count == 4)
                #expect(Set(keys.dropFirst()) == Set((0..<3).map { dataset.partKey(index: $0) }))
            }
        }
    }

    @Test func keepMustBeAtLeastOne() async throws {
        try await withTemporaryStore { store in
            try await writeRun(in: store, prefix: "out", minutes: 0, complete: true)
            for keep in [0, -1] {
                let error = await #expect(throws: StorageError.invalidRetention(keep: keep)) {
                    try await ResultCatalog.prune(in: store, prefix: "out", keep: keep)
                }
                #expect(error?.category == .usage)
            }
            #expect(try await ResultCatalog.runs(in: store, prefix: "out").count == 1)
        }
    }

    @Test func strayFoldersSurvivePruning() async throws {
        try await withTemporaryStore { store in
            try await store.put("out/latest/part-00000.parquet")
            try await writeRun(in: store, prefix: "out", minutes: 0, complete: true)
            try await writeRun(in: store, prefix: "out", minutes: 1, complete: true)
            try await ResultCatalog.prune(in: store, prefix: "out/", keep: 1)
            #expect(try await store.head("out/latest/part-00000.parquet") != nil)
        }
    }
}
