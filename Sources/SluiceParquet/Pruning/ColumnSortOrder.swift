import SluiceCore

/// The order in which a column's statistics were computed (the parquet format's `SortOrder`,
/// derived from the physical and logical type).
enum ColumnSortOrder: Sendable, Hashable {
    /// Signed integers, floats, decimals, dates, times and timestamps.
    case signed
    /// Booleans, unsigned integers, and bytes compared unsigned (strings, binary, UUIDs).
    case unsigned
    /// INT96, INTERVAL and annotations this reader does not know: min/max mean nothing usable.
    case unknown

    init(of column: ColumnDescriptor) {
        if column.physicalType == .int96 || column.convertedType == .interval {
            self = .unknown
            return
        }
        if case .unrecognized = column.logicalType {
            self = .unknown
            return
        }
        switch column.dataType {
        case .int8, .int16, .int32, .int64, .float16, .float32, .float64, .decimal, .date32, .time, .timestamp:
            self = .signed
        case .boolean, .uint8, .uint16, .uint32, .uint64, .string, .binary, .fixedSizeBinary:
            self = .unsigned
        case .list, .struct, .map:
            self = .unknown
        }
    }
}
