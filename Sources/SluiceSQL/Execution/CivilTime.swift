import SluiceCore

/// An instant in microseconds since the epoch, split at UTC (the session time zone) into a calendar
/// date and a time of day, and put back together. The date functions' arithmetic lives here.
struct CivilTime {
    static let microsPerSecond: Int64 = 1_000_000
    static let microsPerDay: Int64 = 86_400_000_000

    /// Days since 1970-01-01.
    let days: Int64
    /// Microseconds since midnight, in `0..<microsPerDay`.
    let microOfDay: Int64

    init(micros: Int64) {
        (days, microOfDay) = Self.floorDivide(micros, Self.microsPerDay)
    }

    var date: CivilDate { CivilDate(daysSinceEpoch: Int(days)) }
    var hour: Int64 { microOfDay / 3_600_000_000 }
    var minute: Int64 { microOfDay / 60_000_000 % 60 }
    var second: Int64 { microOfDay / Self.microsPerSecond % 60 }
    var microOfSecond: Int64 { microOfDay % Self.microsPerSecond }

    /// The instant `microOfDay` after the start of day `days`, or nil when it leaves Int64.
    static func micros(days: Int64, microOfDay: Int64) -> Int64? {
        let (start, overflow) = days.multipliedReportingOverflow(by: microsPerDay)
        let (sum, sumOverflow) = start.addingReportingOverflow(microOfDay)
        return overflow || sumOverflow ? nil : sum
    }

    /// Quotient and remainder with the remainder in `0..<divisor` (for instants before 1970).
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}

extension CivilDate {
    /// The years a timestamp in microseconds can reach (Spark's range, about ±290,000 years).
    static let timestampYears = -290_000...290_000

    /// `months` later (earlier when negative), the day clamped to the target month's length (Spark's
    /// `add_months`: January 31st plus one month is February 28th or 29th).
    func adding(months: Int) -> CivilDate? {
        let total = year * 12 + (month - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        return CivilDate(
            year: newYear, month: newMonth, day: min(day, CivilDate.daysInMonth(year: newYear, month: newMonth)))
    }

    /// 1 for Monday … 7 for Sunday.
    var isoDayOfWeek: Int {
        let days = daysSinceEpoch
        // 1970-01-01 was a Thursday.
        return ((days % 7 + 7 + 3) % 7) + 1
    }

    /// 1 for January 1st.
    var dayOfYear: Int {
        daysSinceEpoch - (CivilDate(year: year, month: 1, day: 1)?.daysSinceEpoch ?? 0) + 1
    }

    var quarter: Int { (month - 1) / 3 + 1 }

    /// The last day of the date's month.
    var lastDayOfMonth: CivilDate {
        CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month)) ?? self
    }
}
