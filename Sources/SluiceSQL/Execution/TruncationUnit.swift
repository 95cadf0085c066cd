import SluiceCore

/// A unit `date_trunc` and `trunc` round down to, by Spark's names (any case).
enum TruncationUnit: Equatable {
    case year, quarter, month, week, day, hour, minute, second, millisecond, microsecond

    /// `date_trunc`'s units: YEAR/YYYY/YY, QUARTER, MONTH/MM/MON, WEEK, DAY/DD, HOUR, MINUTE, SECOND,
    /// MILLISECOND, MICROSECOND; nil for others (the function then gives null).
    init?(timestampUnit text: String) {
        switch text.uppercased() {
        case "DAY", "DD": self = .day
        case "HOUR": self = .hour
        case "MINUTE": self = .minute
        case "SECOND": self = .second
        case "MILLISECOND": self = .millisecond
        case "MICROSECOND": self = .microsecond
        default: self.init(dateUnit: text)
        }
    }

    /// `trunc`'s units: YEAR/YYYY/YY, QUARTER, MONTH/MM/MON, WEEK; nil for others.
    init?(dateUnit text: String) {
        switch text.uppercased() {
        case "YEAR", "YYYY", "YY": self = .year
        case "QUARTER": self = .quarter
        case "MONTH", "MM", "MON": self = .month
        case "WEEK": self = .week
        default: return nil
        }
    }

    /// The first day of the date's year, quarter, month or week (weeks start on Monday); the date
    /// itself for finer units.
    func truncate(_ date: CivilDate) -> CivilDate? {
        switch self {
        case .year: return CivilDate(year: date.year, month: 1, day: 1)
        case .quarter: return CivilDate(year: date.year, month: (date.quarter - 1) * 3 + 1, day: 1)
        case .month: return CivilDate(year: date.year, month: date.month, day: 1)
        case .week: return date.adding(days: 1 - date.isoDayOfWeek)
        default: return date
        }
    }

    /// The instant rounded down to the unit at UTC.
    func truncate(micros: Int64) -> Int64? {
        let time = CivilTime(micros: micros)
        let divisor: Int64
        switch self {
        case .year, .quarter, .month, .week:
            guard let date = truncate(time.date) else { return nil }
            return CivilTime.micros(days: Int64(date.daysSinceEpoch), microOfDay: 0)
        case .day: divisor = CivilTime.microsPerDay
        case .hour: divisor = 3_600_000_000
        case .minute: divisor = 60_000_000
        case .second: divisor = CivilTime.microsPerSecond
        case .millisecond: divisor = 1000
        case .microsecond: divisor = 1
        }
        return micros - CivilTime.floorDivide(micros, divisor).1
    }
}
