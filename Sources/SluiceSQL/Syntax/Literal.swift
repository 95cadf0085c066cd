/// A constant written in the query.
public enum Literal: Sendable, Hashable {
    case null
    case boolean(Bool)
    case number(NumericLiteral)
    /// A string, escapes applied; adjacent strings (`'a' 'b'`) are already joined.
    case string(String)
    /// `DATE '2026-11-20'`: the text is checked when the literal is bound.
    case date(String)
    /// `TIMESTAMP '…'` (also `TIMESTAMP_LTZ '…'`): an instant in the session time zone.
    case timestamp(String)
    /// `TIMESTAMP_NTZ '…'`: wall-clock time without a zone.
    case timestampNTZ(String)
    /// `INTERVAL 3 DAYS`, `INTERVAL '3' DAY`, `INTERVAL 1 DAY 2 HOURS`.
    case interval([IntervalPart])
}

/// One `value unit` pair of an interval literal. The value keeps its text (`-3`, `1.5`) whether it
/// was quoted or not, so `INTERVAL 3 DAYS` and `INTERVAL '3' DAY` are the same literal.
public struct IntervalPart: Sendable, Hashable {
    public var value: String
    public var unit: IntervalUnit
}

/// Interval units; each accepts its singular and plural spelling.
public enum IntervalUnit: String, Sendable, Hashable, CaseIterable {
    case year = "YEAR"
    case month = "MONTH"
    case week = "WEEK"
    case day = "DAY"
    case hour = "HOUR"
    case minute = "MINUTE"
    case second = "SECOND"
    case millisecond = "MILLISECOND"
    case microsecond = "MICROSECOND"

    /// `days`, `DAY`, `Day` → `.day`.
    public init?(word: String) {
        let upper = word.uppercased()
        let singular = upper.hasSuffix("S") ? String(upper.dropLast()) : upper
        guard let unit = IntervalUnit(rawValue: upper) ?? IntervalUnit(rawValue: singular) else { return nil }
        self = unit
    }
}
