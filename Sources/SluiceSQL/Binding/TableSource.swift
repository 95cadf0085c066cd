import SluiceCore
import SluiceParquet
import SluiceStorage

/// A table a query can read: a parquet dataset (one file, or the part files under a prefix), with
/// its schema read once when the source is made so binding needs no I/O.
public struct TableSource: Sendable {
    /// How messages and plans name the source (the path or prefix).
    public let name: String
    /// Every column the source can produce: file columns, then partition columns.
    public let schema: Schema
    /// The size of its files in bytes, listed when the source was made: a cheap estimate of how big
    /// the table is, for choosing a join's build side.
    public let estimatedBytes: Int64
    private let opener: @Sendable ([String], ParquetPredicate?, Int) async throws -> ParquetDataset

    /// The dataset under `prefix` of `store`.
    ///
    /// - Throws: what `ParquetDataset.open` throws (no part files, an unreadable footer).
    public static func parquet(store: any ObjectStore, prefix: String) async throws -> TableSource {
        let dataset = try await ParquetDataset.open(store: store, prefix: prefix)
        return TableSource(name: dataset.name, schema: dataset.schema, estimatedBytes: dataset.totalBytes) {
            columns, predicate, threads in
            try await ParquetDataset.open(
                store: store, prefix: prefix, columns: columns, predicate: predicate, threads: threads)
        }
    }

    /// A local file or folder as a person types it (`sluice query --view name=PATH`).
    ///
    /// - Throws: what `ParquetLocalSource.resolve` and `ParquetDataset.open` throw.
    public static func parquet(path: String) async throws -> TableSource {
        let local = try await ParquetLocalSource.resolve(path: path)
        let dataset = try await local.dataset()
        return TableSource(name: path, schema: dataset.schema, estimatedBytes: dataset.totalBytes) {
            columns, predicate, threads in
            try await local.dataset(columns: columns, predicate: predicate, threads: threads)
        }
    }

    /// The dataset projected to `columns`, pruned by `predicate` (which does not filter rows),
    /// decoding up to `threads` row groups at once.
    func open(columns: [String], predicate: ParquetPredicate?, threads: Int) async throws -> ParquetDataset {
        try await opener(columns, predicate, threads)
    }
}

extension ParquetDataset {
    /// The size of all its files.
    fileprivate var totalBytes: Int64 { files.reduce(0) { $0 + $1.object.size } }
}
