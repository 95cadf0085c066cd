import SluiceCore

/// The value of a Hive partition column (`name=value` in a file's folder path) for one file, typed
/// as the dataset infers the column: an integer when every file's value is one, else text.
public enum PartitionValue: Sendable, Hashable, CustomStringConvertible {
    case integer(Int64)
    case string(String)

    /// The value in the order statistics use, for pruning.
    var orderedValue: OrderedValue {
        switch self {
        case .integer(let value): return .integer(Int128(value))
        case .string(let text): return .bytes(Array(text.utf8))
        }
    }

    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .string(let text): return text
        }
    }

    /// An array of `count` copies of `value` (all null for nil) for a partition column of
    /// `dataType` (`int64` or `string`).
    static func constantArray(_ value: PartitionValue?, count: Int, dataType: DataType) -> any ColumnArray {
        let builder = makeBuilder(for: dataType, capacity: count)
        switch (value, builder) {
        case (.integer(let integer), let integers as Int64Builder):
            for _ in 0..<count { integers.append(integer) }
        case (.string(let text), let strings as StringBuilder):
            strings.reserveBytes(count * text.utf8.count)
            for _ in 0..<count { strings.append(text) }
        default:
            builder.appendNulls(count)
        }
        return builder.finish()
    }
}
