import SluiceCompute
import SluiceCore

/// A Spark datetime pattern (`yyyy-MM-dd HH:mm:ss`, `dd/MM/yyyy`, `EEE, d MMM yyyy h:mm a`) compiled
/// once. It formats microseconds since the epoch at UTC (the session time zone) and parses text as
/// Spark 4's parser does: letters case-insensitive, the whole text, fields in their ranges (no
/// February 30th), missing fields from 1970-01-01 00:00:00.
///
/// Letters: `y` year (`yy` two digits from 2000), `M`/`L` month (`MMM` Jan, `MMMM` January), `d`
/// day, `D` day of year, `Q`/`q` quarter, `E` day of week (`EEE` Mon, `EEEE` Monday), `a` AM/PM,
/// `H` hour 0–23, `h` 1–12, `K` 0–11, `k` 1–24, `m`, `s`, `S` fraction, `X`/`x`/`Z` zone offset,
/// `z` zone name; `'text'` is literal, `''` a quote. One letter is a number without padding
/// (parsed with any width); more letters pad (and parse) to that width. Week-based letters are
/// refused as in Spark 3 and later.
struct SparkDateTimePattern: Sendable {
    enum Element: Sendable, Hashable {
        case literal([UInt8])
        /// A field letter repeated `count` times; `L` is stored as `M` and `q` as `Q`.
        case field(UInt8, count: Int)
    }

    let elements: [Element]
    /// Per element: digits the numeric fields right after it need, which a variable-width number
    /// leaves to them (so `yyyyMMdd` parses `20260301`).
    private let reservedDigits: [Int]

    /// Spark's default for `unix_timestamp` and `from_unixtime`.
    static let defaultTimestamp = "yyyy-MM-dd HH:mm:ss"

