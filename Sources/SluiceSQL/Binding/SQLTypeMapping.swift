import SluiceCore

/// The column type a SQL type name stands for: Spark's TIMESTAMP is microseconds in UTC.
enum SQLTypeMapping {
    static func dataType(_ type: SQLType, at location: SourceLocation) throws -> DataType {
        switch type {
        case .boolean: return .boolean
        case .tinyint: return .int8
        case .smallint: return .int16
        case .int: return .int32
        case .bigint: return .int64
        case .float: return .float32
        case .double: return .float64
        case .decimal(let precision, let scale):
            guard (1...38).contains(precision), (0...precision).contains(scale) else {
                throw SQLAnalysisError("DECIMAL(\(precision), \(scale)) is not a valid type", at: location)
            }
            return .decimal(precision: precision, scale: scale)
        case .string, .varchar, .char: return .string
        case .binary: return .binary
        case .date: return .date32
        case .timestamp: return .timestamp(.microsecond, timezone: "UTC")
        case .timestampNTZ: return .timestamp(.microsecond, timezone: nil)
        case .array, .map, .struct:
            throw SQLAnalysisError("casts to \(type.sql) are not supported yet", at: location)
        }
    }
}
