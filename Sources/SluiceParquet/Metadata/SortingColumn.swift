/// The sort order of one column within a row group (parquet.thrift `SortingColumn`).
public struct SortingColumn: ThriftStruct, Hashable {
    /// The index of the leaf column in the row group.
    public var columnIndex: Int32
    public var descending: Bool
    public var nullsFirst: Bool

    public init(columnIndex: Int32, descending: Bool, nullsFirst: Bool) {
        self.columnIndex = columnIndex
        self.descending = descending
        self.nullsFirst = nullsFirst
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var columnIndex: Int32?
        var descending: Bool?
        var nullsFirst: Bool?
        try reader.readStruct("SortingColumn") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: columnIndex = try reader.readI32(field)
            case 2: descending = try reader.readBool(field)
            case 3: nullsFirst = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
        self.columnIndex = try reader.required(columnIndex, "column_idx", in: "SortingColumn")
        self.descending = try reader.required(descending, "descending", in: "SortingColumn")
        self.nullsFirst = try reader.required(nullsFirst, "nulls_first", in: "SortingColumn")
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, i32: columnIndex)
            writer.writeField(2, bool: descending)
            writer.writeField(3, bool: nullsFirst)
        }
    }
}
