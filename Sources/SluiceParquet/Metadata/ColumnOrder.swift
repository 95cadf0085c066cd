/// The sort order of a leaf column's statistics (parquet.thrift union `ColumnOrder`).
public enum ColumnOrder: ThriftStruct, Hashable {
    /// The order of the logical or physical type.
    case typeDefinedOrder
    /// IEEE 754 totalOrder for floating point columns.
    case ieee754TotalOrder
    /// Chronological order of INT96 timestamps.
    case int96TimestampOrder
    /// An order this reader does not know; its min/max statistics must be ignored.
    case unrecognized(fieldId: Int16)

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var value: ColumnOrder = .unrecognized(fieldId: 0)
        try reader.readStruct("ColumnOrder") { (reader, field) throws(ParquetError) in
            let isStruct = field.type == .struct
            try reader.skip(field)
            switch field.id {
            case 1 where isStruct: value = .typeDefinedOrder
            case 2 where isStruct: value = .ieee754TotalOrder
            case 3 where isStruct: value = .int96TimestampOrder
            default: value = .unrecognized(fieldId: field.id)
            }
        }
        self = value
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            switch self {
            case .typeDefinedOrder: writer.writeEmptyStruct(1)
            case .ieee754TotalOrder: writer.writeEmptyStruct(2)
            case .int96TimestampOrder: writer.writeEmptyStruct(3)
            case .unrecognized(let fieldId) where fieldId > 0: writer.writeEmptyStruct(fieldId)
            case .unrecognized: break
            }
        }
    }
}
