import SluiceCompute
import SluiceCore

/// Row-by-row kernels of the date and time functions. Dates are days since the epoch, timestamps
/// microseconds since it, both read at UTC (the session time zone); the binder casts arguments to
/// those types. A null argument gives a null row.
enum DateKernels {
    static func run(_ function: ScalarFunction, _ arguments: [Datum], rows: Int) throws -> any ColumnArray {
        let columns = try arguments.map { try ExpressionEvaluator.materialize($0, rows: rows) }
        switch function {
        case .dateAdd, .dateSub:
            let (dates, days) = (try typed(columns[0], Date32Array.self), try typed(columns[1], Int32Array.self))
            return try build(rows, .date32) { row -> Int32? in
                guard let date = dates[row], let count = days[row] else { return nil }
                let (result, overflow) =
                    function == .dateAdd
                    ? date.addingReportingOverflow(count) : date.subtractingReportingOverflow(count)
                guard !overflow else { throw overflowError("\(function.rawValue) of \(count) days") }
                return result
            }
        case .dateDiff:
            let (ends, starts) = (try typed(columns[0], Date32Array.self), try typed(columns[1], Date32Array.self))
            return try build(rows, .int32) { row -> Int32? in
                guard let end = ends[row], let start = starts[row] else { return nil }
                return Int32(truncatingIfNeeded: Int64(end) - Int64(start))
            }
        case .addMonths:
            let (dates, months) = (try typed(columns[0], Date32Array.self), try typed(columns[1], Int32Array.self))
            return try build(rows, .date32) { row -> Int32? in
                guard let date = dates[row], let count = months[row] else { return nil }
                return try days(CivilDate(daysSinceEpoch: Int(date)).adding(months: Int(count)), "add_months")
            }
        case .lastDay:
            let dates = try typed(columns[0], Date32Array.self)
            return try build(rows, .date32) { row -> Int32? in
                guard let date = dates[row] else { return nil }
                return try days(CivilDate(daysSinceEpoch: Int(date)).lastDayOfMonth, "last_day")
            }
        case .year, .quarter, .month, .dayOfMonth, .dayOfWeek, .dayOfYear:
            let dates = try typed(columns[0], Date32Array.self)
            return try build(rows, .int32) { row -> Int32? in
                guard let days = dates[row] else { return nil }
                return Int32(truncatingIfNeeded: dateField(function, CivilDate(daysSinceEpoch: Int(days))))
            }
        case .hour, .minute, .second:
            let timestamps = try typed(columns[0], TimestampArray.self)
            return try build(rows, .int32) { row -> Int32? in
                guard let micros = timestamps[row] else { return nil }
                let time = CivilTime(micros: micros)
                let value = function == .hour ? time.hour : (function == .minute ? time.minute : time.second)
                return Int32(value)
            }
        case .dateTrunc:
            let (units, timestamps) = (
                try typed(columns[0], StringArray.self), try typed(columns[1], TimestampArray.self)
            )
            var cache = LastValueCache<TruncationUnit?>()
            return try build(rows, timestamps.dataType) { row -> Int64? in
                guard let micros = timestamps[row], units.isValid(row),
                    let unit = cache.value(for: units.string(at: row), { TruncationUnit(timestampUnit: $0) })
                else {
                    return nil
                }
                return unit.truncate(micros: micros)
            }
        case .truncDate:
            let (dates, units) = (try typed(columns[0], Date32Array.self), try typed(columns[1], StringArray.self))
            var cache = LastValueCache<TruncationUnit?>()
            return try build(rows, .date32) { row -> Int32? in
                guard let days = dates[row], units.isValid(row),
                    let unit = cache.value(for: units.string(at: row), { TruncationUnit(dateUnit: $0) })
                else {
                    return nil
                }
                return try DateKernels.days(unit.truncate(CivilDate(daysSinceEpoch: Int(days))), "trunc")
            }
        case .dateFormat:
            let (timestamps, patterns) = (
                try typed(columns[0], TimestampArray.self), try typed(columns[1], StringArray.self)
            )
            var cache = LastValueCache<SparkDateTimePattern>()
            let builder = StringBuilder(capacity: rows)
            for row in 0..<rows {
                guard let micros = timestamps[row], patterns.isValid(row) else {
                    builder.appendNull()
                    continue
                }
                builder.append(
                    try cache.value(for: patterns.string(at: row)) { try SparkDateTimePattern($0) }.format(micros))
            }
            return builder.finish()
        case .parseTimestamp, .tryParseTimestamp:
            let (texts, patterns) = (try typed(columns[0], StringArray.self), try typed(columns[1], StringArray.self))
            var cache = LastValueCache<SparkDateTimePattern>()
            return try build(rows, .timestamp(.microsecond, timezone: "UTC")) { row -> Int64? in
                guard texts.isValid(row), patterns.isValid(row) else { return nil }
                let pattern = try cache.value(for: patterns.string(at: row)) { try SparkDateTimePattern($0) }
                if let micros = texts.withUnsafeBytes(at: row, { pattern.parse($0) }) { return micros }
                if function == .tryParseTimestamp { return nil }
                throw ComputeError(
                    .cannotParseTimestamp,
                    "Text '\(texts.string(at: row))' could not be parsed with the pattern '\(patterns.string(at: row))'. "
                        + "Use `try_to_timestamp` to tolerate invalid input string and return NULL instead.")
            }
        case .unixSeconds:
            let timestamps = try typed(columns[0], TimestampArray.self)
            return try build(rows, .int64) { row -> Int64? in
                timestamps[row].map { CivilTime.floorDivide($0, CivilTime.microsPerSecond).0 }
            }
        case .timestampFromSeconds:
            let seconds = try typed(columns[0], Int64Array.self)
            return try build(rows, .timestamp(.microsecond, timezone: "UTC")) { row -> Int64? in
                guard let value = seconds[row] else { return nil }
                let (micros, overflow) = value.multipliedReportingOverflow(by: CivilTime.microsPerSecond)
                guard !overflow else { throw overflowError("\(value) seconds as a timestamp") }
                return micros
            }
        case .timestampAddInterval:
            let timestamps = try typed(columns[0], TimestampArray.self)
            let (months, micros) = (try typed(columns[1], Int32Array.self), try typed(columns[2], Int64Array.self))
            return try build(rows, timestamps.dataType) { row -> Int64? in
                guard let start = timestamps[row], let monthCount = months[row], let offset = micros[row] else {
                    return nil
                }
                return try addInterval(to: start, months: Int(monthCount), micros: offset)
            }
        default:
            throw ComputeError(.unsupported, "\(function.rawValue) is not a date function")
        }
    }

