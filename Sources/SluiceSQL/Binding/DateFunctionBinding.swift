import SluiceCompute
import SluiceCore

/// Spark 4's date and time functions (ANSI mode, session time zone UTC). Arguments are cast as
/// Spark casts them implicitly: strings to dates or timestamps (failing on bad text), timestamps to
/// dates where a date is needed, dates to timestamps at midnight; timestamps are read in microseconds.
/// `current_date` and `current_timestamp` are constants fixed when the query is bound.
enum DateFunctionBinding {
    static let names = [
        "current_date", "curdate", "current_timestamp", "now", "localtimestamp", "to_date", "to_timestamp",
        "try_to_timestamp", "date_add", "date_sub", "datediff", "add_months", "last_day", "year", "quarter", "month",
        "day", "dayofmonth", "dayofweek", "dayofyear", "hour", "minute", "second", "date_trunc", "trunc",
        "date_format", "unix_timestamp", "to_unix_timestamp", "from_unixtime", "timestamp_seconds",
    ]

    /// The timestamp type of Spark's TIMESTAMP: microseconds, UTC.
    static let timestampType = DataType.timestamp(.microsecond, timezone: "UTC")

    /// The bound call, or nil when `name` is not a date function.
    static func bind(_ name: String, _ arguments: [BoundExpression], at location: SourceLocation) throws
        -> BoundExpression?
    {
        guard names.contains(name) else { return nil }
        func expectArguments(_ range: ClosedRange<Int>) throws {
            guard range.contains(arguments.count) else {
                let expected = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
                throw SQLAnalysisError("\(name) takes \(expected) arguments, not \(arguments.count)", at: location)
            }
        }
        func date(_ index: Int) throws -> BoundExpression { try Self.date(arguments[index], name, at: location) }
        func timestamp(_ index: Int) throws -> BoundExpression {
            try Self.timestamp(arguments[index], name, at: location)
        }
        func integer(_ index: Int) throws -> BoundExpression { try Self.integer(arguments[index], name, at: location) }
        func pattern(_ index: Int) throws -> BoundExpression { try Self.pattern(arguments[index], name, at: location) }
        func call(_ function: ScalarFunction, _ operands: [BoundExpression], _ type: DataType) -> BoundExpression {
            .function(function, operands, type: type)
        }

        switch name {
        case "current_date", "curdate":
            try expectArguments(0...0)
            let days = CivilTime(micros: QueryClock.currentMicros).days
            return .literal(.date(daysSinceEpoch: Int32(truncatingIfNeeded: days)))
        case "current_timestamp", "now":
            try expectArguments(0...0)
            return .literal(.timestamp(QueryClock.currentMicros))
        case "localtimestamp":
            try expectArguments(0...0)
            return .literal(.timestamp(QueryClock.currentMicros, timezone: nil))
        case "to_date":
            try expectArguments(1...2)
            // A format applies to text; dates and timestamps convert as they are.
            guard arguments.count == 2, isText(arguments[0]) else { return try date(0) }
            let parsed = call(.parseTimestamp, [try text(arguments[0]), try pattern(1)], timestampType)
            return .cast(parsed, to: .date32, mode: .ansi)
        case "to_timestamp", "try_to_timestamp":
            try expectArguments(1...2)
            let isTry = name == "try_to_timestamp"
            guard arguments.count == 2, isText(arguments[0]) else {
                // try_to_timestamp of text without a pattern is a TRY_CAST (not folded, which would fail now).
                if isTry, isText(arguments[0]) {
                    return .cast(try text(arguments[0]), to: timestampType, mode: .nullOnError)
                }
                return try utcTimestamp(timestamp(0))
            }
            return call(
                isTry ? .tryParseTimestamp : .parseTimestamp, [try text(arguments[0]), try pattern(1)], timestampType)
        case "date_add", "date_sub":
            try expectArguments(2...2)
            return call(name == "date_add" ? .dateAdd : .dateSub, [try date(0), try integer(1)], .date32)
        case "datediff":
            try expectArguments(2...2)
            return call(.dateDiff, [try date(0), try date(1)], .int32)
        case "add_months":
            try expectArguments(2...2)
            return call(.addMonths, [try date(0), try integer(1)], .date32)
        case "last_day":
            try expectArguments(1...1)
            return call(.lastDay, [try date(0)], .date32)
        case "year", "quarter", "month", "day", "dayofmonth", "dayofweek", "dayofyear":
            try expectArguments(1...1)
            let function = name == "day" ? ScalarFunction.dayOfMonth : ScalarFunction(rawValue: name)
            guard let function else { return nil }
            return call(function, [try date(0)], .int32)
        case "hour", "minute", "second":
            try expectArguments(1...1)
            guard let function = ScalarFunction(rawValue: name) else { return nil }
            return call(function, [try timestamp(0)], .int32)
        case "date_trunc":
            try expectArguments(2...2)
            let value = try utcTimestamp(timestamp(1))
            return call(.dateTrunc, [try text(arguments[0]), value], timestampType)
        case "trunc":
            try expectArguments(2...2)
            return call(.truncDate, [try date(0), try text(arguments[1])], .date32)
        case "date_format":
            try expectArguments(2...2)
            return call(.dateFormat, [try timestamp(0), try pattern(1)], .string)
        case "unix_timestamp", "to_unix_timestamp":
            try expectArguments(name == "unix_timestamp" ? 0...2 : 1...2)
            guard let first = arguments.first else {
                return .literal(.int64(CivilTime.floorDivide(QueryClock.currentMicros, CivilTime.microsPerSecond).0))
            }
            var value: BoundExpression
            if isText(first) {
                let format =
                    arguments.count == 2 ? try pattern(1) : .literal(.string(SparkDateTimePattern.defaultTimestamp))
                value = call(.parseTimestamp, [try text(first), format], timestampType)
            } else {
                value = try timestamp(0)
            }
            return call(.unixSeconds, [value], .int64)
        case "from_unixtime":
            try expectArguments(1...2)
            let seconds = call(.timestampFromSeconds, [try bigint(arguments[0], name, at: location)], timestampType)
            let format =
                arguments.count == 2 ? try pattern(1) : .literal(.string(SparkDateTimePattern.defaultTimestamp))
            return call(.dateFormat, [seconds, format], .string)
        case "timestamp_seconds":
            try expectArguments(1...1)
            return call(.timestampFromSeconds, [try bigint(arguments[0], name, at: location)], timestampType)
        default:
            return nil
        }
    }

