import SluiceCore

/// A typed constant of a `ParquetPredicate`. It is converted to the type of the column it is
/// compared with: an integer or a double fits every integer, float and decimal column, a decimal
/// fits them too, strings and binary fit string and binary columns, a date fits date columns and a
/// timestamp (in any unit) fits timestamp columns. Time-of-day columns take no literal yet.
public enum PredicateLiteral: Sendable, Hashable, CustomStringConvertible {
    case boolean(Bool)
    /// Wide enough for every signed and unsigned 64-bit value.
    case integer(Int128)
    case double(Double)
    case string(String)
    case binary([UInt8])
    /// Days since 1970-01-01.
    case date(daysSinceEpoch: Int32)
    /// A count of `unit` since 1970-01-01T00:00:00, in the column's own frame (UTC for a column
    /// adjusted to UTC, wall-clock time for one without a timezone).
    case timestamp(Int64, unit: TimeUnit)
    /// `unscaled / 10^scale`.
    case decimal(unscaled: Int128, scale: Int)

    /// What kind of literal this is, for messages: `an integer`, `a string` …
    var kindName: String {
        switch self {
        case .boolean: return "a boolean"
        case .integer: return "an integer"
        case .double: return "a double"
        case .string: return "a string"
        case .binary: return "binary"
        case .date: return "a date"
        case .timestamp: return "a timestamp"
        case .decimal: return "a decimal"
        }
    }

    /// `true`, `42`, `2.5`, `'text'`, `x'00ff'`, `date 19000`, `timestamp 1700000000000 ms`, `12.50`.
    public var description: String {
        switch self {
        case .boolean(let value): return String(value)
        case .integer(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return "'" + value + "'"
        case .binary(let bytes):
            let digits = "0123456789abcdef".map { $0 }
            return "x'" + String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }) + "'"
        case .date(let days): return "date \(days)"
        case .timestamp(let count, let unit): return "timestamp \(count) \(unit.abbreviation)"
        case .decimal(let unscaled, let scale): return DecimalText.format(unscaled, scale: scale)
        }
    }
}