    /// - Throws: `ComputeError(.invalidArgument)` for letters Spark refuses or does not know, too
    ///   many letters, or an unclosed quote.
    init(_ pattern: String) throws {
        let bytes = Array(pattern.utf8)
        var elements: [Element] = []
        var literal: [UInt8] = []
        var index = 0
        func invalid(_ reason: String) -> ComputeError {
            ComputeError(.invalidArgument, "invalid datetime pattern '\(pattern)': \(reason)")
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.quote {
                index += 1
                if index < bytes.count, bytes[index] == Self.quote {
                    literal.append(Self.quote)
                    index += 1
                    continue
                }
                var closed = false
                while index < bytes.count {
                    if bytes[index] == Self.quote {
                        if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                            literal.append(Self.quote)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    literal.append(bytes[index])
                    index += 1
                }
                guard closed else { throw invalid("a quote is not closed") }
            } else if Self.isLetter(byte) {
                var count = 1
                while index + count < bytes.count, bytes[index + count] == byte { count += 1 }
                index += count
                let letter =
                    byte == UInt8(ascii: "L")
                    ? UInt8(ascii: "M") : (byte == UInt8(ascii: "q") ? UInt8(ascii: "Q") : byte)
                let name = String(decoding: [byte], as: UTF8.self)
                if Array("YwWuec".utf8).contains(byte) {
                    throw invalid("all week-based patterns are unsupported since Spark 3.0, detected: \(name)")
                }
                guard let maximum = Self.maximumCount[letter] else {
                    throw invalid("the pattern letter \(name) is not supported")
                }
                guard count <= maximum else { throw invalid("too many pattern letters: \(name)") }
                if !literal.isEmpty {
                    elements.append(.literal(literal))
                    literal = []
                }
                elements.append(.field(letter, count: count))
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") {
                throw invalid("optional sections are not supported")
            } else {
                literal.append(byte)
                index += 1
            }
        }
        if !literal.isEmpty { elements.append(.literal(literal)) }
        self.elements = elements
        reservedDigits = elements.indices.map { index in
            var reserved = 0
            for element in elements[(index + 1)...] {
                guard case .field(let letter, let count) = element, let widths = Self.widths(letter, count),
                    widths.minimum == widths.maximum || letter == UInt8(ascii: "S")
                else { break }
                reserved += widths.maximum
            }
            return reserved
        }
    }

    // MARK: Formatting

    /// The instant as text at UTC.
    func format(_ micros: Int64) -> String {
        let time = CivilTime(micros: micros)
        let date = time.date
        var output: [UInt8] = []
        for element in elements {
            switch element {
            case .literal(let bytes):
                output += bytes
            case .field(let letter, let count):
                output += Array(formatField(letter, count, date, time).utf8)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func formatField(_ letter: UInt8, _ count: Int, _ date: CivilDate, _ time: CivilTime) -> String {
        switch letter {
        case UInt8(ascii: "y"):
            if count == 2 { return Self.padded(((date.year % 100) + 100) % 100, 2) }
            let digits = Self.padded(abs(date.year), count == 1 ? 1 : count)
            if date.year < 0 { return "-" + digits }
            return count >= 4 && digits.count > count ? "+" + digits : digits
        case UInt8(ascii: "M"):
            switch count {
            case 3: return String(Self.monthNames[date.month - 1].prefix(3))
            case 4: return Self.monthNames[date.month - 1]
            case 5: return String(Self.monthNames[date.month - 1].prefix(1))
            default: return Self.padded(date.month, count)
            }
        case UInt8(ascii: "d"): return Self.padded(date.day, count)
        case UInt8(ascii: "D"): return Self.padded(date.dayOfYear, count)
        case UInt8(ascii: "Q"):
            switch count {
            case 3: return "Q\(date.quarter)"
            case 4: return Self.quarterNames[date.quarter - 1]
            default: return Self.padded(date.quarter, count)
            }
        case UInt8(ascii: "E"):
            let name = Self.dayNames[date.isoDayOfWeek - 1]
            return count == 4 ? name : String(name.prefix(3))
        case UInt8(ascii: "a"): return time.hour < 12 ? "AM" : "PM"
        case UInt8(ascii: "H"): return Self.padded(Int(time.hour), count)
        case UInt8(ascii: "h"): return Self.padded(time.hour % 12 == 0 ? 12 : Int(time.hour % 12), count)
        case UInt8(ascii: "K"): return Self.padded(Int(time.hour % 12), count)
        case UInt8(ascii: "k"): return Self.padded(time.hour == 0 ? 24 : Int(time.hour), count)
        case UInt8(ascii: "m"): return Self.padded(Int(time.minute), count)
        case UInt8(ascii: "s"): return Self.padded(Int(time.second), count)
        case UInt8(ascii: "S"): return String(Self.padded(Int(time.microOfSecond) * 1000, 9).prefix(count))
        case UInt8(ascii: "X"): return "Z"
        case UInt8(ascii: "x"): return ["+00", "+0000", "+00:00"][min(count, 3) - 1]
        case UInt8(ascii: "Z"): return count == 4 ? "GMT" : "+0000"
        default: return "UTC"
        }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // MARK: Parsing

    /// The instant `text` names (UTC unless it carries an offset), or nil when it does not match.
    func parse(_ text: UnsafeRawBufferPointer) -> Int64? {
        var scanner = Scanner(bytes: text)
        var fields = ParsedFields()
        for (index, element) in elements.enumerated() {
            switch element {
            case .literal(let bytes):
                for byte in bytes {
                    guard let next = scanner.next(), Self.lowered(next) == Self.lowered(byte) else { return nil }
                }
            case .field(let letter, let count):
                guard parseField(letter, count, reserved: reservedDigits[index], &scanner, &fields) else { return nil }
            }
        }
        guard scanner.isAtEnd else { return nil }
        return fields.resolve()
    }

    private func parseField(
        _ letter: UInt8, _ count: Int, reserved: Int, _ scanner: inout Scanner, _ fields: inout ParsedFields
    ) -> Bool {
        if let widths = Self.widths(letter, count) {
            var negative = false
            if letter == UInt8(ascii: "y"), count != 2 {
                if scanner.consume(UInt8(ascii: "-")) {
                    negative = true
                } else {
                    _ = scanner.consume(UInt8(ascii: "+"))
                }
            }
            let available = scanner.digitCount
            let take = min(widths.maximum, available - (widths.minimum == widths.maximum ? 0 : reserved))
            guard take >= widths.minimum, let value = scanner.number(digits: take) else { return false }
            switch letter {
            case UInt8(ascii: "y"): fields.year = count == 2 ? 2000 + value : (negative ? -value : value)
            case UInt8(ascii: "M"): fields.month = value
            case UInt8(ascii: "d"): fields.day = value
            case UInt8(ascii: "D"): fields.dayOfYear = value
            case UInt8(ascii: "Q"): fields.quarter = value
            case UInt8(ascii: "H"): fields.hourOfDay = value
            case UInt8(ascii: "k"):
                guard (1...24).contains(value) else { return false }
                fields.hourOfDay = value % 24
            case UInt8(ascii: "h"):
                guard (1...12).contains(value) else { return false }
                fields.hourOfAmPm = value % 12
            case UInt8(ascii: "K"):
                guard value < 12 else { return false }
                fields.hourOfAmPm = value
            case UInt8(ascii: "m"): fields.minute = value
            case UInt8(ascii: "s"): fields.second = value
            default:
                // The fraction: `take` digits of a second.
                var micros = value
                var digits = take
                while digits < 6 {
                    micros *= 10
                    digits += 1
                }
                while digits > 6 {
                    micros /= 10
                    digits -= 1
                }
                fields.microOfSecond = micros
            }
            return true
        }
        switch letter {
        case UInt8(ascii: "M"):
            let names = count == 3 ? Self.monthNames.map { String($0.prefix(3)) } : Self.monthNames
            guard let month = scanner.oneOf(names) else { return false }
            fields.month = Int64(month + 1)
        case UInt8(ascii: "Q"):
            if count == 3 {
                guard scanner.consume(UInt8(ascii: "Q")) || scanner.consume(UInt8(ascii: "q")),
                    let value = scanner.number(digits: 1)
                else { return false }
                fields.quarter = value
            } else {
                guard let quarter = scanner.oneOf(Self.quarterNames) else { return false }
                fields.quarter = Int64(quarter + 1)
            }
        case UInt8(ascii: "E"):
            let names = count == 4 ? Self.dayNames : Self.dayNames.map { String($0.prefix(3)) }
            guard let day = scanner.oneOf(names) else { return false }
            fields.isoDayOfWeek = day + 1
        case UInt8(ascii: "a"):
            guard let half = scanner.oneOf(["AM", "PM"]) else { return false }
            fields.isAfternoon = half == 1
        default:
            guard let offset = scanner.zoneOffset() else { return false }
            fields.offsetSeconds = offset
        }
        return true
    }

    /// Digits a numeric field reads: one letter any width (up to 19), two letters exactly two, `yy`
    /// two, `yyyy` four or more, `S…` one up to the letter count; nil for text fields.
    private static func widths(_ letter: UInt8, _ count: Int) -> (minimum: Int, maximum: Int)? {
        switch letter {
        case UInt8(ascii: "y"):
            return count == 2 ? (2, 2) : (count, 19)
        case UInt8(ascii: "M"), UInt8(ascii: "Q"):
            return count > 2 ? nil : (count == 1 ? (1, 19) : (count, count))
        case UInt8(ascii: "D"):
            return count == 1 ? (1, 19) : (count, 3)
        case UInt8(ascii: "d"), UInt8(ascii: "H"), UInt8(ascii: "h"), UInt8(ascii: "K"), UInt8(ascii: "k"),
            UInt8(ascii: "m"), UInt8(ascii: "s"):
            return count == 1 ? (1, 19) : (count, count)
        case UInt8(ascii: "S"):
            return (1, count)
        default:
            return nil
        }
    }

    private static let quote = UInt8(ascii: "'")
    private static let maximumCount: [UInt8: Int] = [
        UInt8(ascii: "y"): 6, UInt8(ascii: "M"): 5, UInt8(ascii: "d"): 2, UInt8(ascii: "D"): 3,
        UInt8(ascii: "Q"): 4, UInt8(ascii: "E"): 4, UInt8(ascii: "a"): 1, UInt8(ascii: "H"): 2,
        UInt8(ascii: "h"): 2, UInt8(ascii: "K"): 2, UInt8(ascii: "k"): 2, UInt8(ascii: "m"): 2,
        UInt8(ascii: "s"): 2, UInt8(ascii: "S"): 9, UInt8(ascii: "X"): 3, UInt8(ascii: "x"): 3,
        UInt8(ascii: "Z"): 4, UInt8(ascii: "z"): 3,
    ]
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let quarterNames = ["1st quarter", "2nd quarter", "3rd quarter", "4th quarter"]

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    fileprivate static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}

/// The fields a parse found, resolved to an instant with Spark's strict checks.
private struct ParsedFields {
    var year: Int64 = 1970
    var month: Int64?
    var day: Int64?
    var dayOfYear: Int64?
    var quarter: Int64?
    var isoDayOfWeek: Int?
    var hourOfDay: Int64?
    var hourOfAmPm: Int64?
    var isAfternoon: Bool?
    var minute: Int64 = 0
    var second: Int64 = 0
    var microOfSecond: Int64 = 0
    var offsetSeconds: Int64 = 0

    func resolve() -> Int64? {
        guard CivilDate.timestampYears.contains(Int(clamping: year)) else { return nil }
        let year = Int(year)
        var date: CivilDate
        if let dayOfYear {
            guard let start = CivilDate(year: year, month: 1, day: 1), dayOfYear >= 1,
                dayOfYear <= (CivilDate.isLeapYear(year) ? 366 : 365)
            else { return nil }
            date = start.adding(days: Int(dayOfYear) - 1)
            if let month, month != date.month { return nil }
            if let day, day != date.day { return nil }
        } else {
            guard let month = Int(exactly: month ?? 1), let day = Int(exactly: day ?? 1),
                let resolved = CivilDate(year: year, month: month, day: day)
            else { return nil }
            date = resolved
        }
        if let quarter, quarter != date.quarter, month != nil || dayOfYear != nil { return nil }
        if let isoDayOfWeek, isoDayOfWeek != date.isoDayOfWeek { return nil }
        var hour = hourOfDay ?? 0
        if hourOfDay == nil, let hourOfAmPm {
            // Without `a` the hour is in the morning, as in Spark.
            hour = hourOfAmPm + (isAfternoon == true ? 12 : 0)
        }
        guard hour < 24, minute < 60, second < 60 else { return nil }
        let seconds = hour * 3600 + minute * 60 + second - offsetSeconds
        guard
            let micros = CivilTime.micros(
                days: Int64(date.daysSinceEpoch), microOfDay: seconds * CivilTime.microsPerSecond + microOfSecond)
        else { return nil }
        return micros
    }
}

/// Reads the text being parsed, byte by byte.
private struct Scanner {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    var isAtEnd: Bool { position >= bytes.count }

    mutating func next() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// How many digits follow.
    var digitCount: Int {
        var count = 0
        while position + count < bytes.count, isDigit(bytes[position + count]) { count += 1 }
        return count
    }

    /// The next `digits` digits as a number (nil past Int64).
    mutating func number(digits: Int) -> Int64? {
        guard digits > 0 else { return nil }
        var value: Int64 = 0
        for _ in 0..<digits {
            guard position < bytes.count, isDigit(bytes[position]) else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, sumOverflow) = shifted.addingReportingOverflow(Int64(bytes[position] - UInt8(ascii: "0")))
            guard !overflow, !sumOverflow else { return nil }
            value = sum
            position += 1
        }
        return value
    }

    /// The index of the first of `words` the text continues with, ignoring case.
    mutating func oneOf(_ words: [String]) -> Int? {
        for (index, word) in words.enumerated() {
            let utf8 = Array(word.utf8)
            guard position + utf8.count <= bytes.count else { continue }
            if utf8.indices.allSatisfy({
                SparkDateTimePattern.lowered(bytes[position + $0]) == SparkDateTimePattern.lowered(utf8[$0])
            }) {
                position += utf8.count
                return index
            }
        }
        return nil
    }

    /// `Z`, `UTC`, `GMT` (offset 0) or `±hh[[:]mm]`, in seconds east of UTC.
    mutating func zoneOffset() -> Int64? {
        if oneOf(["UTC", "GMT", "Z"]) != nil,
            position >= bytes.count
                || !(bytes[position] == UInt8(ascii: "+")
                    || bytes[position] == UInt8(ascii: "-"))
        {
            return 0
        }
        let sign: Int64
        if consume(UInt8(ascii: "+")) {
            sign = 1
        } else if consume(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard digitCount >= 2, let hours = number(digits: 2), hours <= 18 else { return nil }
        var minutes: Int64 = 0
        let colon = consume(UInt8(ascii: ":"))
        if colon || digitCount >= 2 {
            guard let value = number(digits: 2), value < 60 else { return nil }
            minutes = value
        }
        return sign * (hours * 3600 + minutes * 60)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
