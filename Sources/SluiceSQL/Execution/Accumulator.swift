import SluiceCompute
import SluiceCore

/// The running state of one aggregate for every group. `update` sees a batch's argument column and
/// each row's group number; `merge` folds in the state built over a later slice of the input;
/// `finish` gives one value per group, in group-number order.
protocol Accumulator: Sendable {
    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws
    /// Folds in `other` (an accumulator of the same call over input that comes after this one's):
    /// its group `g` is this one's group `groups[g]`.
    mutating func merge(_ other: any Accumulator, groups: [Int], groupCount: Int) throws
    func finish(groupCount: Int) throws -> any ColumnArray
}

/// Accumulators whose finished values can be fed back as input (min of mins, first of firsts,
/// bool_and of bool_ands) merge that way.
protocol ReaggregatingAccumulator: Accumulator {}

extension ReaggregatingAccumulator {
    mutating func merge(_ other: any Accumulator, groups: [Int], groupCount: Int) throws {
        try update(groups: groups, groupCount: groupCount, values: other.finish(groupCount: groups.count))
    }
}

extension Array {
    /// Grows per-group state to `count` entries of `value` (groups appear as batches come).
    mutating func pad(to count: Int, with value: Element) {
        if self.count < count { append(contentsOf: repeatElement(value, count: count - self.count)) }
    }

    /// The array grown to `count` entries of `value`, for a finish over groups never updated.
    func padded(to count: Int, with value: Element) -> [Element] {
        var copy = self
        copy.pad(to: count, with: value)
        return copy
    }
}

/// The other side of a merge, as the accumulator's own type.
func mergeable<T: Accumulator>(_ other: any Accumulator, as type: T.Type) throws -> T {
    guard let other = other as? T else {
        throw ComputeError(.unsupported, "cannot merge \(Swift.type(of: other)) into \(T.self)")
    }
    return other
}

/// The accumulator for an aggregate call.
enum Accumulators {
    static func make(_ call: AggregateCall) throws -> any Accumulator {
        let argumentType = call.argument?.dataType
        switch (call.function, argumentType) {
        case (.countAll, _): return CountAccumulator(countsNulls: true)
        case (.count, _): return CountAccumulator(countsNulls: false)
        case (.sum, .int64?): return IntegerSumAccumulator()
        case (.sum, .float64?): return FloatSumAccumulator(average: false)
        case (.avg, .float64?): return FloatSumAccumulator(average: true)
        case (.sum, .decimal?), (.avg, .decimal?): return DecimalSumAccumulator(call: call)
        case (.min, let type?), (.max, let type?): return extreme(type, isMin: call.function == .min)
        case (.first, let type?), (.last, let type?):
            return PickAccumulator(type: type, isLast: call.function == .last, ignoresNulls: call.ignoresNulls)
        case (.collectList, let type?): return CollectListAccumulator(elementType: type)
        case (.approxCountDistinct, _?):
            return HyperLogLogAccumulator(relativeStandardDeviation: call.relativeStandardDeviation)
        case (.boolAnd, _?), (.boolOr, _?): return BooleanAggregateAccumulator(isAnd: call.function == .boolAnd)
        default: throw ComputeError(.unsupported, "no accumulator for \(call)")
        }
    }
}

struct CountAccumulator: Accumulator {
    let countsNulls: Bool
    var counts: [Int64] = []

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        counts.pad(to: groupCount, with: 0)
        for (row, group) in groups.enumerated() where countsNulls || values?.isValid(row) == true {
            counts[group] += 1
        }
    }

    mutating func merge(_ other: any Accumulator, groups: [Int], groupCount: Int) throws {
        let other = try mergeable(other, as: Self.self)
        counts.pad(to: groupCount, with: 0)
        for (group, target) in zip(other.counts.indices, groups) { counts[target] += other.counts[group] }
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        Int64Array(counts.padded(to: groupCount, with: 0))
    }
}

/// sum of bigints: a bigint, failing on overflow as Spark does under ANSI.
struct IntegerSumAccumulator: Accumulator {
    var sums: [Int64?] = []

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        sums.pad(to: groupCount, with: nil)
        guard let values = values as? Int64Array else { throw ComputeError(.unsupported, "sum expects bigint input") }
        for (row, group) in groups.enumerated() where values.isValid(row) {
            try add(values.value(at: row), to: group)
        }
    }

    private mutating func add(_ value: Int64, to group: Int) throws {
        let (sum, overflow) = (sums[group] ?? 0).addingReportingOverflow(value)
        if overflow {
            throw ComputeError(.arithmeticOverflow, "long overflow in sum. Use 'try_sum' to tolerate overflow.")
        }
        sums[group] = sum
    }

    mutating func merge(_ other: any Accumulator, groups: [Int], groupCount: Int) throws {
        let other = try mergeable(other, as: Self.self)
        sums.pad(to: groupCount, with: nil)
        for (group, target) in zip(other.sums.indices, groups) {
            if let sum = other.sums[group] { try add(sum, to: target) }
        }
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        Int64Array(sums.padded(to: groupCount, with: nil))
    }
}

/// sum (a double) or avg (sum / count) of doubles; null for a group without values.
struct FloatSumAccumulator: Accumulator {
    let average: Bool
    var sums: [Double] = []
    var counts: [Int] = []

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        sums.pad(to: groupCount, with: 0)
        counts.pad(to: groupCount, with: 0)
        guard let values = values as? Float64Array else { throw ComputeError(.unsupported, "expected double input") }
        for (row, group) in groups.enumerated() where values.isValid(row) {
            sums[group] += values.value(at: row)
            counts[group] += 1
        }
    }

    mutating func merge(_ other: any Accumulator, groups: [Int], groupCount: Int) throws {
        let other = try mergeable(other, as: Self.self)
        sums.pad(to: groupCount, with: 0)
        counts.pad(to: groupCount, with: 0)
        for (group, target) in zip(other.sums.indices, groups) {
            sums[target] += other.sums[group]
            counts[target] += other.counts[group]
        }
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        Float64Array(
            (0..<groupCount).map { group in
                guard group < counts.count, counts[group] > 0 else { return nil }
                return average ? sums[group] / Double(counts[group]) : sums[group]
            })
    }
}
