import SluiceCompute
import SluiceCore

/// sum and avg of decimals, exact in 128 bits. sum is `decimal(p + 10, s)`; avg is
/// `decimal(p + 4, s + 4)`, the sum divided by the count rounding HALF_UP. A result with more digits
/// than its precision fails with `[NUMERIC_VALUE_OUT_OF_RANGE]`, as Spark does under ANSI.
struct DecimalSumAccumulator: Accumulator {
    let call: AggregateCall
    var sums: [Int128] = []
    var counts: [Int64] = []

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        sums.pad(to: groupCount, with: 0)
        counts.pad(to: groupCount, with: 0)
        guard let values = values as? Decimal128Array else {
            throw ComputeError(.unsupported, "expected decimal input")
        }
        for (row, group) in groups.enumerated() where values.isValid(row) {
            try add(values.value(at: row), count: 1, to: group)
        }
    }

    private mutating func add(_ value: Int128, count: Int64, to group: Int) throws {
        let (sum, overflow) = sums[group].addingReportingOverflow(value)
        if overflow { throw outOfRange() }
        sums[group] = sum
        counts[group] += count
    }

    mutating func merge(_ other: any Accumulator, groups: [Int], groupCount: Int) throws {
        let other = try mergeable(other, as: Self.self)
        sums.pad(to: groupCount, with: 0)
        counts.pad(to: groupCount, with: 0)
        for (group, target) in zip(other.sums.indices, groups) {
            try add(other.sums[group], count: other.counts[group], to: target)
        }
    }

    private func outOfRange() -> ComputeError {
        ComputeError(.numericValueOutOfRange, "the \(call.function.rawValue) does not fit \(call.resultType)")
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        guard case .decimal(let precision, let resultScale) = call.resultType,
            case .decimal(_, let inputScale)? = call.argument?.dataType
        else { throw ComputeError(.unsupported, "decimal accumulator without decimal types") }
        var limit: Int128 = 1
        for _ in 0..<precision { limit *= 10 }
        var results: [Int128?] = []
        for group in 0..<groupCount {
            guard group < counts.count, counts[group] > 0 else {
                results.append(nil)
                continue
            }
            var value = sums[group]
            if call.function == .avg {
                value = try scaledQuotient(value, by: Int128(counts[group]), shift: resultScale - inputScale)
            }
            guard value > -limit, value < limit else { throw outOfRange() }
            results.append(value)
        }
        return Decimal128Array(results, dataType: call.resultType)
    }

    /// `value * 10^shift / divisor`, rounded HALF_UP (away from zero on a tie).
    private func scaledQuotient(_ value: Int128, by divisor: Int128, shift: Int) throws -> Int128 {
        var scaled = value
        for _ in 0..<max(0, shift) {
            let (product, overflow) = scaled.multipliedReportingOverflow(by: 10)
            if overflow { throw outOfRange() }
            scaled = product
        }
        let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
        let twice = remainder.magnitude * 2
        guard twice >= divisor.magnitude else { return quotient }
        return scaled < 0 ? quotient - 1 : quotient + 1
    }
}
