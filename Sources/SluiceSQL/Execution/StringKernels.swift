import SluiceCompute
import SluiceCore

/// Kernels of Spark's plain string functions. A character is a Unicode code point, as Spark counts
/// them; matching (`replace`) compares UTF-8 bytes, as Spark does, not canonically equivalent text.
enum StringKernels {
    static func run(_ function: ScalarFunction, _ arguments: KernelArguments) throws -> any ColumnArray {
        let rows = arguments.rows
        switch function {
        case .concatWs:
            let separators = try arguments.strings(0)
            let parts = try (1..<arguments.count).map { try arguments.strings($0) }
            return KernelArguments.strings(rows: rows) { row in
                guard separators.isValid(row) else { return nil }
                return parts.compactMap { $0[row] }.joined(separator: separators.string(at: row))
            }
        case .trim, .ltrim, .rtrim:
            let values = try arguments.strings(0)
            let characters = arguments.count > 1 ? try arguments.strings(1) : nil
            return KernelArguments.strings(rows: rows) { row in
                guard let value = values[row] else { return nil }
                var trimmed: Set<Unicode.Scalar> = [" "]
                if let characters {
                    guard let text = characters[row] else { return nil }
                    trimmed = Set(text.unicodeScalars)
                }
                return trim(value, trimmed, leading: function != .rtrim, trailing: function != .ltrim)
            }
        case .substring:
            let values = try arguments.strings(0)
            let positions = try arguments.int32s(1)
            let lengths = arguments.count > 2 ? try arguments.int32s(2) : nil
            return KernelArguments.strings(rows: rows) { row in
                guard let value = values[row], let position = positions[row] else { return nil }
                guard let lengths else { return substring(value, position: Int(position), length: Int(Int32.max)) }
                return lengths[row].map { substring(value, position: Int(position), length: Int($0)) }
            }
        case .lpad, .rpad:
            let values = try arguments.strings(0)
            let lengths = try arguments.int32s(1)
            let pads = try arguments.strings(2)
            return KernelArguments.strings(rows: rows) { row in
                guard let value = values[row], let length = lengths[row], let pad = pads[row] else { return nil }
                return self.pad(value, to: Int(length), with: pad, onLeft: function == .lpad)
            }
        case .replace:
            let values = try arguments.strings(0)
            let searches = try arguments.strings(1)
            let replacements = try arguments.strings(2)
            return KernelArguments.strings(rows: rows) { row in
                guard values.isValid(row), searches.isValid(row), replacements.isValid(row) else { return nil }
                let replaced = replace(
                    values.bytes(at: row), searches.bytes(at: row), with: replacements.bytes(at: row))
                return String(decoding: replaced, as: UTF8.self)
            }
        default:
            throw ComputeError(.unsupported, "\(function.rawValue) is not a string function")
        }
    }

    /// `text` without the leading and/or trailing code points in `characters`.
    static func trim(_ text: String, _ characters: Set<Unicode.Scalar>, leading: Bool, trailing: Bool) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        if leading {
            while start < end, characters.contains(scalars[start]) { start = scalars.index(after: start) }
        }
        if trailing {
            while end > start, characters.contains(scalars[scalars.index(before: end)]) {
                end = scalars.index(before: end)
            }
        }
        return String(scalars[start..<end])
    }

    /// Spark's `substring`: `position` is 1-based, counts from the end when negative (0 acts as 1),
    /// and the end is computed before a start before the string is clamped to it.
    static func substring(_ text: String, position: Int, length: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var start = position > 0 ? position - 1 : position < 0 ? scalars.count + position : 0
        let end = min(scalars.count, start + length)
        start = max(start, 0)
        guard start < end else { return "" }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// Spark's `lpad`/`rpad`: `text` cut to `length` code points, or padded to it with repeats of
    /// `pad` (the last one partial); an empty pad leaves a shorter text as it is.
    static func pad(_ text: String, to length: Int, with pad: String, onLeft: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        let missing = length - scalars.count
        let padScalars = Array(pad.unicodeScalars)
        guard missing > 0, !padScalars.isEmpty else {
            return String(String.UnicodeScalarView(scalars.prefix(max(0, length))))
        }
        var padding = String.UnicodeScalarView()
        for index in 0..<missing { padding.append(padScalars[index % padScalars.count]) }
        return onLeft ? String(padding) + text : text + String(padding)
    }

    /// Every non-overlapping occurrence of `search` in `text`, left to right, replaced; an empty
    /// `search` leaves the text as it is.
    static func replace(_ text: [UInt8], _ search: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        guard !search.isEmpty, text.count >= search.count else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if index + search.count <= text.count, text[index] == search[0],
                text[index..<index + search.count].elementsEqual(search)
            {
                output.append(contentsOf: replacement)
                index += search.count
            } else {
                output.append(text[index])
                index += 1
            }
        }
        return output
    }
}
