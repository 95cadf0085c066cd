import SluiceCore

/// How a result column becomes a CQL value, decided once per load from the column's type and its
/// CQL type (the mapped one or the job's override).
enum CQLColumnEncoding: Sendable, Hashable {
    case boolean
    /// `tinyint`, `smallint`, `int` or `bigint`: this many big-endian bytes, range-checked.
    case integer(byteWidth: Int)
    case varint
    case float
    case double
    case decimal
    /// The column's bytes as they are: UTF-8 text into `text`, raw bytes into `blob`.
    case bytes
    /// The text `sluice parquet cat` prints: ISO dates and times, exact decimals, JSON for nested
    /// values.
    case renderedText
    case date
    case time
    case timestamp
}

/// The CQL type of each result column type (the table in docs/serving-scylla.md), and which
/// overrides a column may take.
enum CQLColumnType {
    /// The CQL type a column gets without an override.
    static func natural(for type: DataType) -> String {
        switch type {
        case .boolean: "boolean"
        case .int8: "tinyint"
        case .int16, .uint8: "smallint"
        case .int32, .uint16: "int"
        case .int64, .uint32: "bigint"
        case .uint64: "varint"
        case .float16, .float32: "float"
        case .float64: "double"
        case .decimal: "decimal"
        case .string: "text"
        case .binary, .fixedSizeBinary: "blob"
        case .date32: "date"
        case .time: "time"
        case .timestamp: "timestamp"
        case .list, .struct, .map: "text"
        }
    }

    /// The name system_schema reports for a type a job may write (`varchar` is `text`).
    static func canonical(_ name: String) -> String {
        let lowered = name.lowercased()
        return lowered == "varchar" ? "text" : lowered
    }

    /// How `type` is written into a `storeType` column; nil when that column cannot hold it.
    static func encoding(storeType: String, for type: DataType) -> CQLColumnEncoding? {
        let integer = type.isInteger
        switch storeType {
        case "boolean": return type == .boolean ? .boolean : nil
        case "tinyint": return integer ? .integer(byteWidth: 1) : nil
        case "smallint": return integer ? .integer(byteWidth: 2) : nil
        case "int": return integer ? .integer(byteWidth: 4) : nil
        case "bigint":
            // Dates count days, times and timestamps their unit since midnight or the epoch.
            switch type {
            case .date32, .time, .timestamp: return .integer(byteWidth: 8)
            default: return integer ? .integer(byteWidth: 8) : nil
            }
        case "varint": return integer ? .varint : nil
        case "float", "double":
            switch type {
            case .float16, .float32, .float64, .decimal: return storeType == "float" ? .float : .double
            default: return integer ? (storeType == "float" ? .float : .double) : nil
            }
        case "decimal":
            if case .decimal = type { return .decimal }
            return integer ? .decimal : nil
        case "text":
            switch type {
            case .string: return .bytes
            case .binary, .fixedSizeBinary: return nil
            default: return .renderedText
            }
        case "blob":
            switch type {
            case .binary, .fixedSizeBinary, .string: return .bytes
            default: return nil
            }
        case "date":
            switch type {
            case .date32, .timestamp: return .date
            default: return nil
            }
        case "time":
            if case .time = type { return .time }
            return nil
        case "timestamp":
            switch type {
            case .timestamp, .date32: return .timestamp
            default: return nil
            }
        default: return nil
        }
    }
}

extension DataType {
    fileprivate var isInteger: Bool {
        switch self {
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64: true
        default: false
        }
    }
}
