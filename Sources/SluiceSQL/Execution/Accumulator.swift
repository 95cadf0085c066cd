import SluiceCompute
import SluiceCore

/// The running state of one aggregate for every group. `update` sees a batch's argument column and
/// each row's group number; `finish` gives one value per group, in group-number order.
protocol Accumulator {
    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws
    func finish(groupCount: Int) throws -> any ColumnArray
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
        case (.min, let type?), (.max, let type?): return ExtremeAccumulator(type: type, isMin: call.function == .min)
        default: throw ComputeError(.unsupported, "no accumulator for \(call)")
        }
    }
}

struct CountAccumulator: Accumulator {
    let countsNulls: Bool
    var counts: [Int64] = []

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        if counts.count < groupCount { counts += repeatElement(0, count: groupCount - counts.count) }
        for (row, group) in groups.enumerated() where countsNulls || values?.isValid(row) == true {
            counts[group] += 1
        }
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        Int64Array(counts + repeatElement(0, count: max(0, groupCount - counts.count)))
    }
}

/// sum of bigints: a bigint, failing on overflow as Spark does under ANSI.
struct IntegerSumAccumulator: Accumulator {
    var sums: [Int64?] = []

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        if sums.count < groupCount { sums += repeatElement(nil, count: groupCount - sums.count) }
        guard let values = values as? Int64Array else { throw ComputeError(.unsupported, "sum expects bigint input") }
        for (row, group) in groups.enumerated() where values.isValid(row) {
            let value = values.value(at: row)
            let (sum, overflow) = (sums[group] ?? 0).addingReportingOverflow(value)
            if overflow {
                throw ComputeError(.arithmeticOverflow, "long overflow in sum. Use 'try_sum' to tolerate overflow.")
            }
            sums[group] = sum
        }
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        Int64Array(sums + repeatElement(nil, count: max(0, groupCount - sums.count)))
    }
}

/// sum (a double) or avg (sum / count) of doubles; null for a group without values.
struct FloatSumAccumulator: Accumulator {
    let average: Bool
    var sums: [Double] = []
    var counts: [Int] = []

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        if sums.count < groupCount {
            sums += repeatElement(0, count: groupCount - sums.count)
            counts += repeatElement(0, count: groupCount - counts.count)
        }
        guard let values = values as? Float64Array else { throw ComputeError(.unsupported, "expected double input") }
        for (row, group) in groups.enumerated() where values.isValid(row) {
            sums[group] += values.value(at: row)
            counts[group] += 1
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
