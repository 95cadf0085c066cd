import SluiceCore

/// Spark's parsers for casting strings (after trimming whitespace), on raw bytes. Each returns nil for
/// malformed input, which the cast turns into `[CAST_INVALID_INPUT]` or null.
enum StringParsing {
    /// `[+-]digits`, no decimal point (Spark's ANSI `toLongExact`); nil when malformed or outside
    /// `T`'s range.
    static func integer<T: FixedWidthInteger>(_ bytes: UnsafeRawBufferPointer, as type: T.Type) -> T? {
        var scanner = TextScanner(trimming: bytes)
        let negative = scanner.consume(UInt8(ascii: "-"))
        if !negative { _ = scanner.consume(UInt8(ascii: "+")) }
        guard !scanner.isAtEnd else { return nil }
        var value: T = 0
        while !scanner.isAtEnd {
            let byte = scanner.peek
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let digit = T(byte - 0x30)
            // Accumulate negatively so that T.min parses.
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow1 && !overflow2 else { return nil }
            value = next
            scanner.position += 1
        }
        return value
    }

    /// A double as Java's `Double.parseDouble` reads it (decimal or exponent form, optional `d`/`f`
    /// suffix), plus Spark's special words `inf`, `infinity`, `nan` in any case and with a sign.
    static func double(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var scanner = TextScanner(trimming: bytes)
        guard !scanner.isAtEnd else { return nil }
        var sign = 1.0
        let start = scanner.position
        if scanner.consume(UInt8(ascii: "-")) {
            sign = -1
        } else {
            _ = scanner.consume(UInt8(ascii: "+"))
        }
        if scanner.restEquals(caseInsensitive: "inf") || scanner.restEquals(caseInsensitive: "infinity") {
            return sign * .infinity
        }
        if scanner.restEquals(caseInsensitive: "nan") { return .nan }
        var end = scanner.end
        let last = bytes[end - 1] | 0x20
        if last == UInt8(ascii: "d") || last == UInt8(ascii: "f") { end -= 1 }
        // Only digits, one point, and an exponent: Swift's parser also takes hex and "nan(...)".
        var sawDigit = false
        for index in scanner.position..<end {
            let byte = bytes[index]
            switch byte {
            case 0x30...0x39: sawDigit = true
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"): break
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return Double(text)
    }

    /// A decimal at `scale` (rounded HALF_UP) from `[+-]digits[.digits][e[+-]digits]`; `.failure` when
    /// malformed, `.outOfRange` when it has more than `precision` digits.
    static func decimal(_ bytes: UnsafeRawBufferPointer, precision: Int, scale: Int) -> DecimalParse {
        var scanner = TextScanner(trimming: bytes)
        let negative = scanner.consume(UInt8(ascii: "-"))
        if !negative { _ = scanner.consume(UInt8(ascii: "+")) }
        var magnitude = WideMagnitude(low: 0)
        var digitCount = 0
        var fractionDigits = 0
        var sawPoint = false
        var significant = 0
        while !scanner.isAtEnd {
            let byte = scanner.peek
            if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else if byte >= 0x30 && byte <= 0x39 {
                digitCount += 1
                if sawPoint { fractionDigits += 1 }
                if significant > 0 || byte != 0x30 { significant += 1 }
                // Beyond 76 significant digits the value cannot fit any decimal; keep counting only.
                if significant <= 76,
                    let next = magnitude.multiplied(by: 10)?.adding(WideMagnitude(low: UInt128(byte - 0x30)))
                {
                    magnitude = next
                } else if significant > 76 {
                    return .outOfRange
                }
            } else {
                break
            }
            scanner.position += 1
        }
        guard digitCount > 0 else { return .failure }
        var exponent = 0
        if scanner.consume(UInt8(ascii: "e")) || scanner.consume(UInt8(ascii: "E")) {
            let negativeExponent = scanner.consume(UInt8(ascii: "-"))
            if !negativeExponent { _ = scanner.consume(UInt8(ascii: "+")) }
            let (value, count) = scanner.digits(maxCount: 6)
            guard count > 0 else { return .failure }
            exponent = negativeExponent ? -Int(value) : Int(value)
        }
        guard scanner.isAtEnd else { return .failure }
        // The value is magnitude * 10^(exponent - fractionDigits); move it to `scale`.
        let shift = scale - fractionDigits + exponent
        if shift >= 0 {
            if magnitude == WideMagnitude(low: 0) { return .value(0) }
            guard shift <= 76 else { return .outOfRange }
            var scaled = magnitude
            var remaining = shift
            while remaining > 0 {
                let step = min(remaining, 38)
                guard let next = scaled.multiplied(by: DecimalMath.powerOfTen(step)) else { return .outOfRange }
                scaled = next
                remaining -= step
            }
            magnitude = scaled
        } else {
            magnitude = -shift > 80 ? WideMagnitude(low: 0) : magnitude.roundedDividing(byPowerOfTen: -shift)
        }
        guard let value = DecimalMath.signed(negative: negative, magnitude, precision: precision) else {
            return .outOfRange
        }
        return .value(value)
    }

    enum DecimalParse: Equatable {
        case value(Int128)
        case failure
        case outOfRange
    }

    /// Spark's booleans: `t true y yes 1` and `f false n no 0`, in any case.
    static func boolean(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        let scanner = TextScanner(trimming: bytes)
        for word: StaticString in ["t", "true", "y", "yes", "1"] where scanner.restEquals(caseInsensitive: word) {
            return true
        }
        for word: StaticString in ["f", "false", "n", "no", "0"] where scanner.restEquals(caseInsensitive: word) {
            return false
        }
        return nil
    }

    /// A date: `yyyy`, `yyyy-[m]m`, `yyyy-[m]m-[d]d`, optionally followed by ` ` or `T` and anything
    /// (Spark's `stringToDate`); days since the epoch.
    static func date(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        var scanner = TextScanner(trimming: bytes)
        guard let days = datePart(&scanner) else { return nil }
        if !scanner.isAtEnd {
            guard scanner.consume(UInt8(ascii: " ")) || scanner.consume(UInt8(ascii: "T")) else { return nil }
        }
        return Int32(exactly: days)
    }

    /// A timestamp: a date as above, then optionally ` ` or `T`, `[h]h:[m]m[:[s]s[.fraction]]`, and a
    /// zone `Z`, `UTC`, `GMT`, `±hh`, `±hh:mm` or `±hhmm` (without one, the session zone UTC).
    /// Returns the wall-clock time as (seconds since the epoch, nanoseconds of the second) and the
    /// zone's offset from UTC in seconds.
    static func timestamp(_ bytes: UnsafeRawBufferPointer) -> (seconds: Int64, nanos: Int64, offset: Int64)? {
        var scanner = TextScanner(trimming: bytes)
        guard let days = datePart(&scanner) else { return nil }
        var seconds = Int64(days) * 86_400
        var nanos: Int64 = 0
        if !scanner.isAtEnd {
            guard scanner.consume(UInt8(ascii: " ")) || scanner.consume(UInt8(ascii: "T")) else { return nil }
            if scanner.isAtEnd { return (seconds, 0, 0) }
            let (hour, hourDigits) = scanner.digits(maxCount: 2)
            guard hourDigits > 0, hour < 24, scanner.consume(UInt8(ascii: ":")) else { return nil }
            let (minute, minuteDigits) = scanner.digits(maxCount: 2)
            guard minuteDigits > 0, minute < 60 else { return nil }
            var second: Int64 = 0
            if scanner.consume(UInt8(ascii: ":")) {
                let (value, count) = scanner.digits(maxCount: 2)
                guard count > 0, value < 60 else { return nil }
                second = value
                if scanner.consume(UInt8(ascii: ".")) {
                    let (fraction, count) = scanner.digits(maxCount: 9)
                    guard count > 0 else { return nil }
                    nanos = fraction * Int64(DecimalMath.powerOfTen(9 - count))
                    // Digits past nanoseconds are dropped.
                    _ = scanner.digits(maxCount: 100)
                }
            }
            seconds += hour * 3600 + minute * 60 + second
            guard let offset = zoneOffset(&scanner) else { return nil }
            return (seconds, nanos, offset)
        }
        return (seconds, nanos, 0)
    }

    /// The zone suffix's offset from UTC in seconds (0 when there is none).
    private static func zoneOffset(_ scanner: inout TextScanner) -> Int64? {
        _ = scanner.consume(UInt8(ascii: " "))
        if scanner.isAtEnd || scanner.restEquals(caseInsensitive: "z") || scanner.restEquals(caseInsensitive: "utc")
            || scanner.restEquals(caseInsensitive: "gmt")
        {
            return 0
        }
        var sign: Int64 = 1
        // `UTC+01:00` and `GMT-5` name a fixed offset too.
        for prefix: StaticString in ["utc", "gmt"] where scanner.remaining > 3 && TextScanner.hasPrefix(scanner, prefix)
        {
            scanner.position += 3
        }
        if scanner.consume(UInt8(ascii: "-")) {
            sign = -1
        } else if !scanner.consume(UInt8(ascii: "+")) {
            return nil
        }
        let (hours, hourDigits) = scanner.digits(maxCount: 2)
        guard hourDigits > 0, hours <= 18 else { return nil }
        var minutes: Int64 = 0
        let hadColon = scanner.consume(UInt8(ascii: ":"))
        if hadColon || !scanner.isAtEnd {
            let (value, count) = scanner.digits(maxCount: 2)
            guard count == 2, value < 60 else { return nil }
            minutes = value
        }
        guard scanner.isAtEnd else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// `yyyy[-[m]m[-[d]d]]` as days since the epoch.
    private static func datePart(_ scanner: inout TextScanner) -> Int? {
        let negativeYear = scanner.consume(UInt8(ascii: "-"))
        if !negativeYear { _ = scanner.consume(UInt8(ascii: "+")) }
        let (year, yearDigits) = scanner.digits(maxCount: 7)
        guard yearDigits >= 4 else { return nil }
        var month: Int64 = 1
        var day: Int64 = 1
        if scanner.consume(UInt8(ascii: "-")) {
            let (value, count) = scanner.digits(maxCount: 2)
            guard count > 0 else { return nil }
            month = value
            if scanner.consume(UInt8(ascii: "-")) {
                let (value, count) = scanner.digits(maxCount: 2)
                guard count > 0 else { return nil }
                day = value
            }
        }
        guard let date = CivilDate(year: Int(negativeYear ? -year : year), month: Int(month), day: Int(day)) else {
            return nil
        }
        return date.daysSinceEpoch
    }
}

extension TextScanner {
    /// Whether the rest starts with `prefix`, ignoring ASCII case.
    static func hasPrefix(_ scanner: TextScanner, _ prefix: StaticString) -> Bool {
        guard scanner.remaining >= prefix.utf8CodeUnitCount else { return false }
        let pointer = prefix.utf8Start
        for index in 0..<prefix.utf8CodeUnitCount {
            let byte = scanner.bytes[scanner.position + index]
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if lowered != pointer[index] { return false }
        }
        return true
    }
}
