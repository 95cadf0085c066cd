/// The text of dates, times of day and timestamps as `sluice parquet cat` prints them:
/// `YYYY-MM-DD`, `HH:MM:SS.ffffff` and `YYYY-MM-DDTHH:MM:SS.ffffff` (9 fraction digits for
/// nanoseconds, 6 for coarser units).
public enum TemporalText {
    /// The date `days` after 1970-01-01.
    public static func date(daysSinceEpoch days: Int) -> String {
        CivilDate(daysSinceEpoch: days).description
    }

    /// The time of day `value` units after midnight (values outside one day wrap, as a clock does).
    public static func time(_ value: Int64, unit: TimeUnit) -> String {
        let perSecond = unit.perSecond
        let perDay = perSecond * 86_400
        let (_, ofDay) = floorDivide(value, perDay)
        return clock(ofDay, unit: unit)
    }

    /// The timestamp `value` units after the epoch, with `Z` when `utc` (a timezone is set).
    public static func timestamp(_ value: Int64, unit: TimeUnit, utc: Bool) -> String {
        let perDay = unit.perSecond * 86_400
        let (days, ofDay) = floorDivide(value, perDay)
        let text = date(daysSinceEpoch: Int(days)) + "T" + clock(ofDay, unit: unit)
        return utc ? text + "Z" : text
    }

    /// `HH:MM:SS.ffffff` for `value` units since midnight (0 ≤ value < one day).
    private static func clock(_ value: Int64, unit: TimeUnit) -> String {
        let perSecond = unit.perSecond
        let seconds = value / perSecond
        let fraction = value % perSecond
        let digits = unit == .nanosecond ? 9 : 6
        // Scale the sub-second part to the printed digits (s and ms print as microseconds).
        let scaled: Int64
        switch unit {
        case .second: scaled = 0
        case .millisecond: scaled = fraction * 1000
        case .microsecond, .nanosecond: scaled = fraction
        }
        return "\((seconds / 3600).zeroPadded(width: 2)):\((seconds / 60 % 60).zeroPadded(width: 2)):"
            + "\((seconds % 60).zeroPadded(width: 2)).\(scaled.zeroPadded(width: digits))"
    }

    /// Quotient rounded down and the non-negative remainder (times before the epoch count back).
    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
