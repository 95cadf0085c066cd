/// One column of one row group (parquet.thrift `ColumnChunk`): its metadata and where its page
/// indexes are.
public struct ColumnChunk: ThriftStruct, Hashable {
    /// Set only in summary (`_metadata`) files whose data lives in another file.
    public var filePath: String?
    /// Deprecated; writers set 0.
    public var fileOffset: Int64
    /// Required in practice though optional in the schema (see `requireMetaData`).
    public var metaData: ColumnMetaData?
    public var offsetIndexOffset: Int64?
    public var offsetIndexLength: Int32?
    public var columnIndexOffset: Int64?
    public var columnIndexLength: Int32?
    /// Whether the chunk carries crypto metadata or encrypted column metadata (not decoded: Sluice
    /// does not read encrypted columns). Not written back.
    public var isEncrypted: Bool

    public init(
        filePath: String? = nil,
        fileOffset: Int64 = 0,
        metaData: ColumnMetaData?,
        offsetIndexOffset: Int64? = nil,
        offsetIndexLength: Int32? = nil,
        columnIndexOffset: Int64? = nil,
        columnIndexLength: Int32? = nil,
        isEncrypted: Bool = false
    ) {
        self.filePath = filePath
        self.fileOffset = fileOffset
        self.metaData = metaData
        self.offsetIndexOffset = offsetIndexOffset
        self.offsetIndexLength = offsetIndexLength
        self.columnIndexOffset = columnIndexOffset
        self.columnIndexLength = columnIndexLength
        self.isEncrypted = isEncrypted
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        self.init(metaData: nil)
        try reader.readStruct("ColumnChunk") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: filePath = try reader.readString(field)
            case 2: fileOffset = try reader.readI64(field)
            case 3: metaData = try reader.readStruct(field)
            case 4: offsetIndexOffset = try reader.readI64(field)
            case 5: offsetIndexLength = try reader.readI32(field)
            case 6: columnIndexOffset = try reader.readI64(field)
            case 7: columnIndexLength = try reader.readI32(field)
            case 8, 9:
                try reader.skip(field)
                isEncrypted = true
            default: try reader.skip(field)
            }
        }
    }

    /// The column metadata, or an error when the writer left it out.
    public func requireMetaData() throws(ParquetError) -> ColumnMetaData {
        guard let metaData else {
            if isEncrypted {
                throw ParquetError(.unsupported, "the column chunk is encrypted; encrypted files are not supported")
            }
            throw ParquetError(.invalidMetadata, "a column chunk has no meta_data")
        }
        return metaData
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, string: filePath)
            writer.writeField(2, i64: fileOffset)
            writer.writeField(3, struct: metaData)
            writer.writeField(4, i64: offsetIndexOffset)
            writer.writeField(5, i32: offsetIndexLength)
            writer.writeField(6, i64: columnIndexOffset)
            writer.writeField(7, i32: columnIndexLength)
        }
    }
}
