import SluiceCompute
import SluiceCore

/// Spark 4's ANSI interval literals in date and timestamp arithmetic: `d + INTERVAL 3 DAYS`,
/// `ts - INTERVAL '2' HOUR`, `INTERVAL 1 MONTH + d`. An interval is year-month (YEAR, MONTH) or
/// day-time (WEEK … MICROSECOND); one literal cannot mix the two, as in Spark.
///
/// - date ± day-time interval of whole days (DAY and WEEK fields only): a date (`date_add`).
/// - date ± year-month interval: a date (`add_months`, the day clamped to the month's length).
/// - date ± day-time interval with hours or finer: a timestamp (the date at midnight UTC).
/// - timestamp ± interval: a timestamp of the same kind; months move the UTC date, then the
///   microseconds are added.
enum IntervalBinding {
    /// An interval literal's value.
    struct Interval: Equatable {
        var months: Int64 = 0
        var micros: Int64 = 0
        var isYearMonth = false
        /// Whether a field finer than a day was given (`INTERVAL 24 HOURS` is not a day interval).
        var hasTimeFields = false

        var negated: Interval {
            Interval(months: -months, micros: -micros, isYearMonth: isYearMonth, hasTimeFields: hasTimeFields)
        }
    }

    /// `left op right` when one side is an interval literal and the operator is + or -; nil otherwise.
    static func arithmetic(
        _ op: BinaryOperator, _ left: Expression, _ right: Expression, binder: inout ExpressionBinder,
        at location: SourceLocation
    ) throws -> BoundExpression? {
        guard op == .add || op == .subtract else { return nil }
        switch (left.kind, right.kind) {
        case (.literal(.interval), .literal(.interval)):
            throw SQLAnalysisError("arithmetic on two intervals is not supported", at: location)
        case (_, .literal(.interval(let parts))):
            let interval = try value(of: parts, at: right.location)
            return try apply(op == .add ? interval : interval.negated, to: binder.bind(left), at: location)
        case (.literal(.interval(let parts)), _):
            guard op == .add else {
                throw SQLAnalysisError("an interval minus a date or timestamp is not defined", at: location)
            }
            return try apply(value(of: parts, at: left.location), to: binder.bind(right), at: location)
        default:
            return nil
        }
    }

    /// The literal's months and microseconds; value text may have a sign and (for day-time fields)
    /// a fraction down to microseconds.
    static func value(of parts: [IntervalPart], at location: SourceLocation) throws -> Interval {
        var interval = Interval()
        var hasDayTime = false
        for part in parts {
            let invalid = SQLAnalysisError(
                "invalid interval value '\(part.value)' for \(part.unit.rawValue)", at: location)
            let perUnit: Int64
            switch part.unit {
            case .year, .month:
                interval.isYearMonth = true
                guard let count = Int64(part.value) else { throw invalid }
                let (months, overflow) = count.multipliedReportingOverflow(by: part.unit == .year ? 12 : 1)
                let (sum, sumOverflow) = interval.months.addingReportingOverflow(months)
                guard !overflow, !sumOverflow, abs(sum) <= Int64(Int32.max) else { throw invalid }
                interval.months = sum
                continue
            case .week: perUnit = 7 * CivilTime.microsPerDay
            case .day: perUnit = CivilTime.microsPerDay
            case .hour: perUnit = 3_600_000_000
            case .minute: perUnit = 60_000_000
            case .second: perUnit = CivilTime.microsPerSecond
            case .millisecond: perUnit = 1000
            case .microsecond: perUnit = 1
            }
            hasDayTime = true
            if part.unit != .week && part.unit != .day { interval.hasTimeFields = true }
            guard let micros = microseconds(part.value, perUnit: perUnit) else { throw invalid }
            if micros % CivilTime.microsPerDay != 0 { interval.hasTimeFields = true }
            let (sum, overflow) = interval.micros.addingReportingOverflow(micros)
            guard !overflow else { throw invalid }
            interval.micros = sum
        }
        if interval.isYearMonth && hasDayTime {
            throw SQLAnalysisError(
                "cannot mix year-month and day-time fields in one interval literal", at: location)
        }
        return interval
    }

    /// `text` (`3`, `-1.5`) units of `perUnit` microseconds, or nil when it is not a number, has
    /// a fraction finer than a microsecond, or overflows.
    private static func microseconds(_ text: String, perUnit: Int64) -> Int64? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        let pieces = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = Int64(pieces[0].isEmpty && pieces.count == 2 ? "0" : pieces[0]) else { return nil }
        var (total, overflow) = whole.multipliedReportingOverflow(by: perUnit)
        if pieces.count == 2 {
            let fraction = pieces[1]
            guard fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber), fraction.count <= 18 else {
                return nil
            }
            var scale: Int64 = 1
            for _ in 0..<fraction.count { scale *= 10 }
            guard let numerator = Int64(fraction.isEmpty ? "0" : fraction) else { return nil }
            // numerator / scale of a unit must be whole microseconds.
            let (product, productOverflow) = numerator.multipliedReportingOverflow(by: perUnit)
            guard !productOverflow, product % scale == 0 else { return nil }
            let (sum, sumOverflow) = total.addingReportingOverflow(product / scale)
            total = sum
            overflow = overflow || sumOverflow
        }
        guard !overflow else { return nil }
        return negative ? -total : total
    }

    private static func apply(_ interval: Interval, to value: BoundExpression, at location: SourceLocation) throws
        -> BoundExpression
    {
        switch value.dataType {
        case _ where value.isNullLiteral:
            let type =
                interval.isYearMonth || !interval.hasTimeFields ? DataType.date32 : DateFunctionBinding.timestampType
            return .literal(.null(type))
        case .date32:
            if interval.isYearMonth {
                return .function(.addMonths, [value, .literal(.int32(Int32(interval.months)))], type: .date32)
            }
            if !interval.hasTimeFields {
                guard let days = Int32(exactly: interval.micros / CivilTime.microsPerDay) else {
                    throw SQLAnalysisError("the interval is too long for a date", at: location)
                }
                return .function(.dateAdd, [value, .literal(.int32(days))], type: .date32)
            }
            return try addToTimestamp(TypeCoercion.cast(value, to: DateFunctionBinding.timestampType), interval)
        case .timestamp, .string:
            return try addToTimestamp(
                DateFunctionBinding.timestamp(value, "interval arithmetic", at: location), interval)
        default:
            throw SQLAnalysisError("cannot add an interval to a value of type \(value.dataType)", at: location)
        }
    }

    private static func addToTimestamp(_ timestamp: BoundExpression, _ interval: Interval) -> BoundExpression {
        .function(
            .timestampAddInterval,
            [timestamp, .literal(.int32(Int32(interval.months))), .literal(.int64(interval.micros))],
            type: timestamp.dataType)
    }
}
