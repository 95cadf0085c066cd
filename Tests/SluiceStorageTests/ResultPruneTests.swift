import Foundation
import SluiceCore
import Testing

@testable import SluiceStorage

@Suite("ResultCatalog: pruning old runs")
struct ResultPruneTests {
    /// When the fixtures' run 0 started: `runID(minutes: 0)`.
    private static let firstRunStart = Date(timeIntervalSince1970: 1_795_143_600)

    /// `hours` after the first run started.
    private static func later(hours: Double) -> Date {
        firstRunStart.addingTimeInterval(hours * 3600)
    }

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
            // Every run is past the grace; 3 and 5 survive only because they are newer than 2.
            let report = try await ResultCatalog.prune(
                in: store, prefix: "out", keep: 2, now: Self.later(hours: 48))
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

    @Test func keepingMoreThanThereAreOnlyDropsOldIncompleteRunsPastTheGrace() async throws {
        try await withTemporaryStore { store in
            try await writeRun(in: store, prefix: "out", minutes: 0, complete: false)
            try await writeRun(in: store, prefix: "out", minutes: 1, complete: true)
            try await writeRun(in: store, prefix: "out", minutes: 2, complete: false)
            let report = try await ResultCatalog.prune(in: store, prefix: "out", keep: 10, now: Self.later(hours: 25))
            #expect(report.keptRuns == [try runID(minutes: 1)])
            #expect(report.deletedRuns == [try runID(minutes: 0)])
            #expect(
                report.deletedKeys
                    == (0..<2).map { ResultDataset(prefix: "out", runID: report.deletedRuns[0]).partKey(index: $0) })
            #expect(try await ResultCatalog.runs(in: store, prefix: "out").count == 2)
        }
    }

    @Test func aRecentIncompleteRunOlderThanTheKeptOnesSurvives() async throws {
        try await withTemporaryStore { store in
            // Run 0 may be a prepare that started first and is still writing while 1 and 2 finished.
            try await writeRun(in: store, prefix: "out", minutes: 0, complete: false)
            try await writeRun(in: store, prefix: "out", minutes: 1, complete: true)
            try await writeRun(in: store, prefix: "out", minutes: 2, complete: true)
            let report = try await ResultCatalog.prune(in: store, prefix: "out", keep: 1, now: Self.later(hours: 1))
            #expect(report.keptRuns == [try runID(minutes: 2)])
            #expect(report.deletedRuns == [try runID(minutes: 1)])
            let remaining = try await ResultCatalog.runs(in: store, prefix: "out")
            #expect(remaining.map(\.runID) == [try runID(minutes: 2), try runID(minutes: 0)])
            #expect(try await store.allKeys(prefix: "out/" + (try runID(minutes: 0)).description).count == 2)

            // Exactly at the grace it is still left alone; a shorter grace lets it go.
            let atGrace = try await ResultCatalog.prune(
                in: store, prefix: "out", keep: 1, incompleteRunGrace: 3600, now: Self.later(hours: 1))
            #expect(atGrace.deletedRuns.isEmpty)
            let shorter = try await ResultCatalog.prune(
                in: store, prefix: "out", keep: 1, incompleteRunGrace: 3599, now: Self.later(hours: 1))
            #expect(shorter.deletedRuns == [try runID(minutes: 0)])
        }
    }

    @Test func anIncompleteRunPastTheGraceIsDeleted() async throws {
        try await withTemporaryStore { store in
            try await writeRun(in: store, prefix: "out", minutes: 0, complete: false)
            try await writeRun(in: store, prefix: "out", minutes: 1, complete: false)
            try await writeRun(in: store, prefix: "out", minutes: 5, complete: true)
            // The default grace is a day: run 0 is 30 seconds past it, run 1 30 seconds short of it.
            let now = Self.firstRunStart.addingTimeInterval(ResultCatalog.defaultIncompleteRunGrace + 30)
            let report = try await ResultCatalog.prune(in: store, prefix: "out", keep: 1, now: now)
            let old = ResultDataset(prefix: "out", runID: try runID(minutes: 0))
            #expect(report.keptRuns == [try runID(minutes: 5)])
            #expect(report.deletedRuns == [old.runID])
            #expect(report.deletedKeys == [old.partKey(index: 0), old.partKey(index: 1)])
            let remaining = try await ResultCatalog.runs(in: store, prefix: "out").map(\.runID)
            #expect(remaining == [try runID(minutes: 5), try runID(minutes: 1)])
        }
    }

    @Test func aNegativeGraceCountsAsZeroAndNaNAsForever() async throws {
        try await withTemporaryStore { store in
            try await writeRun(in: store, prefix: "out", minutes: 0, complete: false)
            try await writeRun(in: store, prefix: "out", minutes: 1, complete: true)
            // Run 0 started 10 minutes before `now`, run 1 9 minutes before.
            let now = Self.firstRunStart.addingTimeInterval(600)
            let never = try await ResultCatalog.prune(
                in: store, prefix: "out", keep: 1, incompleteRunGrace: .nan, now: now)
            #expect(never.deletedRuns.isEmpty)
            let negative = try await ResultCatalog.prune(
                in: store, prefix: "out", keep: 1, incompleteRunGrace: -3600, now: now)
            #expect(negative.deletedRuns == [try runID(minutes: 0)])
        }
    }

    @Test func aRunThatFinishesDuringThePruneIsKept() async throws {
        try await withTemporaryStore { local in
            let slow = try await writeRun(in: local, prefix: "out", minutes: 0, complete: false)
            try await writeRun(in: local, prefix: "out", minutes: 1, complete: true)
            // The slow run publishes its marker after the prune listed it as incomplete, just
            // before the prune lists its folder to delete it.
            let store = InterceptingObjectStore(local) { prefix in
                guard prefix == slow.runPrefix, try await local.head(slow.successMarkerKey) == nil else { return }
                let parts = (0..<2).map { ResultManifest.Part(name: "part-0000\($0).parquet", size: 10) }
                try await ResultCatalog.markComplete(slow, parts: parts, in: local)
            }
            let report = try await ResultCatalog.prune(in: store, prefix: "out", keep: 1, now: Self.later(hours: 48))
            #expect(report.keptRuns == [try runID(minutes: 1), slow.runID])
            #expect(report.deletedRuns.isEmpty)
            #expect(report.deletedKeys.isEmpty)
            let runs = try await ResultCatalog.runs(in: local, prefix: "out")
            #expect(runs.map(\.isComplete) == [true, true])
            #expect(try await local.allKeys(prefix: slow.runPrefix).count == 3)

            // The next prune sees it as an old complete run and deletes it, marker first.
            let next = try await ResultCatalog.prune(in: local, prefix: "out", keep: 1, now: Self.later(hours: 48))
            #expect(next.deletedRuns == [slow.runID])
            #expect(next.deletedKeys.first == slow.successMarkerKey)
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
