import Foundation
import SluiceCompute
import SluiceCore

/// Row-by-row kernels for the scalar functions the compute library does not have yet. Arguments the
/// binder requires to be constants (round's scale, LIKE's pattern) are read once from their scalar.
enum ScalarFunctions {
    static func run(_ function: ScalarFunction, _ arguments: [Datum], rows: Int) throws -> any ColumnArray {
        func column(_ index: Int) throws -> any ColumnArray {
            try ExpressionEvaluator.materialize(arguments[index], rows: rows)
        }
        switch function {
        case .lower: return try mapStrings(column(0)) { $0.lowercased() }
        case .upper: return try mapStrings(column(0)) { $0.uppercased() }
        case .length:
            let strings = try stringArray(column(0))
            // Spark counts characters as code points.
            return Int32Array(
                (0..<strings.count).map {
                    strings.isNull($0) ? nil : Int32(strings.string(at: $0).unicodeScalars.count)
                })
        case .round:
            guard let values = try column(0) as? Float64Array, case .integer(let scale)? = try constant(arguments[1])
            else {
                throw ComputeError(.unsupported, "round takes a double and a constant int")
            }
            return Float64Array(
                (0..<values.count).map {
                    values.isNull($0) ? nil : roundHalfUp(values.value(at: $0), scale: Int(scale))
                })
        case .concat:
            let parts = try arguments.indices.map { try stringArray(column($0)) }
            let builder = StringBuilder(capacity: rows)
            for row in 0..<rows {
                if parts.contains(where: { $0.isNull(row) }) {
                    builder.appendNull()
                } else {
                    builder.append(parts.map { $0.string(at: row) }.joined())
                }
            }
            return builder.finish()
        case .like, .ilike:
            let values = try stringArray(column(0))
            guard case .bytes(let patternBytes)? = try constant(arguments[1]) else {
                return try Scalar.null(.boolean).makeArray(count: rows)
            }
            guard case .bytes(let escapeBytes)? = try constant(arguments[2]),
                let escape = String(decoding: escapeBytes, as: UTF8.self).unicodeScalars.first
            else { throw ComputeError(.unsupported, "LIKE needs an escape character") }
            let isCaseInsensitive = function == .ilike
            let text = String(decoding: patternBytes, as: UTF8.self)
            let pattern = LikePattern(isCaseInsensitive ? text.lowercased() : text, escape: escape)
            return BooleanArray(
                (0..<values.count).map { row in
                    guard values.isValid(row) else { return nil }
                    let value = values.string(at: row)
                    return pattern.matches(isCaseInsensitive ? value.lowercased() : value)
                })
        // String and math
        case .concatWs, .trim, .ltrim, .rtrim, .substring, .lpad, .rpad, .replace:
            return try StringKernels.run(function, KernelArguments(values: arguments, rows: rows))
        case .split, .regexpExtract, .regexpReplace, .rlike:
            return try RegexKernels.run(function, KernelArguments(values: arguments, rows: rows))
        case .sortArray, .size, .arrayContains:
            return try ArrayKernels.run(function, KernelArguments(values: arguments, rows: rows))
        case .md5, .sha2:
            return try DigestKernels.run(function, KernelArguments(values: arguments, rows: rows))
        case .floor, .ceil, .decimalRound, .pow, .sqrt, .signum, .ln, .log10, .log2, .exp, .log, .greatest, .least:
            return try MathKernels.run(function, KernelArguments(values: arguments, rows: rows))
        // Date and time
        case .dateAdd, .dateSub, .dateDiff, .addMonths, .lastDay, .year, .quarter, .month, .dayOfMonth, .dayOfWeek,
            .dayOfYear, .hour, .minute, .second, .dateTrunc, .truncDate, .dateFormat, .parseTimestamp,
            .tryParseTimestamp, .unixSeconds, .timestampFromSeconds, .timestampAddInterval:
            return try DateKernels.run(function, arguments, rows: rows)
        }
    }

    /// The payload of a constant argument (nil for a null).
    private static func constant(_ argument: Datum) throws -> Scalar.Payload? {
        switch argument {
        case .scalar(let scalar): return scalar.payload
        case .array(let array):
            guard array.count > 0 else { return nil }
            return try Scalar(array, at: 0).payload
        }
    }

    private static func stringArray(_ array: any ColumnArray) throws -> StringArray {
        guard let strings = array as? StringArray else {
            throw ComputeError(.unsupported, "expected a string column, got \(array.dataType)")
        }
        return strings
    }

    private static func mapStrings(_ array: any ColumnArray, _ transform: (String) -> String) throws -> StringArray {
        let strings = try stringArray(array)
        let builder = StringBuilder(capacity: strings.count)
        for row in 0..<strings.count {
            builder.append(strings.isNull(row) ? nil : transform(strings.string(at: row)))
        }
        return builder.finish()
    }

    /// HALF_UP on the shortest decimal text of the double, as Spark rounds through BigDecimal.
    static func roundHalfUp(_ value: Double, scale: Int) -> Double {
        guard value.isFinite, var decimal = Decimal(string: "\(value)") else { return value }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &decimal, scale, .plain)
        // Through the text: NSDecimalNumber's doubleValue is not correctly rounded (3.33 → 3.3299999999999996).
        return Double("\(rounded)") ?? value
    }
}
