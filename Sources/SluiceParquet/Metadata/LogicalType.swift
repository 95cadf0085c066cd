/// The type annotation of a schema element (parquet.thrift union `LogicalType`), which replaces
/// `ConvertedType`.
///
/// Members this reader does not know (added to the format later) decode as `unrecognized` with
/// their union field id, so such files still read: the column is then read by its physical type.
public enum LogicalType: ThriftStruct, Hashable {
    /// UTF-8 text in a BYTE_ARRAY.
    case string
    case map
    case list
    /// UTF-8 enum labels in a BYTE_ARRAY.
    case `enum`
    case decimal(precision: Int32, scale: Int32)
    /// Days since 1970-01-01 in an INT32.
    case date
    case time(isAdjustedToUTC: Bool, unit: LogicalTimeUnit)
    case timestamp(isAdjustedToUTC: Bool, unit: LogicalTimeUnit)
    /// An integer of `bitWidth` 8, 16, 32 or 64 bits in an INT32 or INT64.
    case integer(bitWidth: Int8, isSigned: Bool)
    /// Only nulls (thrift `UNKNOWN` / `NullType`).
    case null
    case json
    case bson
    /// 16 raw bytes in a FIXED_LEN_BYTE_ARRAY(16).
    case uuid
    /// IEEE half floats in a FIXED_LEN_BYTE_ARRAY(2).
    case float16
    /// A member this reader does not know (VARIANT, GEOMETRY, … or newer), by union field id.
    case unrecognized(fieldId: Int16)

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var value: LogicalType = .unrecognized(fieldId: 0)
        try reader.readStruct("LogicalType") { (reader, field) throws(ParquetError) in
            guard field.type == .struct else {
                try reader.skip(field)
                value = .unrecognized(fieldId: field.id)
                return
            }
            switch field.id {
            case 1: value = try Self.marker(.string, &reader)
            case 2: value = try Self.marker(.map, &reader)
            case 3: value = try Self.marker(.list, &reader)
            case 4: value = try Self.marker(.enum, &reader)
            case 5: value = try Self.readDecimal(&reader)
            case 6: value = try Self.marker(.date, &reader)
            case 7, 8: value = try Self.readTime(&reader, isTimestamp: field.id == 8)
            case 10: value = try Self.readInteger(&reader)
            case 11: value = try Self.marker(.null, &reader)
            case 12: value = try Self.marker(.json, &reader)
            case 13: value = try Self.marker(.bson, &reader)
            case 14: value = try Self.marker(.uuid, &reader)
            case 15: value = try Self.marker(.float16, &reader)
            default:
                try reader.skip(field)
                value = .unrecognized(fieldId: field.id)
            }
        }
        self = value
    }

    /// Reads a marker struct (empty, though a newer writer may add fields) and returns `value`.
    private static func marker(_ value: LogicalType, _ reader: inout ThriftCompactReader) throws(ParquetError)
        -> LogicalType
    {
        try reader.skip(.struct)
        return value
    }

    private static func readDecimal(_ reader: inout ThriftCompactReader) throws(ParquetError) -> LogicalType {
        var scale: Int32?
        var precision: Int32?
        try reader.readStruct("DecimalType") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: scale = try reader.readI32(field)
            case 2: precision = try reader.readI32(field)
            default: try reader.skip(field)
            }
        }
        return .decimal(
            precision: try reader.required(precision, "precision", in: "DecimalType"),
            scale: try reader.required(scale, "scale", in: "DecimalType")
        )
    }

    private static func readTime(_ reader: inout ThriftCompactReader, isTimestamp: Bool) throws(ParquetError)
        -> LogicalType
    {
        var isAdjustedToUTC: Bool?
        var unit: LogicalTimeUnit??
        try reader.readStruct(isTimestamp ? "TimestampType" : "TimeType") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: isAdjustedToUTC = try reader.readBool(field)
            case 2:
                try reader.expect(field, .struct)
                unit = .some(try LogicalTimeUnit.read(from: &reader))
            default: try reader.skip(field)
            }
        }
        let adjusted = try reader.required(isAdjustedToUTC, "isAdjustedToUTC", in: "TimeType")
        // A unit this reader does not know makes the whole annotation unknown, not the file bad.
        guard let known = try reader.required(unit, "unit", in: "TimeType") else {
            return .unrecognized(fieldId: isTimestamp ? 8 : 7)
        }
        return isTimestamp
            ? .timestamp(isAdjustedToUTC: adjusted, unit: known) : .time(isAdjustedToUTC: adjusted, unit: known)
    }

    private static func readInteger(_ reader: inout ThriftCompactReader) throws(ParquetError) -> LogicalType {
        var bitWidth: Int8?
        var isSigned: Bool?
        try reader.readStruct("IntType") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: bitWidth = try reader.readI8(field)
            case 2: isSigned = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
        return .integer(
            bitWidth: try reader.required(bitWidth, "bitWidth", in: "IntType"),
            isSigned: try reader.required(isSigned, "isSigned", in: "IntType")
        )
    }

    /// The union field id of this member.
    public var fieldId: Int16 {
        switch self {
        case .string: return 1
        case .map: return 2
        case .list: return 3
        case .enum: return 4
        case .decimal: return 5
        case .date: return 6
        case .time: return 7
        case .timestamp: return 8
        case .integer: return 10
        case .null: return 11
        case .json: return 12
        case .bson: return 13
        case .uuid: return 14
        case .float16: return 15
        case .unrecognized(let fieldId): return fieldId
        }
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            switch self {
            case .decimal(let precision, let scale):
                writer.writeFieldHeader(5, .struct)
                writer.writeStruct { writer in
                    writer.writeField(1, i32: scale)
                    writer.writeField(2, i32: precision)
                }
            case .time(let isAdjustedToUTC, let unit), .timestamp(let isAdjustedToUTC, let unit):
                writer.writeFieldHeader(fieldId, .struct)
                writer.writeStruct { writer in
                    writer.writeField(1, bool: isAdjustedToUTC)
                    writer.writeFieldHeader(2, .struct)
                    unit.write(to: &writer)
                }
            case .integer(let bitWidth, let isSigned):
                writer.writeFieldHeader(10, .struct)
                writer.writeStruct { writer in
                    writer.writeField(1, i8: bitWidth)
                    writer.writeField(2, bool: isSigned)
                }
            case .unrecognized(let fieldId) where fieldId <= 0:
                // An empty union: nothing to write.
                break
            default:
                writer.writeEmptyStruct(fieldId)
            }
        }
    }
}
