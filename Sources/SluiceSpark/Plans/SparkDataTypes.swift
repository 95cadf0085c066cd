import SluiceCore

/// Spark's data types (types.proto) as Sluice's, the way Spark's Arrow results carry them: a
/// TIMESTAMP is an instant (UTC), TIMESTAMP_NTZ wall-clock time, both in microseconds.
enum SparkDataTypes {
    /// The columns of a struct type (a result's schema).
    static func schema(_ type: Spark_Connect_DataType) throws(SparkError) -> Schema {
        guard case .struct(let row)? = type.kind else {
            throw .protocolViolation("a result schema that is not a struct")
        }
        return Schema(try fields(row))
    }

    private static func fields(_ row: Spark_Connect_DataType.Struct) throws(SparkError) -> [Field] {
        var fields: [Field] = []
        for field in row.fields {
            fields.append(Field(field.name, try dataType(field.dataType, column: field.name), nullable: field.nullable))
        }
        return fields
    }

    static func dataType(_ type: Spark_Connect_DataType, column: String) throws(SparkError) -> DataType {
        switch type.kind {
        case .null?, .integer?: return .int32
        case .boolean?: return .boolean
        case .byte?: return .int8
        case .short?: return .int16
        case .long?: return .int64
        case .float?: return .float32
        case .double?: return .float64
        case .decimal(let decimal)?:
            return .decimal(
                precision: decimal.hasPrecision ? Int(decimal.precision) : 10,
                scale: decimal.hasScale ? Int(decimal.scale) : 0)
        case .string?, .char?, .varChar?: return .string
        case .binary?: return .binary
        case .date?: return .date32
        case .timestamp?: return .timestamp(.microsecond, timezone: "UTC")
        case .timestampNtz?: return .timestamp(.microsecond)
        case .array(let array)?:
            return .list(
                Field("element", try dataType(array.elementType, column: column), nullable: array.containsNull))
        case .struct(let row)?: return .struct(try fields(row))
        case .map(let map)?:
            return .map(
                key: Field("key", try dataType(map.keyType, column: column), nullable: false),
                value: Field("value", try dataType(map.valueType, column: column), nullable: map.valueContainsNull))
        default:
            throw .protocolViolation("column '\(column)' has a Spark type Sluice does not read: \(type)")
        }
    }
}
