import SluiceCore
import SluiceParquet
import SluiceStorage

/// The complete result a save loads: its part files in key order, with their row counts read from
/// the footers.
public struct LoadSource: Sendable {
    public struct Part: Sendable {
        public var object: ObjectInfo
        public var rows: Int64
    }

    public let store: any ObjectStore
    public let result: CompleteResult
    public let parts: [Part]
    /// The first part's schema; every part is checked against it when read.
    public let schema: Schema

    /// Reads the footers of every part, up to `concurrency` at once: on S3 each footer is a
    /// round trip, and a result may have hundreds of parts.
    public static func open(_ result: CompleteResult, in store: any ObjectStore, concurrency: Int = 16) async throws
        -> LoadSource
    {
        let objects = result.parts.sorted(by: { $0.key < $1.key })
        var metadata = [FileMetaData?](repeating: nil, count: objects.count)
        try await withThrowingTaskGroup(of: (Int, FileMetaData).self) { group in
            for (index, object) in objects.enumerated() {
                if index >= concurrency, let (done, footer) = try await group.next() { metadata[done] = footer }
                group.addTask {
                    (index, try await ParquetFooter.read(from: store, key: object.key, fileSize: object.size).metadata)
                }
            }
            for try await (done, footer) in group { metadata[done] = footer }
        }
        var schema = Schema([])
        if let first = objects.first, let footer = metadata[0] {
            do throws(ParquetError) {
                schema = try ParquetSchema(metadata: footer).schema
            } catch {
                throw error.at(file: store.displayLocation + "/" + first.key)
            }
        }
        let parts = zip(objects, metadata).map { Part(object: $0, rows: $1?.numRows ?? 0) }
        return LoadSource(store: store, result: result, parts: parts, schema: schema)
    }

    public var runID: String { result.dataset.runID.description }
    public var rows: Int64 { parts.reduce(0) { $0 + $1.rows } }

    public func parts(of shard: ShardSpec) -> [Part] {
        parts.enumerated().filter { shard.owns(partAt: $0.offset) }.map(\.element)
    }

    /// The batches of one part, projected to `columns` in that order.
    public func batches(of part: Part, columns: [String]) async throws -> DatasetBatchSequence {
        let dataset = try await ParquetDataset.open(
            store: store, file: part.object, name: store.displayLocation + "/" + part.object.key, columns: columns)
        return dataset.batches()
    }
}
