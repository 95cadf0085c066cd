/// A horizontal slice of the file: one column chunk per leaf column (parquet.thrift `RowGroup`).
public struct RowGroup: ThriftStruct, Hashable {
    /// One chunk per leaf column, in schema order.
    public var columns: [ColumnChunk]
    public var totalByteSize: Int64
    public var numRows: Int64
    public var sortingColumns: [SortingColumn]?
    /// Offset of the row group's first page.
    public var fileOffset: Int64?
    public var totalCompressedSize: Int64?
    public var ordinal: Int16?

    public init(
        columns: [ColumnChunk],
        totalByteSize: Int64,
        numRows: Int64,
        sortingColumns: [SortingColumn]? = nil,
        fileOffset: Int64? = nil,
        totalCompressedSize: Int64? = nil,
        ordinal: Int16? = nil
    ) {
        self.columns = columns
        self.totalByteSize = totalByteSize
        self.numRows = numRows
        self.sortingColumns = sortingColumns
        self.fileOffset = fileOffset
        self.totalCompressedSize = totalCompressedSize
        self.ordinal = ordinal
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var columns: [ColumnChunk]?
        var totalByteSize: Int64?
        var numRows: Int64?
        var sortingColumns: [SortingColumn]?
        var fileOffset: Int64?
        var totalCompressedSize: Int64?
        var ordinal: Int16?
        try reader.readStruct("RowGroup") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: columns = try reader.readList(field)
            case 2: totalByteSize = try reader.readI64(field)
            case 3: numRows = try reader.readI64(field)
            case 4: sortingColumns = try reader.readList(field)
            case 5: fileOffset = try reader.readI64(field)
            case 6: totalCompressedSize = try reader.readI64(field)
            case 7: ordinal = try reader.readI16(field)
            default: try reader.skip(field)
            }
        }
        self.columns = try reader.required(columns, "columns", in: "RowGroup")
        self.totalByteSize = try reader.required(totalByteSize, "total_byte_size", in: "RowGroup")
        self.numRows = try reader.required(numRows, "num_rows", in: "RowGroup")
        self.sortingColumns = sortingColumns
        self.fileOffset = fileOffset
        self.totalCompressedSize = totalCompressedSize
        self.ordinal = ordinal
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, list: columns)
            writer.writeField(2, i64: totalByteSize)
            writer.writeField(3, i64: numRows)
            writer.writeField(4, list: sortingColumns)
            writer.writeField(5, i64: fileOffset)
            writer.writeField(6, i64: totalCompressedSize)
            writer.writeField(7, i16: ordinal)
        }
    }
}
