import Foundation
import SluiceCore
import SluiceStorage

/// Reads a parquet file of an `ObjectStore` as `RecordBatch`es, one per row group.
///
/// `open` costs the footer's requests (see `ParquetFooter.read`). Each row group then costs one
/// ranged `get` per projected column chunk, or fewer when chunks lie close together (see
/// `ColumnChunkFetchPlan`); nothing outside the projected chunks is fetched. `batches()` decodes up
/// to `threads` row groups at once and yields them in file order, so memory stays bounded by
/// `threads` decoded row groups whatever the file's size.
///
/// Nested fields (lists, maps, structs, nested to any depth) are read leaf by leaf and assembled
/// by `NestedFieldAssembler`.
///
/// With a predicate, `batches()` skips the row groups whose statistics rule out every row
/// (`selectedRowGroups`); it does not filter the rows of the groups it reads.
public struct ParquetFileReader: Sendable {
    /// The store and key of the file.
    public let store: any ObjectStore
    public let key: String
    /// How errors name the file (the key, or the path a person typed).
    public let name: String
    public let footer: ParquetFooter
    /// The file's whole schema.
    public let fileSchema: ParquetSchema
    /// The schema of the batches: the projected top-level fields, in projection order.
    public let schema: Schema
    /// The leaf columns of the projected fields, in projection order (one for a flat field,
    /// all its leaves for a nested one).
    public let projectedColumns: [ColumnDescriptor]
    /// The projected fields, in projection order, with their leaves' place in `projectedColumns`.
    public let projectedFields: [ProjectedField]
    /// How many row groups are decoded at once.
    public let threads: Int
    /// The largest gap between chunks of one row group that a single request spans.
    public let maxCoalesceGap: Int64
    /// The row groups `batches()` reads, in file order: those the predicate's statistics do not
    /// rule out (every row group without a predicate).
    public let selectedRowGroups: [Int]

    /// The number of processors the system reports active (the default for `threads`).
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Reads the footer of `key` and prepares to read `columns`.
    ///
    /// - Parameters:
    ///   - columns: top-level field names to read, in that order; `nil` reads every field.
    ///   - threads: row groups decoded at once (at least 1).
    ///   - name: how errors name the file; the key by default.
    ///   - fileSize: the object's size when known (saves the `head` request).
    ///   - predicate: skips the row groups whose statistics rule out every row (see
    ///     `ParquetPredicate`); the rows of the row groups read are not filtered.
    /// - Throws: `ParquetError` for a file that is not parquet, an unknown column (the message
    ///   lists the file's columns), or a nested projected column (`.unsupported`);
    ///   `ParquetPredicateError` for a predicate that does not fit the file's columns; `StorageError`
    ///   when the object cannot be read.
    public static func open(
        store: any ObjectStore, key: String, columns: [String]? = nil, threads: Int = defaultThreads,
        name: String? = nil, fileSize: Int64? = nil, maxCoalesceGap: Int64 = ColumnChunkFetchPlan.defaultMaxGap,
        predicate: ParquetPredicate? = nil
    ) async throws -> ParquetFileReader {
        let footer: ParquetFooter
        do {
            footer = try await ParquetFooter.read(from: store, key: key, fileSize: fileSize)
        } catch var error as ParquetError {
            // The footer reader names the key; keep the name the caller chose.
            if let name { error.file = name }
            throw error
        }
        return try ParquetFileReader(
            store: store, key: key, footer: footer, columns: columns, threads: threads, name: name,
            maxCoalesceGap: maxCoalesceGap, predicate: predicate)
    }

