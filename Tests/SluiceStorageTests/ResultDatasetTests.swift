import SluiceCore
import Testing

@testable import SluiceStorage

@Suite("ResultDataset")
struct ResultDatasetTests {
    let runID = RunID("20261120T030000Z-3fa9c1")

    @Test func keysOfARun() throws {
        let dataset = ResultDataset(prefix: "results/job1", runID: try #require(runID))
        #expect(dataset.runPrefix == "results/job1/20261120T030000Z-3fa9c1/")
        #expect(dataset.partKey(index: 0) == "results/job1/20261120T030000Z-3fa9c1/part-00000.parquet")
        #expect(dataset.partKey(index: 42) == "results/job1/20261120T030000Z-3fa9c1/part-00042.parquet")
        #expect(dataset.partKey(index: 123_456) == "results/job1/20261120T030000Z-3fa9c1/part-123456.parquet")
        #expect(dataset.successMarkerKey == "results/job1/20261120T030000Z-3fa9c1/_SUCCESS")
    }

    @Test func aTrailingSlashMeansTheSame() throws {
        let runID = try #require(runID)
        #expect(
            ResultDataset(prefix: "results/job1/", runID: runID) == ResultDataset(prefix: "results/job1", runID: runID))
        #expect(ResultDataset(prefix: "results/job1/", runID: runID).prefix == "results/job1")
        #expect(ResultDataset(prefix: "", runID: runID).runPrefix == "20261120T030000Z-3fa9c1/")
        // "/" is not read as the store root: its keys are absolute, so every store rejects them.
        #expect(ResultDataset(prefix: "/", runID: runID).runPrefix == "//20261120T030000Z-3fa9c1/")
    }

    @Test(arguments: ["../x", "/abs", "/", "a//b", "a\\b", "results/job1//", "results/.."])
    func invalidPrefixesAreUsageErrors(prefix: String) async throws {
        let error = #expect(throws: StorageError.self) { try ResultDataset.validate(prefix: prefix) }
        #expect(error?.category == .usage)
        #expect(error?.description.contains(prefix.debugDescription) == true)

        // The catalog checks the prefix before any I/O, and a store refuses the dataset's keys.
        try await withTemporaryStore { store in
            await #expect(throws: StorageError.self) {
                try await ResultCatalog.newestCompleteResult(in: store, prefix: prefix)
            }
            await #expect(throws: StorageError.self) {
                try await ResultCatalog.prune(in: store, prefix: prefix, keep: 1)
            }
            let dataset = ResultDataset(prefix: prefix, runID: try #require(runID))
            await #expect(throws: StorageError.self) { try await store.put(dataset.partKey(index: 0), bytes: [1]) }
            await #expect(throws: StorageError.self) {
                try await ResultCatalog.markComplete(dataset, parts: [], in: store)
            }
            let keys = try await store.allKeys()
            #expect(keys.isEmpty)
        }
    }

    @Test(arguments: ["", "results/job1", "results/job1/", "a"])
    func validPrefixes(prefix: String) throws {
        try ResultDataset.validate(prefix: prefix)
    }

    @Test func partFileNames() {
        #expect(ResultDataset.isPartFileName("part-00000.parquet"))
        #expect(ResultDataset.isPartFileName("anything.parquet"))
        #expect(!ResultDataset.isPartFileName("_SUCCESS"))
        #expect(!ResultDataset.isPartFileName(".part-00000.parquet"))
        #expect(!ResultDataset.isPartFileName("_temporary.parquet"))
        #expect(!ResultDataset.isPartFileName("part-00000.parquet.tmp"))
        #expect(!ResultDataset.isPartFileName("notes.txt"))
    }
}
