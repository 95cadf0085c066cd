/// The footer of a parquet file (parquet.thrift `FileMetaData`): the schema, the row groups and
/// key/value metadata.
public struct FileMetaData: ThriftStruct, Hashable {
    public var version: Int32
    /// The schema tree flattened depth first; the first element is the root.
    public var schema: [SchemaElement]
    public var numRows: Int64
    public var rowGroups: [RowGroup]
    public var keyValueMetadata: [KeyValue]?
    /// The writer, e.g. `parquet-cpp-arrow version 17.0.0`.
    public var createdBy: String?
    /// One per leaf column, in schema order.
    public var columnOrders: [ColumnOrder]?
    /// Set only in encrypted files with a plaintext footer.
    public var encryptionAlgorithm: EncryptionAlgorithm?
    public var footerSigningKeyMetadata: [UInt8]?

    public init(
        version: Int32,
        schema: [SchemaElement],
        numRows: Int64,
        rowGroups: [RowGroup],
        keyValueMetadata: [KeyValue]? = nil,
        createdBy: String? = nil,
        columnOrders: [ColumnOrder]? = nil,
        encryptionAlgorithm: EncryptionAlgorithm? = nil,
        footerSigningKeyMetadata: [UInt8]? = nil
    ) {
        self.version = version
        self.schema = schema
        self.numRows = numRows
        self.rowGroups = rowGroups
        self.keyValueMetadata = keyValueMetadata
        self.createdBy = createdBy
        self.columnOrders = columnOrders
        self.encryptionAlgorithm = encryptionAlgorithm
        self.footerSigningKeyMetadata = footerSigningKeyMetadata
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var version: Int32?
        var schema: [SchemaElement]?
        var numRows: Int64?
        var rowGroups: [RowGroup]?
        var keyValueMetadata: [KeyValue]?
        var createdBy: String?
        var columnOrders: [ColumnOrder]?
        var encryptionAlgorithm: EncryptionAlgorithm?
        var footerSigningKeyMetadata: [UInt8]?
        try reader.readStruct("FileMetaData") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: version = try reader.readI32(field)
            case 2: schema = try reader.readList(field)
            case 3: numRows = try reader.readI64(field)
            case 4: rowGroups = try reader.readList(field)
            case 5: keyValueMetadata = try reader.readList(field)
            case 6: createdBy = try reader.readString(field)
            case 7: columnOrders = try reader.readList(field)
            case 8: encryptionAlgorithm = try reader.readStruct(field)
            case 9: footerSigningKeyMetadata = try reader.readBinary(field)
            default: try reader.skip(field)
            }
        }
        self.version = try reader.required(version, "version", in: "FileMetaData")
        self.schema = try reader.required(schema, "schema", in: "FileMetaData")
        self.numRows = try reader.required(numRows, "num_rows", in: "FileMetaData")
        self.rowGroups = try reader.required(rowGroups, "row_groups", in: "FileMetaData")
        self.keyValueMetadata = keyValueMetadata
        self.createdBy = createdBy
        self.columnOrders = columnOrders
        self.encryptionAlgorithm = encryptionAlgorithm
        self.footerSigningKeyMetadata = footerSigningKeyMetadata
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, i32: version)
            writer.writeField(2, list: schema)
            writer.writeField(3, i64: numRows)
            writer.writeField(4, list: rowGroups)
            writer.writeField(5, list: keyValueMetadata)
            writer.writeField(6, string: createdBy)
            writer.writeField(7, list: columnOrders)
            writer.writeField(8, struct: encryptionAlgorithm)
            writer.writeField(9, binary: footerSigningKeyMetadata)
        }
    }
}