    /// A reader over an already decoded footer.
    ///
    /// - Throws: as `open`, without the storage errors.
    public init(
        store: any ObjectStore, key: String, footer: ParquetFooter, columns: [String]? = nil,
        threads: Int = defaultThreads, name: String? = nil,
        maxCoalesceGap: Int64 = ColumnChunkFetchPlan.defaultMaxGap, predicate: ParquetPredicate? = nil
    ) throws {
        let name = name ?? key
        self.store = store
        self.key = key
        self.name = name
        self.footer = footer
        self.threads = max(1, threads)
        self.maxCoalesceGap = maxCoalesceGap
        let fileSchema: ParquetSchema
        do throws(ParquetError) {
            fileSchema = try ParquetSchema(metadata: footer.metadata)
        } catch {
            throw error.at(file: name)
        }
        self.fileSchema = fileSchema
        let nodes = fileSchema.root.children
        let fieldIndices = try Self.fieldIndices(of: columns, among: nodes.map(\.name), file: name)
        var fields: [Field] = []
        var descriptors: [ColumnDescriptor] = []
        var projected: [ProjectedField] = []
        for index in fieldIndices {
            let node = nodes[index]
            let field = fileSchema.schema[index]
            let first = descriptors.count
            let slotLevels: [Int]?
            if node.isLeaf && !node.isRepeated {
                descriptors.append(try Self.flatColumn(of: node, in: fileSchema, footer: footer, file: name))
                slotLevels = nil
            } else {
                let levels = NestedFieldAssembler.slotLevels(of: node)
                let leafEnd = node.firstColumnIndex + levels.count
                guard leafEnd <= fileSchema.columns.count else {
                    throw ParquetError(
                        .invalidMetadata, "the field's leaves are missing", file: name, column: node.name)
                }
                descriptors.append(contentsOf: fileSchema.columns[node.firstColumnIndex..<leafEnd])
                slotLevels = levels
            }
            projected.append(
                ProjectedField(
                    node: node, dataType: field.dataType, leaves: first..<descriptors.count, slotLevels: slotLevels))
            fields.append(field)
        }
        self.schema = Schema(fields, metadata: fileSchema.schema.metadata)
        self.projectedColumns = descriptors
        self.projectedFields = projected
        if let predicate {
            let pruner: RowGroupPruner
            do throws(ParquetPredicateError) {
                pruner = try RowGroupPruner(
                    predicate: predicate, schema: fileSchema, columnOrders: footer.metadata.columnOrders)
            } catch {
                var named = error
                named.file = name
                throw named
            }
            self.selectedRowGroups = pruner.selectedRowGroups(of: footer.metadata)
        } else {
            self.selectedRowGroups = Array(footer.metadata.rowGroups.indices)
        }
    }

    /// The number of row groups in the file.
    public var rowGroupCount: Int { footer.metadata.rowGroups.count }

    /// The number of rows in the file.
    public var rowCount: Int64 { footer.metadata.numRows }

    /// The requests `readRowGroup(index)` makes: one per group of nearby projected chunks.
    ///
    /// - Throws: `ParquetError` when the row group has no such chunk, a chunk lies in another
    ///   file, outside this file's data, or is encrypted.
    public func fetchPlan(rowGroup index: Int) throws(ParquetError) -> ColumnChunkFetchPlan {
        let metadata = try chunkMetadata(rowGroup: index)
        let dataEnd = footer.metadataOffset
        let createdBy = footer.metadata.createdBy
        let ranges = metadata.map { ColumnChunkReader.byteRange(of: $0, createdBy: createdBy, dataEnd: dataEnd) }
        // Damaged offsets must not become requests (or range arithmetic) outside the file. (Empty
        // chunks of empty row groups may start at offset 0.)
        for (position, range) in ranges.enumerated() where range.lowerBound < 0 || range.upperBound > dataEnd {
            throw ParquetError(
                .invalidMetadata, "the chunk's bytes \(range) lie outside the file's data (0..<\(dataEnd))",
                file: name, rowGroup: index, column: projectedColumns[position].dottedPath)
        }
        return ColumnChunkFetchPlan(ranges: ranges, maxGap: maxCoalesceGap)
    }

    /// Fetches and decodes the projected columns of row group `index`.
    ///
    /// - Throws: `ParquetError` naming the file, row group and column; `StorageError` from the store.
    public func readRowGroup(_ index: Int) async throws -> RecordBatch {
        guard index >= 0, index < rowGroupCount else {
            throw ParquetError(
                .invalidMetadata, "row group \(index) does not exist (the file has \(rowGroupCount))", file: name)
        }
        let metadata = try chunkMetadata(rowGroup: index)
        let plan = try fetchPlan(rowGroup: index)
        // Flat fields decode straight to their array; the leaves of nested fields keep their
        // levels until all are in, then the field is assembled.
        var arrays = [(any ColumnArray)?](repeating: nil, count: projectedColumns.count)
        var nestedLeaves = [NestedLeafColumn?](repeating: nil, count: projectedColumns.count)
        let leafSlotLevels = leafSlotLevels()
        for request in plan.requests {
            try Task.checkCancellation()
            let bytes = try await store.get(key, range: request.range)
            guard bytes.count == request.range.count else {
                throw ParquetError(
                    .invalidFile,
                    "read \(bytes.count) of the \(request.range.count) bytes at offset \(request.range.lowerBound): "
                        + "the file is truncated or changed",
                    file: name, rowGroup: index)
            }
            for chunk in request.chunks {
                let start = Int(chunk.range.lowerBound - request.range.lowerBound)
                // A request holding one chunk hands its bytes over without a copy.
                let chunkBytes =
                    request.chunks.count == 1 ? bytes : Array(bytes[start..<start + chunk.range.count])
                if let slotLevel = leafSlotLevels[chunk.index] {
                    let reader = try ColumnChunkReader.nested(
                        descriptor: projectedColumns[chunk.index], metadata: metadata[chunk.index], file: name,
                        rowGroup: index)
                    nestedLeaves[chunk.index] = try reader.readNested(chunkBytes, slotLevel: slotLevel)
                } else {
                    let reader = try ColumnChunkReader(
                        descriptor: projectedColumns[chunk.index], metadata: metadata[chunk.index], file: name,
                        rowGroup: index)
                    arrays[chunk.index] = try reader.read(chunkBytes)
                }
            }
        }
        var columns: [any ColumnArray] = []
        columns.reserveCapacity(projectedFields.count)
        for field in projectedFields {
            let array: (any ColumnArray)?
            if field.isNested {
                let leaves = nestedLeaves[field.leaves].compactMap { $0 }
                do throws(ParquetError) {
                    array = try NestedFieldAssembler(node: field.node, leaves: leaves).assemble(as: field.dataType)
                } catch {
                    throw error.at(file: name, rowGroup: index, column: field.node.name)
                }
            } else {
                array = arrays[field.leaves.lowerBound]
            }
            if let array { columns.append(array) }
        }
        let rows = Int(clamping: footer.metadata.rowGroups[index].numRows)
        for (field, array) in zip(projectedFields, columns) where array.count != rows {
            throw ParquetError(
                .invalidMetadata, "the chunk holds \(array.count) values but the row group has \(rows) rows",
                file: name, rowGroup: index, column: field.node.name)
        }
        return try RecordBatch(schema: schema, columns: columns, numRows: rows)
    }

