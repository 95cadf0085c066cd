import Foundation
import SluiceCQL
import SluiceCore

/// CQL values as serving values, printed as `sluice get` prints the same column from SQLite, and
/// lookup keys given as text as CQL values of the key column's type.
enum CQLServingValue {
    static func value(_ value: CQLValue?) -> ServingValue {
        guard let value else { return .null }
        switch value {
        case .boolean(let flag): return .integer(flag ? 1 : 0)
        case .tinyint(let number): return .integer(Int64(number))
        case .smallint(let number): return .integer(Int64(number))
        case .int(let number): return .integer(Int64(number))
        case .bigint(let number), .counter(let number): return .integer(number)
        case .varint(let number):
            return number.int128.flatMap { Int64(exactly: $0) }.map(ServingValue.integer) ?? .text("\(number)")
        case .float(let number): return .real(Double(number))
        case .double(let number): return .real(number)
        case .decimal(let number):
            guard let unscaled = number.unscaled.int128 else { return .text("\(number)") }
            return .text(DecimalText.format(unscaled, scale: Int(number.scale)))
        case .ascii(let text), .text(let text): return .text(text)
        case .blob(let bytes): return .blob(bytes)
        case .date(let days): return .text(TemporalText.date(daysSinceEpoch: Int(days)))
        case .time(let nanoseconds): return .text(TemporalText.time(nanoseconds, unit: .nanosecond))
        case .timestamp(let milliseconds):
            return .text(TemporalText.timestamp(milliseconds, unit: .millisecond, utc: true))
        case .uuid(let id), .timeuuid(let id): return .text(id.uuidString.lowercased())
        default: return .text("\(value)")
        }
    }

    /// `text` as a value of `type`, the key column `column` of `table`.
    static func key(_ text: String, type: CQLDataType, column: String, table: String) throws(ServingError)
        -> CQLBoundValue
    {
        func invalid(_ expected: String) -> ServingError {
            .invalidKey(table: table, detail: "key column \(column) is \(type): \"\(text)\" is not \(expected)")
        }
        let value: CQLValue
        switch type {
        case .text, .ascii: value = .text(text)
        case .tinyint:
            guard let number = Int8(text) else { throw invalid("a tinyint") }
            value = .tinyint(number)
        case .smallint:
            guard let number = Int16(text) else { throw invalid("a smallint") }
            value = .smallint(number)
        case .int:
            guard let number = Int32(text) else { throw invalid("an int") }
            value = .int(number)
        case .bigint:
            guard let number = Int64(text) else { throw invalid("a bigint") }
            value = .bigint(number)
        case .varint:
            guard let number = Int128(text) else { throw invalid("an integer") }
            value = .varint(CQLVarint(number))
        case .boolean:
            switch text.lowercased() {
            case "true", "1": value = .boolean(true)
            case "false", "0": value = .boolean(false)
            default: throw invalid("true or false")
            }
        case .double:
            guard let number = Double(text) else { throw invalid("a number") }
            value = .double(number)
        case .float:
            guard let number = Float(text) else { throw invalid("a number") }
            value = .float(number)
        case .date:
            guard let days = days(text) else { throw invalid("a date (YYYY-MM-DD)") }
            value = .date(days)
        case .blob:
            guard let bytes = hexBytes(text) else { throw invalid("a blob (0x and hex digits)") }
            value = .blob(bytes)
        case .timestamp:
            guard let milliseconds = milliseconds(text) else {
                throw invalid("a timestamp (YYYY-MM-DDTHH:MM:SS[.fff]Z, as sluice get prints it)")
            }
            value = .timestamp(milliseconds)
        case .time:
            guard let nanoseconds = nanosecondsOfDay(text) else { throw invalid("a time (HH:MM:SS[.fffffffff])") }
            value = .time(nanoseconds)
        case .decimal:
            guard let decimal = decimal(text) else { throw invalid("a decimal number") }
            value = .decimal(decimal)
        default:
            throw .invalidKey(table: table, detail: "key column \(column) is \(type), which lookups do not support")
        }
        return .bytes(value.serialized())
    }

    private static func days(_ text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2]), let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        return Int64(date.daysSinceEpoch)
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS[.f]` with an optional `Z` (UTC), as milliseconds (floored).
    private static func milliseconds(_ text: String) -> Int64? {
        var rest = Substring(text)
        if rest.hasSuffix("Z") { rest = rest.dropLast() } else if rest.hasSuffix("+00:00") { rest = rest.dropLast(6) }
        let parts = rest.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard (1...2).contains(parts.count), let days = days(String(parts[0])) else { return nil }
        var nanoseconds: Int64 = 0
        if parts.count == 2 {
            guard let time = nanosecondsOfDay(String(parts[1])) else { return nil }
            nanoseconds = time
        }
        return days * 86_400_000 + nanoseconds / 1_000_000
    }

    /// `HH:MM:SS[.fffffffff]` as nanoseconds since midnight.
    private static func nanosecondsOfDay(_ text: String) -> Int64? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let hours = Int64(parts[0]), let minutes = Int64(parts[1]), (0..<24).contains(hours),
            (0..<60).contains(minutes)
        else { return nil }
        let secondParts = parts[2].split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(secondParts.count), secondParts[0].count == 2, let seconds = Int64(secondParts[0]),
            (0..<60).contains(seconds)
        else { return nil }
        var fraction: Int64 = 0
        if secondParts.count == 2 {
            let digits = secondParts[1]
            guard (1...9).contains(digits.count), digits.allSatisfy(\.isASCII), let value = Int64(digits) else {
                return nil
            }
            fraction = value * Int64(pow(10, Double(9 - digits.count)))
        }
        return ((hours * 60 + minutes) * 60 + seconds) * 1_000_000_000 + fraction
    }

    /// `-123.45` as unscaled digits and a scale.
    private static func decimal(_ text: String) -> CQLDecimal? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2 else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.allSatisfy(\.isNumber), let unscaled = Int128(String(parts[0]) + fraction) else { return nil }
        return CQLDecimal(unscaled: CQLVarint(unscaled), scale: Int32(fraction.count))
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        guard text.hasPrefix("0x"), text.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = text.index(text.startIndex, offsetBy: 2)
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
