import Foundation
import Testing

@testable import SluiceStorage

@Suite("ResultCatalog: publishing a run")
struct MarkCompleteTests {
    private static func part(_ index: Int, size: Int64) -> ResultManifest.Part {
        ResultManifest.Part(name: "part-0000\(index).parquet", size: size)
    }

    /// Writes parts 0..<count of `size` bytes each into a fresh run.
    private static func writeParts(_ count: Int, size: Int, in store: any ObjectStore) async throws -> ResultDataset {
        let dataset = ResultDataset(prefix: "out", runID: try runID(minutes: 0))
        for index in 0..<count {
            try await store.put(dataset.partKey(index: index), bytes: [UInt8](repeating: 1, count: size))
        }
        return dataset
    }

    /// Expects `markComplete` to fail with `reason` and to leave no marker.
    private static func expectRefused(
        _ dataset: ResultDataset, parts: [ResultManifest.Part], in store: LocalObjectStore, reason: String
    ) async throws {
        await #expect(
            throws: StorageError.corruptResult(location: store.displayLocation, key: dataset.runPrefix, reason: reason)
        ) {
            try await ResultCatalog.markComplete(dataset, parts: parts, in: store)
        }
        #expect(try await store.head(dataset.successMarkerKey) == nil)
        #expect(try await ResultCatalog.newestCompleteResult(in: store, prefix: "out") == nil)
    }

    @Test func theManifestHoldsTheCommittedParts() async throws {
        try await withTemporaryStore { store in
            let dataset = try await Self.writeParts(3, size: 4, in: store)
            let parts = [Self.part(2, size: 4), Self.part(0, size: 4), Self.part(1, size: 4)]
            let manifest = try await ResultCatalog.markComplete(dataset, parts: parts, in: store)
            #expect(manifest.parts.map(\.name) == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"])
            #expect(manifest.totalBytes == 12)
            let result = try await ResultCatalog.newestCompleteResult(in: store, prefix: "out")
            #expect(result?.manifest == manifest)
        }
    }

    @Test func anEmptyRunIsComplete() async throws {
        try await withTemporaryStore { store in
            let dataset = ResultDataset(prefix: "out", runID: try runID(minutes: 0))
            let manifest = try await ResultCatalog.markComplete(dataset, parts: [], in: store)
            #expect(manifest.parts.isEmpty)
            let result = try await ResultCatalog.newestCompleteResult(in: store, prefix: "out")
            #expect(result?.partCount == 0)
        }
    }

    @Test func aMissingPartIsReported() async throws {
        try await withTemporaryStore { store in
            let dataset = try await Self.writeParts(1, size: 4, in: store)
            try await Self.expectRefused(
                dataset, parts: [Self.part(0, size: 4), Self.part(1, size: 4)], in: store,
                reason: "part part-00001.parquet was committed but is not in the run folder")
        }
    }

    @Test func aPartOfAnotherSizeIsReported() async throws {
        try await withTemporaryStore { store in
            let dataset = try await Self.writeParts(2, size: 4, in: store)
            try await Self.expectRefused(
                dataset, parts: [Self.part(0, size: 4), Self.part(1, size: 5)], in: store,
                reason: "part part-00001.parquet has 4 bytes in the run folder, but 5 were committed")
        }
    }

    @Test func aPartNobodyCommittedIsReported() async throws {
        try await withTemporaryStore { store in
            let dataset = try await Self.writeParts(3, size: 4, in: store)
            try await Self.expectRefused(
                dataset, parts: [Self.part(0, size: 4), Self.part(2, size: 4)], in: store,
                reason: "part part-00001.parquet is in the run folder but was not committed by this run")
        }
    }

    @Test(arguments: ["notes.txt", "_SUCCESS", ".part-00000.parquet", "nested/part-00000.parquet", ""])
    func namesThatAreNotPartFilesAreRefused(name: String) async throws {
        try await withTemporaryStore { store in
            let dataset = try await Self.writeParts(1, size: 4, in: store)
            try await Self.expectRefused(
                dataset, parts: [Self.part(0, size: 4), ResultManifest.Part(name: name, size: 1)], in: store,
                reason: "the committed part \(name.debugDescription) is not a part file name "
                    + "(a '.parquet' file directly in the run folder, not starting with '.' or '_')")
        }
    }

    @Test func aPartCommittedTwiceIsRefused() async throws {
        try await withTemporaryStore { store in
            let dataset = try await Self.writeParts(1, size: 4, in: store)
            try await Self.expectRefused(
                dataset, parts: [Self.part(0, size: 4), Self.part(0, size: 4)], in: store,
                reason: "part part-00000.parquet was committed twice")
        }
    }
}