    /// The selected row groups (`selectedRowGroups`), or just `rowGroups`, as batches in order,
    /// decoding up to `threads` of them at once.
    public func batches(rowGroups: [Int]? = nil) -> RowGroupBatchSequence {
        RowGroupBatchSequence(reader: self, rowGroups: rowGroups)
    }

    /// The slot level of each projected leaf that belongs to a nested field (nil for flat ones).
    private func leafSlotLevels() -> [Int?] {
        var levels = [Int?](repeating: nil, count: projectedColumns.count)
        for field in projectedFields {
            guard let slotLevels = field.slotLevels else { continue }
            for (position, level) in zip(field.leaves, slotLevels) { levels[position] = level }
        }
        return levels
    }

    /// The metadata of each projected chunk of row group `index`, in projection order.
    private func chunkMetadata(rowGroup index: Int) throws(ParquetError) -> [ColumnMetaData] {
        let chunks = footer.metadata.rowGroups[index].columns
        var result: [ColumnMetaData] = []
        result.reserveCapacity(projectedColumns.count)
        for column in projectedColumns {
            guard column.index < chunks.count else {
                throw ParquetError(
                    .invalidMetadata, "the row group has no chunk for this column", file: name, rowGroup: index,
                    column: column.dottedPath)
            }
            let chunk = chunks[column.index]
            if let path = chunk.filePath, !path.isEmpty {
                throw ParquetError(
                    .unsupported, "the chunk is stored in another file (\(path))", file: name, rowGroup: index,
                    column: column.dottedPath)
            }
            guard let metadata = chunk.metaData else {
                throw ParquetError(
                    .unsupported, "the chunk's metadata is encrypted", file: name, rowGroup: index,
                    column: column.dottedPath)
            }
            result.append(metadata)
        }
        return result
    }

    /// The positions of the projected fields among `names`.
    private static func fieldIndices(of columns: [String]?, among names: [String], file: String)
        throws(ParquetError) -> [Int]
    {
        guard let columns else { return Array(names.indices) }
        var indices: [Int] = []
        for column in columns {
            guard let index = names.firstIndex(of: column) else {
                throw ParquetError(
                    .invalidMetadata,
                    "no column \"\(column)\"; the file has: \(names.joined(separator: ", "))", file: file,
                    column: column)
            }
            indices.append(index)
        }
        return indices
    }

    /// The single leaf column of the flat top-level field `node`.
    ///
    /// - Throws: `.unsupported` naming the field when the column reader refuses the leaf.
    private static func flatColumn(of node: SchemaNode, in schema: ParquetSchema, footer: ParquetFooter, file: String)
        throws(ParquetError) -> ColumnDescriptor
    {
        guard node.firstColumnIndex < schema.columns.count else {
            throw ParquetError(.invalidMetadata, "the field has no leaf column", file: file, column: node.name)
        }
        let leaf = schema.columns[node.firstColumnIndex]
        // Ask the column reader now, so a column it refuses fails at open, named.
        if let chunk = footer.metadata.rowGroups.first?.columns[leaf.index], let metadata = chunk.metaData {
            do throws(ParquetError) {
                _ = try ColumnChunkReader(descriptor: leaf, metadata: metadata, file: file)
            } catch  where error.kind == .unsupported {
                throw ParquetError(error.kind, error.detail, file: file, column: node.name)
            } catch {
                // Other chunk problems surface with their row group when the chunk is read.
            }
        }
        return leaf
    }
}