    /// `date + days`, `days + date` and `date - days` for int days (tinyint, smallint, int), as Spark
    /// binds them to `date_add` and `date_sub`; nil for other operands.
    static func dayArithmetic(_ op: ArithmeticOperator, _ left: BoundExpression, _ right: BoundExpression)
        -> BoundExpression?
    {
        func isDays(_ value: BoundExpression) -> Bool {
            [.int8, .int16, .int32].contains(value.dataType) && !value.isNullLiteral
        }
        func days(_ value: BoundExpression) -> BoundExpression? { try? TypeCoercion.cast(value, to: .int32) }
        switch op {
        case .add where left.dataType == .date32 && isDays(right):
            return days(right).map { .function(.dateAdd, [left, $0], type: .date32) }
        case .add where isDays(left) && right.dataType == .date32:
            return days(left).map { .function(.dateAdd, [right, $0], type: .date32) }
        case .subtract where left.dataType == .date32 && isDays(right):
            return days(right).map { .function(.dateSub, [left, $0], type: .date32) }
        default:
            return nil
        }
    }

    /// A date argument: dates as they are, timestamps at UTC, text in Spark's date forms.
    static func date(_ value: BoundExpression, _ name: String, at location: SourceLocation) throws -> BoundExpression {
        switch value.dataType {
        case _ where value.isNullLiteral: return .literal(.null(.date32))
        case .date32, .timestamp, .string: return try TypeCoercion.cast(value, to: .date32)
        default: throw SQLAnalysisError("\(name) needs a date, not \(value.dataType)", at: location)
        }
    }

    /// A timestamp argument in microseconds (keeping its zone): dates at midnight UTC, text in Spark's
    /// timestamp forms.
    static func timestamp(_ value: BoundExpression, _ name: String, at location: SourceLocation) throws
        -> BoundExpression
    {
        switch value.dataType {
        case _ where value.isNullLiteral: return .literal(.null(timestampType))
        case .timestamp(_, let zone): return try TypeCoercion.cast(value, to: .timestamp(.microsecond, timezone: zone))
        case .date32, .string: return try TypeCoercion.cast(value, to: timestampType)
        default: throw SQLAnalysisError("\(name) needs a timestamp, not \(value.dataType)", at: location)
        }
    }

    /// Spark's TIMESTAMP of a timestamp without a zone (the same instant at UTC).
    private static func utcTimestamp(_ value: BoundExpression) throws -> BoundExpression {
        try TypeCoercion.cast(value, to: timestampType)
    }

    /// An int argument: tinyint, smallint and int widen; text is cast; bigint is refused, as in Spark.
    private static func integer(_ value: BoundExpression, _ name: String, at location: SourceLocation) throws
        -> BoundExpression
    {
        switch value.dataType {
        case _ where value.isNullLiteral: return .literal(.null(.int32))
        case .int8, .int16, .int32, .string: return try TypeCoercion.cast(value, to: .int32)
        default: throw SQLAnalysisError("\(name) needs an int, not \(value.dataType)", at: location)
        }
    }

    private static func bigint(_ value: BoundExpression, _ name: String, at location: SourceLocation) throws
        -> BoundExpression
    {
        guard value.isNullLiteral || TypeCoercion.isInteger(value.dataType) || value.dataType == .string else {
            throw SQLAnalysisError("\(name) needs a bigint, not \(value.dataType)", at: location)
        }
        return value.isNullLiteral ? .literal(.null(.int64)) : try TypeCoercion.cast(value, to: .int64)
    }

    private static func isText(_ value: BoundExpression) -> Bool {
        value.dataType == .string || value.isNullLiteral
    }

    private static func text(_ value: BoundExpression) throws -> BoundExpression {
        value.isNullLiteral ? .literal(.null(.string)) : try TypeCoercion.cast(value, to: .string)
    }

    /// A datetime pattern; a constant one is checked now.
    private static func pattern(_ value: BoundExpression, _ name: String, at location: SourceLocation) throws
        -> BoundExpression
    {
        let pattern = try text(value)
        if case .literal(let scalar) = pattern, case .bytes(let bytes)? = scalar.payload {
            do {
                _ = try SparkDateTimePattern(String(decoding: bytes, as: UTF8.self))
            } catch let error as ComputeError {
                throw SQLAnalysisError("\(name): \(error.message)", at: location)
            }
        }
        return pattern
    }
}
