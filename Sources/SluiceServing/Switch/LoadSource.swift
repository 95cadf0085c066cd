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

    /// Reads the footers of every part.
    public static func open(_ result: CompleteResult, in store: any ObjectStore) async throws -> LoadSource {
        var parts: [Part] = []
        var schema: Schema?
        for object in result.parts.sorted(by: { $0.key < $1.key }) {
            let footer = try await ParquetFooter.read(from: store, key: object.key, fileSize: object.size)
            if schema == nil {
                do throws(ParquetError) {
                    schema = try ParquetSchema(metadata: footer.metadata).schema
                } catch {
                    throw error.at(file: store.displayLocation + "/" + object.key)
                }
            }
            parts.append(Part(object: object, rows: footer.metadata.numRows))
        }
        return LoadSource(store: store, result: result, parts: parts, schema: schema ?? Schema([]))
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
