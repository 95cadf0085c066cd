import Foundation
import SluiceCore

/// The name of one run's folder in a result prefix, e.g. `20261120T030000Z-3fa9c1`: the UTC time
/// the run started, to the second, then 6 lowercase hex digits: the millisecond (3 digits, so runs
/// in the same second still sort by start time) and 3 of randomness (so they get different folders).
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
        // Always exactly 6 digits, most significant first, so no padding is needed.
        let bytes = stride(from: 20, through: 0, by: -4).map { shift in Self.hexDigits[Int(randomBits >> shift & 0xf)] }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The run at `secondsSince1970` with the given random part; `nil` outside the years
    /// 1970 to 9999 or if `randomBits` does not fit in 6 hex digits.
    public init?(secondsSince1970: Int64, randomBits: UInt32) {
        guard Self.supportedSeconds.contains(secondsSince1970), randomBits < Self.randomLimit else { return nil }
        self.secondsSince1970 = secondsSince1970
        self.randomBits = randomBits
    }

    /// A new run ID for a run starting at `date` (clamped to the years 1970 to 9999): its
    /// second, its millisecond, and randomness from `random`.
    public static func make(at date: Date, random: inout some RandomNumberGenerator) -> RunID {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let milliseconds = UInt32(max(0, min(999, ((date.timeIntervalSince1970 - seconds) * 1000).rounded(.down))))
        let lower = Double(supportedSeconds.lowerBound)
        let upper = Double(supportedSeconds.upperBound)
        // `min`/`max` also turn NaN into a bound.
        let clamped = Int64(max(lower, min(upper, seconds.isNaN ? lower : seconds)))
        let bits = milliseconds << 12 | UInt32.random(in: 0..<0x1000, using: &random)
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
            year >= 1970, hour < 24, minute < 60, second < 60,
            let date = CivilDate(year: Int(year), month: Int(month), day: Int(day))
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
        let days = Int64(date.daysSinceEpoch)
        self.init(checkedSeconds: days * 86_400 + hour * 3600 + minute * 60 + second, randomBits: bits)
    }

    /// `yyyyMMdd'T'HHmmss'Z'-xxxxxx`, e.g. `20261120T030000Z-3fa9c1`.
    public var description: String {
        // Never negative: the initializers only accept 1970 onwards.
        let date = CivilDate(daysSinceEpoch: Int(secondsSince1970 / 86_400))
        let secondOfDay = secondsSince1970 % 86_400
        return date.year.zeroPadded(width: 4) + date.month.zeroPadded(width: 2) + date.day.zeroPadded(width: 2) + "T"
            + (secondOfDay / 3600).zeroPadded(width: 2) + (secondOfDay / 60 % 60).zeroPadded(width: 2)
            + (secondOfDay % 60).zeroPadded(width: 2) + "Z-" + randomSuffix
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

    private static let randomLimit: UInt32 = 0x100_0000
    private static let hexDigits = Array("0123456789abcdef".utf8)
    /// 1970-01-01T00:00:00Z ... 9999-12-31T23:59:59Z, the years that print with 4 digits.
    private static let supportedSeconds: ClosedRange<Int64> = 0...253_402_300_799

    private init(checkedSeconds: Int64, randomBits: UInt32) {
        self.secondsSince1970 = checkedSeconds
        self.randomBits = randomBits
    }
}
