import Foundation
import SluiceCompute
import SluiceCore

/// Kernels of Spark's regex functions. Spark uses Java regexes; ICU's (NSRegularExpression) share
/// their syntax for everything but rare corners. Each distinct pattern of a batch is compiled once —
/// a constant pattern once per batch.
enum RegexKernels {
    static func run(_ function: ScalarFunction, _ arguments: KernelArguments) throws -> any ColumnArray {
        let rows = arguments.rows
        let values = try arguments.strings(0)
        let patterns = try arguments.strings(1)
        var cache = RegexCache()
        switch function {
        case .rlike:
            var output: [Bool?] = []
            output.reserveCapacity(rows)
            for row in 0..<rows {
                guard let value = values[row], let pattern = patterns[row] else {
                    output.append(nil)
                    continue
                }
                let regex = try cache.regex(pattern)
                output.append(regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil)
            }
            return BooleanArray(output)
        case .regexpExtract:
            let groups = try arguments.int32s(2)
            return try KernelArguments.strings(rows: rows) { row in
                guard let value = values[row], let pattern = patterns[row], let group = groups[row] else { return nil }
                return try extract(value, try cache.regex(pattern), group: Int(group))
            }
        case .regexpReplace:
            let replacements = try arguments.strings(2)
            let positions = try arguments.int32s(3)
            return try KernelArguments.strings(rows: rows) { row in
                guard let value = values[row], let pattern = patterns[row], let replacement = replacements[row],
                    let position = positions[row]
                else { return nil }
                return try replace(value, try cache.regex(pattern), with: replacement, from: Int(position))
            }
        case .split:
            let limits = try arguments.int32s(2)
            let builder = ListBuilder(child: StringBuilder(), elementNullable: false, capacity: rows)
            for row in 0..<rows {
                guard let value = values[row], let pattern = patterns[row], let limit = limits[row] else {
                    builder.appendNull()
                    continue
                }
                let parts =
                    pattern.isEmpty
                    ? splitCharacters(value, limit: Int(limit))
                    : split(value, try cache.regex(pattern), limit: Int(limit))
                builder.appendList { child in for part in parts { child.append(part) } }
            }
            return builder.finish()
        default:
            throw ComputeError(.unsupported, "\(function.rawValue) is not a regex function")
        }
    }

    /// Group `group` of the first match (0 is the whole match); empty when nothing matches or the group
    /// took no part.
    static func extract(_ value: String, _ regex: NSRegularExpression, group: Int) throws -> String {
        guard (0...regex.numberOfCaptureGroups).contains(group) else {
            throw ComputeError(
                .invalidArgument,
                "[INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX] regexp_extract: the regex has "
                    + "\(regex.numberOfCaptureGroups) groups, so the group index must be between 0 and "
                    + "\(regex.numberOfCaptureGroups), not \(group)")
        }
        guard let match = regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)),
            let range = Range(match.range(at: group), in: value)
        else { return "" }
        return String(value[range])
    }

    /// Every match at or after code point `position` (1-based) replaced by the template (`$1` is a
    /// group, `\$` a dollar); the text before `position` is kept as it is, as Java's matcher region does.
    static func replace(_ value: String, _ regex: NSRegularExpression, with template: String, from position: Int)
        throws -> String
    {
        guard position > 0 else {
            throw ComputeError(
                .invalidArgument, "[INVALID_PARAMETER_VALUE.REGEX_POSITION] regexp_replace needs a position ≥ 1")
        }
        let scalars = value.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: position - 1, limitedBy: scalars.endIndex)
        guard let start, start < scalars.endIndex || position == 1 else { return value }
        let tail = String(value[start...])
        let replaced = regex.stringByReplacingMatches(
            in: tail, range: NSRange(tail.startIndex..., in: tail), withTemplate: template)
        return String(value[..<start]) + replaced
    }

    /// Java's `String.split(regex, limit)` as Spark calls it: at most `limit` parts when it is
    /// positive (the last holds the rest), trailing empty parts kept, and no empty first part from a
    /// zero-width match at the start.
    static func split(_ value: String, _ regex: NSRegularExpression, limit: Int) -> [String] {
        var parts: [String] = []
        var index = value.startIndex
        for match in regex.matches(in: value, range: NSRange(value.startIndex..., in: value)) {
            guard limit <= 0 || parts.count < limit - 1 else { break }
            guard let range = Range(match.range, in: value) else { continue }
            if range.isEmpty, range.lowerBound == value.startIndex { continue }
            parts.append(String(value[index..<range.lowerBound]))
            index = range.upperBound
        }
        parts.append(String(value[index...]))
        return parts
    }

    /// Spark's split on an empty pattern: one part per code point (the last holding the rest when
    /// `limit` is smaller), and no trailing empty part.
    static func splitCharacters(_ value: String, limit: Int) -> [String] {
        let scalars = Array(value.unicodeScalars)
        guard !scalars.isEmpty else { return [""] }
        let count = limit > 0 && limit < scalars.count ? limit : scalars.count
        var parts = scalars.prefix(count - 1).map { String($0) }
        parts.append(String(String.UnicodeScalarView(scalars[(count - 1)...])))
        return parts
    }
}

/// The compiled regexes of one kernel call, by pattern.
struct RegexCache {
    private var compiled: [String: NSRegularExpression] = [:]

    mutating func regex(_ pattern: String) throws -> NSRegularExpression {
        if let regex = compiled[pattern] { return regex }
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: pattern)
        } catch {
            throw ComputeError(.invalidArgument, "[INVALID_PARAMETER_VALUE.PATTERN] \(pattern) is not a valid regex")
        }
        compiled[pattern] = regex
        return regex
    }
}
