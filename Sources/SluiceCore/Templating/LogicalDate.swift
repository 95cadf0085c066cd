import Foundation

/// The date a run is for (Airflow's logical date), and the data interval it covers.
///
/// A daily run for `2026-11-20` covers `[2026-11-20T00:00:00Z, 2026-11-21T00:00:00Z)`.
public struct LogicalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: CivilDate

    public init(_ date: CivilDate) {
        self.date = date
    }

    /// Parses `YYYY-MM-DD`, or an ISO 8601 timestamp such as Airflow's
    /// `2026-11-20T00:00:00+00:00` (its date in UTC is taken).
    public init(parsing text: String) throws(LogicalDateError) {
        let trimmed = text.trimmingSpaces
        let scalars = Array(trimmed.utf8)
        guard scalars.count >= 10, let date = Self.parseDate(scalars[0..<10]) else {
            throw LogicalDateError(text: text)
        }
        if scalars.count == 10 {
            self.date = date
            return
        }
        guard scalars[10] == UInt8(ascii: "T") || scalars[10] == UInt8(ascii: " "),
            let seconds = Self.parseTimeWithOffset(scalars[11...])
        else {
            throw LogicalDateError(text: text)
        }
        let utcSeconds = date.daysSinceEpoch * 86_400 + seconds
        let days = utcSeconds >= 0 ? utcSeconds / 86_400 : (utcSeconds - 86_399) / 86_400
        self.date = CivilDate(daysSinceEpoch: days)
    }

    /// `2026-11-20`
    public var ds: String { date.description }

    /// Today's UTC date, for commands whose date only matters when a path uses it.
    public static var today: LogicalDate {
        let seconds = Int(Date().timeIntervalSince1970)
        return LogicalDate(CivilDate(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
    }
    /// `20261120`
    public var dsNodash: String { ds.replacingAll("-", with: "") }
    /// `2026-11-20T00:00:00+00:00`, as Airflow formats it.
    public var dataIntervalStart: String { "\(date)T00:00:00+00:00" }
    /// `2026-11-21T00:00:00+00:00`
    public var dataIntervalEnd: String { "\(date.adding(days: 1))T00:00:00+00:00" }

    /// The values `{{ … }}` templates may use, under Airflow's names.
    public var templateVariables: [String: String] {
        [
            "ds": ds,
            "ds_nodash": dsNodash,
            "data_interval_start": dataIntervalStart,
            "data_interval_end": dataIntervalEnd,
        ]
    }

    /// The names `templateVariables` provides.
    public static let templateVariableNames = ["ds", "ds_nodash", "data_interval_start", "data_interval_end"]

    public var description: String { ds }

    public static func < (lhs: LogicalDate, rhs: LogicalDate) -> Bool { lhs.date < rhs.date }

    private static func parseDate(_ bytes: ArraySlice<UInt8>) -> CivilDate? {
        let b = Array(bytes)
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let year = number(b[0..<4]), let month = number(b[5..<7]), let day = number(b[8..<10])
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// `HH:MM[:SS[.fff…]][Z|±HH:MM]` → seconds after midnight in UTC (may be negative or ≥ 86400).
    private static func parseTimeWithOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var b = Array(bytes)
        var offsetSeconds = 0
        if b.last == UInt8(ascii: "Z") {
            b.removeLast()
        } else if b.count >= 6, b[b.count - 3] == UInt8(ascii: ":"),
            b[b.count - 6] == UInt8(ascii: "+") || b[b.count - 6] == UInt8(ascii: "-")
        {
            guard let hours = number(b[(b.count - 5)..<(b.count - 3)]), let minutes = number(b[(b.count - 2)...])
            else { return nil }
            let sign = b[b.count - 6] == UInt8(ascii: "-") ? -1 : 1
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
            b.removeLast(6)
        }
        guard b.count >= 5, b[2] == UInt8(ascii: ":"), let hour = number(b[0..<2]), let minute = number(b[3..<5]),
            hour < 24, minute < 60
        else { return nil }
        var second = 0
        if b.count > 5 {
            guard b.count >= 8, b[5] == UInt8(ascii: ":"), let parsed = number(b[6..<8]), parsed < 60 else {
                return nil
            }
            second = parsed
            if b.count > 8 {
                guard b[8] == UInt8(ascii: "."), b.count > 9, number(b[9...]) != nil else { return nil }
            }
        }
        return hour * 3600 + minute * 60 + second - offsetSeconds
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return digits.isEmpty ? nil : value
    }
}

/// A `--date` value that is neither `YYYY-MM-DD` nor an ISO 8601 timestamp.
public struct LogicalDateError: SluiceError, Equatable {
    public let text: String
    public var category: FailureCategory { .usage }
    public var description: String {
        "invalid date \"\(text)\": expected YYYY-MM-DD (e.g. 2026-11-20) or an ISO 8601 timestamp"
    }
}
