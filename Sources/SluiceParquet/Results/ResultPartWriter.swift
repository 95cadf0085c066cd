import SluiceCore
import SluiceStorage

/// Writes a stream of batches as one result run: `part-NNNNN.parquet` files of at most
/// `rowsPerPart` rows each, then the `_SUCCESS` marker (`ResultCatalog.markComplete`).
///
/// A failure aborts the open part and writes no marker, so readers of the newest complete result
/// never see a half-written run.
public struct ResultPartWriter: Sendable {
    public let dataset: ResultDataset
    public let store: any ObjectStore
    public let schema: Schema
    public var rowsPerPart: Int

    public init(dataset: ResultDataset, store: any ObjectStore, schema: Schema, rowsPerPart: Int = 10_000_000) {
        self.dataset = dataset
        self.store = store
        self.schema = schema
        self.rowsPerPart = rowsPerPart
    }

    /// What the run wrote.
    public struct Written: Sendable {
        public var rows: Int64 = 0
        public var bytes: Int64 = 0
        public var parts: [ResultManifest.Part] = []
    }

    public func write<Batches: AsyncSequence>(_ batches: Batches) async throws -> Written
    where Batches.Element == RecordBatch {
        var written = Written()
        var part: (writer: ParquetFileWriter, rows: Int)?
        do {
            for try await batch in batches where batch.numRows > 0 {
                var start = 0
                while start < batch.numRows {
                    if part == nil {
                        let key = dataset.partKey(index: written.parts.count)
                        part = (try await ParquetFileWriter(schema: schema, store: store, key: key), 0)
                    }
                    guard let open = part else { break }
                    let take = min(batch.numRows - start, rowsPerPart - open.rows)
                    try await open.writer.write(
                        take == batch.numRows ? batch : batch.slice(start..<start + take))
                    part?.rows += take
                    start += take
                    written.rows += Int64(take)
                    if open.rows + take == rowsPerPart {
                        try await close(open.writer, into: &written)
                        part = nil
                    }
                }
            }
            // An empty result is still one (empty) part, so its schema is recorded.
            if part == nil && written.parts.isEmpty {
                part = (try await ParquetFileWriter(schema: schema, store: store, key: dataset.partKey(index: 0)), 0)
            }
            if let open = part {
                try await close(open.writer, into: &written)
                part = nil
            }
        } catch {
            await part?.writer.abort()
            throw error
        }
        try await ResultCatalog.markComplete(dataset, parts: written.parts, in: store)
        return written
    }

    private func close(_ writer: ParquetFileWriter, into written: inout Written) async throws {
        _ = try await writer.close()
        let key = dataset.partKey(index: written.parts.count)
        let size = try await store.head(key)?.size ?? 0
        written.bytes += size
        written.parts.append(ResultManifest.Part(name: String(key.dropFirst(dataset.runPrefix.count)), size: size))
    }
}
