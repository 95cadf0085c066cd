import Foundation
import SluiceCQL

/// Parsers for the literal forms CQL accepts as text: timestamps, dates, times, addresses,
/// durations and decimals.
enum CQLLiterals {
    /// `2024-05-01`, `2024-05-01 12:30:00`, `2024-05-01T12:30:00.123Z`, `…+0200`: milliseconds
    /// since 1970, UTC when no zone is given.
    static func timestamp(_ text: String) -> Int64? {
        let pattern =
            #/^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/#
        guard let match = text.wholeMatch(of: pattern), let days = days(Int(match.1), Int(match.2), Int(match.3))
        else { return Int64(text) }
        var millis = days * 86_400_000
        millis += Int64(match.4.flatMap { Int($0) } ?? 0) * 3_600_000
        millis += Int64(match.5.flatMap { Int($0) } ?? 0) * 60_000
        millis += Int64(match.6.flatMap { Int($0) } ?? 0) * 1000
        if let fraction = match.7 { millis += Int64(String((fraction + "00").prefix(3))) ?? 0 }
        if let zone = match.8, zone != "Z" {
            let digits = zone.dropFirst().filter(\.isNumber)
            let offset = (Int64(digits.prefix(2)) ?? 0) * 60 + (Int64(digits.suffix(2)) ?? 0)
            millis -= (zone.first == "-" ? -offset : offset) * 60_000
        }
        return millis
    }

    /// `2024-05-01`: days since 1970.
    static func date(_ text: String) -> Int64? {
        guard let match = text.wholeMatch(of: #/^(-?\d{1,})-(\d{2})-(\d{2})$/#) else { return nil }
        return days(Int(match.1), Int(match.2), Int(match.3))
    }

    /// `12:30:00.123456789`: nanoseconds since midnight.
    static func time(_ text: String) -> Int64? {
        guard let match = text.wholeMatch(of: #/^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/#),
            let hours = Int64(match.1), let minutes = Int64(match.2), let seconds = Int64(match.3)
        else { return nil }
        var nanos = ((hours * 60 + minutes) * 60 + seconds) * 1_000_000_000
        if let fraction = match.4 { nanos += Int64(fraction + String(repeating: "0", count: 9 - fraction.count)) ?? 0 }
        return nanos
    }

    static func inet(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }

    /// `1h30m`, `-2d`, `1y2mo`, `P1DT2H`, `P2W`.
    static func duration(_ text: String) -> CQLDuration? {
        var negative = false
        var rest = Substring(text)
        if rest.first == "-" {
            negative = true
            rest = rest.dropFirst()
        }
        var duration = CQLDuration(months: 0, days: 0, nanoseconds: 0)
        let isISO = rest.first == "P" || rest.first == "p"
        if isISO { rest = rest.dropFirst() }
        var inTime = false
        while !rest.isEmpty {
            if isISO, rest.first == "T" || rest.first == "t" {
                inTime = true
                rest = rest.dropFirst()
                continue
            }
            let digits = rest.prefix(while: \.isNumber)
            guard let amount = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            var unit = String(rest.prefix(while: \.isLetter)).lowercased()
            if isISO {
                unit = String(unit.prefix(1))
                if unit == "m" { unit = inTime ? "m" : "mo" }
            }
            rest = rest.dropFirst(isISO ? 1 : unit.count)
            switch unit {
            case "y": duration.months += Int32(amount * 12)
            case "mo": duration.months += Int32(amount)
            case "w": duration.days += Int32(amount * 7)
            case "d": duration.days += Int32(amount)
            case "h": duration.nanoseconds += amount * 3_600_000_000_000
            case "m": duration.nanoseconds += amount * 60_000_000_000
            case "s": duration.nanoseconds += amount * 1_000_000_000
            case "ms": duration.nanoseconds += amount * 1_000_000
            case "us", "µs": duration.nanoseconds += amount * 1000
            case "ns": duration.nanoseconds += amount
            default: return nil
            }
        }
        if negative {
            duration = CQLDuration(months: -duration.months, days: -duration.days, nanoseconds: -duration.nanoseconds)
        }
        return duration
    }

    /// `-12.345e2` as unscaled digits and a scale.
    static func decimal(_ text: String) -> CQLDecimal? {
        let parts = text.lowercased().split(separator: "e", maxSplits: 1)
        guard let mantissa = parts.first else { return nil }
        let exponent = parts.count == 2 ? Int32(parts[1]) : 0
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = pieces.count == 2 ? String(pieces[1]) : ""
        guard let exponent, let unscaled = Int128(String(pieces[0]) + fraction) else { return nil }
        return CQLDecimal(unscaled: CQLVarint(unscaled), scale: Int32(fraction.count) - exponent)
    }

    /// A version-1 UUID for the given time (a random node and clock sequence).
    static func timeuuid(millis: Int64) -> UUID {
        // 100-ns intervals since 1582-10-15.
        let ticks = UInt64(millis) &* 10_000 &+ 0x01B2_1DD2_1381_4000
        var bytes = UUID().uuid
        bytes.0 = UInt8(truncatingIfNeeded: ticks >> 24)
        bytes.1 = UInt8(truncatingIfNeeded: ticks >> 16)
        bytes.2 = UInt8(truncatingIfNeeded: ticks >> 8)
        bytes.3 = UInt8(truncatingIfNeeded: ticks)
        bytes.4 = UInt8(truncatingIfNeeded: ticks >> 40)
        bytes.5 = UInt8(truncatingIfNeeded: ticks >> 32)
        bytes.6 = UInt8(truncatingIfNeeded: ticks >> 56) & 0x0F | 0x10
        bytes.7 = UInt8(truncatingIfNeeded: ticks >> 48)
        bytes.8 = bytes.8 & 0x3F | 0x80
        return UUID(uuid: bytes)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    private static func days(_ year: Int?, _ month: Int?, _ day: Int?) -> Int64? {
        guard let year, let month, let day, (1...12).contains(month), (1...31).contains(day) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int64(era * 146_097 + dayOfEra - 719_468)
    }
}
