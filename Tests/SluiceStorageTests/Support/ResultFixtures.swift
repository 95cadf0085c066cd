import Foundation
import SluiceCore
import SluiceStorage
import Testing

/// A run ID `minutes` after 2026-11-20T03:00:00Z.
func runID(minutes: Int64, random: UInt32 = 0xab_cdef) throws -> RunID {
    try #require(RunID(secondsSince1970: 1_795_143_600 + minutes * 60, randomBits: random))
}

/// Writes a run with `parts` part files of `partSize` bytes each, and its `_SUCCESS` marker (with
/// the parts as committed) if `complete`.
@discardableResult
func writeRun(
    in store: any ObjectStore, prefix: String, minutes: Int64, parts: Int = 2, partSize: Int = 10,
    complete: Bool
) async throws -> ResultDataset {
    let dataset = ResultDataset(prefix: prefix, runID: try runID(minutes: minutes))
    var committed: [ResultManifest.Part] = []
    for index in 0..<parts {
        try await store.put(dataset.partKey(index: index), bytes: [UInt8](repeating: UInt8(index), count: partSize))
        committed.append(
            ResultManifest.Part(name: "part-" + index.zeroPadded(width: 5) + ".parquet", size: Int64(partSize)))
    }
    if complete {
        try await ResultCatalog.markComplete(dataset, parts: committed, in: store)
    }
    return dataset
}
