/// Compares the engine's rows with DuckDB's: columns by position, rows as multisets (in order when
/// the query orders them), numbers equal within a relative tolerance, every other value exactly
/// (decimals, dates and timestamps are text, so they compare as written).
enum OracleRowComparison {
    /// Relative tolerance for numbers: floats are summed in different orders by the two engines.
    static let tolerance = 1e-9

    /// The first difference between `actual` (the engine's) and `expected` (DuckDB's); nil when
    /// they agree.
    static func firstDifference(actual: [[OracleValue]], expected: [[OracleValue]], ordered: Bool) -> String? {
        let actualWidth = actual.first?.count
        let expectedWidth = expected.first?.count
        if let actualWidth, let expectedWidth, actualWidth != expectedWidth {
            return "\(actualWidth) columns, DuckDB has \(expectedWidth)"
        }
        if ordered {
            for (index, (ours, theirs)) in zip(actual, expected).enumerated() where !rowsMatch(ours, theirs) {
                return "row \(index): engine \(text(ours)), DuckDB \(text(theirs))"
            }
            return countDifference(actual, expected)
        }
        let ours = actual.sorted(by: precedes)
        let theirs = expected.sorted(by: precedes)
        if ours.count == theirs.count, zip(ours, theirs).allSatisfy(rowsMatch) { return nil }
        return multisetDifference(ours, theirs)
    }

    /// Rows one side has and the other lacks, found by matching each row within the tolerance.
    private static func multisetDifference(_ actual: [[OracleValue]], _ expected: [[OracleValue]]) -> String? {
        var unmatched = expected
        var extra: [[OracleValue]] = []
        for row in actual {
            if let index = unmatched.firstIndex(where: { rowsMatch(row, $0) }) {
                unmatched.remove(at: index)
            } else {
                extra.append(row)
            }
        }
        if extra.isEmpty && unmatched.isEmpty { return nil }
        var parts = ["engine \(actual.count) rows, DuckDB \(expected.count)"]
        if let row = extra.first { parts.append("engine-only (\(extra.count)) e.g. \(text(row))") }
        if let row = unmatched.first { parts.append("DuckDB-only (\(unmatched.count)) e.g. \(text(row))") }
        return parts.joined(separator: "; ")
    }

    private static func countDifference(_ actual: [[OracleValue]], _ expected: [[OracleValue]]) -> String? {
        guard actual.count != expected.count else { return nil }
        let longer = actual.count > expected.count ? "engine" : "DuckDB"
        let row = actual.count > expected.count ? actual[expected.count] : expected[actual.count]
        return "engine \(actual.count) rows, DuckDB \(expected.count); first extra \(longer) row \(text(row))"
    }

    static func rowsMatch(_ left: [OracleValue], _ right: [OracleValue]) -> Bool {
        left.count == right.count && zip(left, right).allSatisfy(valuesMatch)
    }

    static func valuesMatch(_ left: OracleValue, _ right: OracleValue) -> Bool {
        switch (left, right) {
        case (.list(let lefts), .list(let rights)): return rowsMatch(lefts, rights)
        case (.object(let lefts), .object(let rights)):
            return lefts.keys.sorted() == rights.keys.sorted()
                && lefts.allSatisfy { key, value in rights[key].map { valuesMatch(value, $0) } ?? false }
        case (.integer(let a), .integer(let b)): return a == b
        default:
            guard let a = number(left), let b = number(right) else { return left == right }
            return a == b || abs(a - b) <= tolerance * max(abs(a), abs(b))
        }
    }

    private static func number(_ value: OracleValue) -> Double? {
        switch value {
        case .integer(let integer): return Double(integer)
        case .number(let number): return number
        default: return nil
        }
    }

    /// A total order on rows so both sides sort alike: null, booleans, numbers, text, lists, objects.
    private static func precedes(_ left: [OracleValue], _ right: [OracleValue]) -> Bool {
        for (a, b) in zip(left, right) {
            if valuePrecedes(a, b) { return true }
            if valuePrecedes(b, a) { return false }
        }
        return left.count < right.count
    }

    private static func valuePrecedes(_ left: OracleValue, _ right: OracleValue) -> Bool {
        switch (left, right) {
        case (.bool(let a), .bool(let b)): return !a && b
        case (.integer(let a), .integer(let b)): return a < b
        case (.text(let a), .text(let b)): return a < b
        case (.list(let a), .list(let b)): return precedes(a, b)
        case (.object, .object): return left.description < right.description
        default:
            if let a = number(left), let b = number(right) { return a < b }
            return rank(left) < rank(right)
        }
    }

    private static func rank(_ value: OracleValue) -> Int {
        switch value {
        case .null: return 0
        case .bool: return 1
        case .integer, .number: return 2
        case .text: return 3
        case .list: return 4
        case .object: return 5
        }
    }

    static func text(_ row: [OracleValue]) -> String {
        "[" + row.map(\.description).joined(separator: ", ") + "]"
    }
}