    /// `timestamp + months + micros`: the months move the UTC date (clamping the day), then the
    /// microseconds are added, as Spark adds an interval.
    static func addInterval(to start: Int64, months: Int, micros: Int64) throws -> Int64 {
        var instant = start
        if months != 0 {
            let time = CivilTime(micros: start)
            guard let date = time.date.adding(months: months),
                CivilDate.timestampYears.contains(date.year),
                let moved = CivilTime.micros(days: Int64(date.daysSinceEpoch), microOfDay: time.microOfDay)
            else { throw overflowError("adding \(months) months to a timestamp") }
            instant = moved
        }
        let (sum, overflow) = instant.addingReportingOverflow(micros)
        guard !overflow else { throw overflowError("adding an interval to a timestamp") }
        return sum
    }

    private static func dateField(_ function: ScalarFunction, _ date: CivilDate) -> Int {
        switch function {
        case .year: return date.year
        case .quarter: return date.quarter
        case .month: return date.month
        case .dayOfMonth: return date.day
        // Spark's dayofweek: 1 for Sunday … 7 for Saturday.
        case .dayOfWeek: return date.isoDayOfWeek % 7 + 1
        default: return date.dayOfYear
        }
    }

    private static func days(_ date: CivilDate?, _ what: String) throws -> Int32 {
        guard let date, let days = Int32(exactly: date.daysSinceEpoch) else {
            throw overflowError("the result of \(what) is out of the date range")
        }
        return days
    }

    private static func overflowError(_ what: String) -> ComputeError {
        ComputeError(.arithmeticOverflow, "\(what) overflows. Use the try_ form of the function to get NULL instead.")
    }

    private static func typed<Column: ColumnArray>(_ array: any ColumnArray, _ type: Column.Type) throws -> Column {
        guard let column = array as? Column else {
            throw ComputeError(.unsupported, "a date function got a \(array.dataType) column, not \(Column.self)")
        }
        return column
    }

    private static func build<T: FixedWidthValue>(_ rows: Int, _ dataType: DataType, _ value: (Int) throws -> T?)
        rethrows -> PrimitiveArray<T>
    {
        let builder = PrimitiveBuilder<T>(dataType: dataType, capacity: rows)
        for row in 0..<rows { builder.append(try value(row)) }
        return builder.finish()
    }
}

/// The value derived from a per-row string argument (a unit, a pattern), kept for the last text
/// seen: the argument is nearly always a constant.
private struct LastValueCache<Value> {
    private var last: (text: String, value: Value)?

    mutating func value(for text: String, _ make: (String) throws -> Value) rethrows -> Value {
        if let last, last.text == text { return last.value }
        let value = try make(text)
        last = (text, value)
        return value
    }
}
