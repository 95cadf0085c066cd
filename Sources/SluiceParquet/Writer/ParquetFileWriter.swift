import SluiceCore
import SluiceStorage

/// Writes record batches to one parquet file in an object store.
///
/// ```swift
/// let writer = try await ParquetFileWriter(schema: schema, store: store, key: "out/part-00000.parquet")
/// for batch in batches { try await writer.write(batch) }
/// let footer = try await writer.close()   // the object appears only now
/// ```
///
/// Rows accumulate into a row group until it holds `rowGroupRows` rows (a batch is split across
/// row groups when needed) or its encoded pages reach `rowGroupBytes`; the row group's column
/// chunks are then written out. Memory: the open row group's pages are kept encoded and
/// compressed (plus one open page and the dictionary per column); the batches themselves are not
/// retained after `write` returns.
///
/// After an error the writer refuses further writes; call `abort()` to discard the object.
public actor ParquetFileWriter {
    /// The columns every batch must have.
    public nonisolated let schema: Schema
    public nonisolated let options: ParquetWriteOptions

    private let output: any ObjectWriter
    private let elements: [SchemaElement]
    private let columns: [ColumnDescriptor]
    /// The leaf columns of each top-level field.
    private let leafRanges: [Range<Int>]
    private var chunkWriters: [AnyColumnChunkWriter]
    private var rowGroups: [RowGroup] = []
    private var rowGroupRows = 0
    private var totalRows: Int64 = 0
    /// Bytes handed to `output` so far (the magic included once it is written).
    private var offset: Int64 = 0
    private var state = State.open

    private enum State {
        case open
        case failed
        case closed
    }

    private static let magic: [UInt8] = Array("PAR1".utf8)

    /// A writer of `schema` into `writer`, which the file writer commits on `close()`.
    ///
    /// - Throws: `ParquetError(.unsupported)` naming the column for an invalid type or one parquet
    ///   cannot hold (a struct without fields, a negative decimal scale), or for bad options.
    public init(schema: Schema, options: ParquetWriteOptions = ParquetWriteOptions(), writer: any ObjectWriter) throws {
        try options.validate()
        for field in schema.fields {
            do {
                try field.dataType.validate()
            } catch {
                throw ParquetError(.unsupported, "\(error)", column: field.name)
            }
        }
        let elements = try SchemaElementConversion.elements(for: schema)
        let parquetSchema = try ParquetSchema(elements: elements)
        self.schema = schema
        self.options = options
        self.output = writer
        self.elements = elements
        self.columns = parquetSchema.columns
        var ranges: [Range<Int>] = []
        var start = 0
        for field in schema.fields {
            let count = Self.leafCount(of: field.dataType)
            ranges.append(start..<start + count)
            start += count
        }
        leafRanges = ranges
        chunkWriters = parquetSchema.columns.map { makeColumnChunkWriter(for: $0, options: options) }
    }

    /// A writer of `schema` into a new object `key` of `store`.
    public init(
        schema: Schema, options: ParquetWriteOptions = ParquetWriteOptions(), store: any ObjectStore, key: String
    ) async throws {
        let writer = try await store.makeWriter(for: key)
        do {
            try self.init(schema: schema, options: options, writer: writer)
        } catch {
            await writer.abort()
            throw error
        }
    }

    /// Adds the rows of `batch`, writing out row groups as they fill.
    ///
    /// - Throws: `ParquetError` naming the column when the batch's schema differs from the
    ///   writer's or a non-nullable column holds nulls; storage errors from the object writer.
    public func write(_ batch: RecordBatch) async throws {
        try checkOpen()
        try checkSchema(of: batch)
        var start = 0
        while start < batch.numRows {
            let take = min(batch.numRows - start, options.rowGroupRows - rowGroupRows)
            let slice = start == 0 && take == batch.numRows ? batch : batch.slice(start..<start + take)
            try failing { () throws(ParquetError) in try append(slice) }
            start += take
            if rowGroupRows >= options.rowGroupRows || exceedsRowGroupBytes {
                try await flushRowGroup()
            }
        }
    }

    /// Writes the last row group and the footer, and commits the object.
    ///
    /// - Returns: the footer written.
    public func close() async throws -> FileMetaData {
        try checkOpen()
        try await flushRowGroup()
        if offset == 0 { try await emit(Self.magic) }
        let metadata = FileMetaData(
            version: 2, schema: elements, numRows: totalRows, rowGroups: rowGroups,
            keyValueMetadata: keyValueMetadata.isEmpty ? nil : keyValueMetadata,
            createdBy: options.createdBy, columnOrders: columns.map { _ in .typeDefinedOrder })
        var thrift = ThriftCompactWriter(capacity: 1024)
        metadata.write(to: &thrift)
        var tail = thrift.bytes
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: tail.count).littleEndian) { tail.append(contentsOf: $0) }
        tail.append(contentsOf: Self.magic)
        try await emit(tail)
        do {
            try await output.commit()
        } catch {
            state = .failed
            throw error
        }
        state = .closed
        return metadata
    }

    /// The footer's key/value metadata: the caller's, then the Arrow schema unless turned off.
    private var keyValueMetadata: [KeyValue] {
        var entries = options.keyValueMetadata
        if options.storesArrowSchema, !entries.contains(where: { $0.key == ArrowSchemaMessage.metadataKey }) {
            entries.append(
                KeyValue(key: ArrowSchemaMessage.metadataKey, value: ArrowSchemaMessage.base64Encoded(schema)))
        }
        return entries
    }

    /// Discards the object; nothing is left behind.
    public func abort() async {
        state = .failed
        await output.abort()
    }

    private func checkOpen() throws(ParquetError) {
        switch state {
        case .open: return
        case .failed: throw ParquetError(.unsupported, "the writer failed or was aborted; start a new file")
        case .closed: throw ParquetError(.unsupported, "the writer is closed")
        }
    }

    private func checkSchema(of batch: RecordBatch) throws(ParquetError) {
        let fields = batch.schema.fields
        guard fields.count == schema.count else {
            throw ParquetError(
                .unsupported, "the batch has \(fields.count) columns, the writer's schema \(schema.count)")
        }
        for (expected, actual) in zip(schema.fields, fields) {
            guard expected.name == actual.name else {
                throw ParquetError(
                    .unsupported, "the batch has column \"\(actual.name)\" where the writer's schema has it",
                    column: expected.name)
            }
            guard expected.dataType.isCompatible(with: actual.dataType) else {
                throw ParquetError(
                    .unsupported,
                    "the batch's column is \(actual.dataType), the writer's schema says \(expected.dataType)",
                    column: expected.name)
            }
        }
    }

    /// Runs `body`, marking the writer failed when it throws.
    private func failing(_ body: () throws(ParquetError) -> Void) throws(ParquetError) {
        do {
            try body()
        } catch {
            state = .failed
            throw error
        }
    }

    private func append(_ batch: RecordBatch) throws(ParquetError) {
        for (index, field) in schema.fields.enumerated() {
            let leaves = try LevelShredder.shred(batch.columns[index], field: field)
            for (leaf, column) in zip(leaves, leafRanges[index]) {
                do throws(ParquetError) {
                    try chunkWriters[column].write(leaf)
                } catch {
                    throw error.at(rowGroup: rowGroups.count, column: columns[column].dottedPath)
                }
            }
        }
        rowGroupRows += batch.numRows
    }

    private var exceedsRowGroupBytes: Bool {
        guard let limit = options.rowGroupBytes else { return false }
        return chunkWriters.reduce(0) { $0 + $1.bufferedByteCount() } >= limit
    }

    private func flushRowGroup() async throws {
        guard rowGroupRows > 0 else { return }
        var chunks: [EncodedColumnChunk] = []
        chunks.reserveCapacity(columns.count)
        for (index, writer) in chunkWriters.enumerated() {
            do throws(ParquetError) {
                chunks.append(try writer.finish())
            } catch {
                state = .failed
                throw error.at(rowGroup: rowGroups.count, column: columns[index].dottedPath)
            }
        }
        chunkWriters = columns.map { makeColumnChunkWriter(for: $0, options: options) }
        if offset == 0 { try await emit(Self.magic) }
        let start = offset
        var metadata: [ColumnChunk] = []
        var uncompressed: Int64 = 0
        for (chunk, column) in zip(chunks, columns) {
            let chunkOffset = offset
            for piece in (chunk.dictionaryPage ?? []) + chunk.dataPages { try await emit(piece) }
            metadata.append(
                ColumnChunk(
                    fileOffset: chunkOffset,
                    metaData: chunk.metadata(for: column, codec: options.codec, at: chunkOffset)))
            uncompressed += chunk.totalUncompressedSize
        }
        rowGroups.append(
            RowGroup(
                columns: metadata, totalByteSize: uncompressed, numRows: Int64(rowGroupRows), fileOffset: start,
                totalCompressedSize: offset - start, ordinal: Int16(truncatingIfNeeded: rowGroups.count)))
        totalRows += Int64(rowGroupRows)
        rowGroupRows = 0
    }

    private func emit(_ bytes: [UInt8]) async throws {
        guard !bytes.isEmpty else { return }
        do {
            try await output.write(bytes)
        } catch {
            state = .failed
            throw error
        }
        offset += Int64(bytes.count)
    }

    private static func leafCount(of type: DataType) -> Int {
        switch type {
        case .list(let element): return leafCount(of: element.dataType)
        case .struct(let fields): return fields.reduce(0) { $0 + leafCount(of: $1.dataType) }
        case .map(let key, let value, _): return leafCount(of: key.dataType) + leafCount(of: value.dataType)
        default: return 1
        }
    }
}
