import Foundation

/// The name of one run's folder in a result prefix, e.g. `20261120T030000Z-3fa9c1`: the UTC time
/// the run started, to the second, then 6 lowercase hex digits of randomness so two runs in the
/// same second get different folders.
///
/// The string form sorts like the value: by time, then by the random part. Parsing accepts only
/// this exact form (years 1970 to 9999), so stray folders next to the runs are ignored.
public struct RunID: Sendable, Hashable, Comparable, LosslessStringConvertible, Codable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSince1970: Int64
    /// The random part, below `0x100_0000`.
    public let randomBits: UInt32

    /// The run's start time (whole seconds).
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    /// The 6 lowercase hex digits after the dash.
    public var randomSuffix: String {
        let hex = String(randomBits, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, 6 - hex.count)) + hex
    }

    /// The run at `secondsSince1970` with the given random part; `nil` outside the years
    /// 1970 to 9999 or if `randomBits` does not fit in 6 hex digits.
    public init?(secondsSince1970: Int64, randomBits: UInt32) {
        guard Self.supportedSeconds.contains(secondsSince1970), randomBits < Self.randomLimit else { return nil }
        self.secondsSince1970 = secondsSince1970
        self.randomBits = randomBits
    }

    /// A new run ID for a run starting at `date` (rounded down to the second; clamped to the
    /// years 1970 to 9999), with randomness from `random`.
    public static func make(at date: Date, random: inout some RandomNumberGenerator) -> RunID {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let lower = Double(supportedSeconds.lowerBound)
        let upper = Double(supportedSeconds.upperBound)
        // `min`/`max` also turn NaN into a bound.
        let clamped = Int64(max(lower, min(upper, seconds.isNaN ? lower : seconds)))
        let bits = UInt32.random(in: 0..<randomLimit, using: &random)
        return RunID(checkedSeconds: clamped, randomBits: bits)
    }

    /// A new run ID for a run starting at `date` (by default now), with system randomness.
    public static func make(at date: Date = Date()) -> RunID {
        var generator = SystemRandomNumberGenerator()
        return make(at: date, random: &generator)
    }

    /// Parses the exact form `yyyyMMdd'T'HHmmss'Z'-xxxxxx`; anything else gives `nil`.
    public init?(_ description: String) {
        let bytes = Array(description.utf8)
        guard bytes.count == 23, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z"),
            bytes[16] == UInt8(ascii: "-")
        else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
            (1970...9999).contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(year: year, month: month)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var bits: UInt32 = 0
        for byte in bytes[17..<23] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            bits = bits << 4 | UInt32(digit)
        }
        let days = Self.daysSince1970(year: year, month: month, day: day)
        self.init(checkedSeconds: days * 86_400 + hour * 3600 + minute * 60 + second, randomBits: bits)
    }

    /// `yyyyMMdd'T'HHmmss'Z'-xxxxxx`, e.g. `20261120T030000Z-3fa9c1`.
    public var description: String {
        let days = secondsSince1970 / 86_400
        let secondOfDay = secondsSince1970 % 86_400
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        func padded(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + padded(month, 2) + padded(day, 2) + "T" + padded(secondOfDay / 3600, 2)
            + padded(secondOfDay / 60 % 60, 2) + padded(secondOfDay % 60, 2) + "Z-" + randomSuffix
    }

    public static func < (lhs: RunID, rhs: RunID) -> Bool {
        (lhs.secondsSince1970, lhs.randomBits) < (rhs.secondsSince1970, rhs.randomBits)
    }

    /// Decodes from the string form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let runID = RunID(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(text.debugDescription) is not a run ID like 20261120T030000Z-3fa9c1"
            )
        }
        self = runID
    }

    /// Encodes as the string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, UTC)

    private static let randomLimit: UInt32 = 0x100_0000
    /// 1970-01-01T00:00:00Z ... 9999-12-31T23:59:59Z, the years that print with 4 digits.
    private static let supportedSeconds: ClosedRange<Int64> = 0...253_402_300_799

    private init(checkedSeconds: Int64, randomBits: UInt32) {
        self.secondsSince1970 = checkedSeconds
        self.randomBits = randomBits
    }

    private static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days, for non-negative years.
    private static func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilDate(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
