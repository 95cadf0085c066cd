import Foundation
import SluiceCompute
import SluiceCore

/// min or max of a fixed-width type (integers, dates, timestamps, floats with Spark's NaN order,
/// decimals of one scale): one value per group in a plain array, compared in place, so a batch costs
/// a pass over its rows whatever the number of groups.
struct PrimitiveExtremeAccumulator<T: SparkOrdered>: ReaggregatingAccumulator {
    let type: DataType
    let isMin: Bool
    private var extremes: [T?] = []

    init(type: DataType, isMin: Bool) {
        self.type = type
        self.isMin = isMin
    }

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        guard let values = values as? PrimitiveArray<T> else {
            throw ComputeError(.unsupported, "min and max expected \(type) input")
        }
        extremes.pad(to: groupCount, with: nil)
        values.withUnsafeValues { stored in
            for (row, group) in groups.enumerated() where values.isValid(row) {
                let value = stored[row]
                guard let current = extremes[group] else {
                    extremes[group] = value
                    continue
                }
                if isMin ? T.sparkLess(value, current) : T.sparkLess(current, value) { extremes[group] = value }
            }
        }
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        PrimitiveArray<T>(extremes.padded(to: groupCount, with: nil), dataType: type)
    }
}

/// min or max of strings in Spark's order (unsigned bytes of the UTF-8). Within a batch each group's
/// best row is found by comparing the batch's bytes in place; only that row is then compared with,
/// and copied over, the group's best value so far. A column that keeps rising (keys, timestamps as
/// text) thus costs one copy per group and batch, not one per row.
struct StringExtremeAccumulator: ReaggregatingAccumulator {
    let isMin: Bool
    private var extremes: [[UInt8]] = []
    private var present: [Bool] = []
    /// The best row of the current batch per group (-1 for none); reset after each batch.
    private var batchBest: [Int] = []

    init(isMin: Bool) {
        self.isMin = isMin
    }

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        guard let values = values as? StringArray else {
            throw ComputeError(.unsupported, "min and max expected string input")
        }
        extremes.pad(to: groupCount, with: [])
        present.pad(to: groupCount, with: false)
        batchBest.pad(to: groupCount, with: -1)
        var touched: [Int] = []
        values.withUnsafeOffsetsAndData { offsets, data in
            func bytes(_ row: Int) -> UnsafeRawBufferPointer {
                let start = Int(offsets[row])
                return UnsafeRawBufferPointer(rebasing: data[start..<Int(offsets[row + 1])])
            }
            for (row, group) in groups.enumerated() where values.isValid(row) {
                let best = batchBest[group]
                if best < 0 {
                    touched.append(group)
                } else {
                    let order = Self.compare(bytes(row), bytes(best))
                    guard isMin ? order < 0 : order > 0 else { continue }
                }
                batchBest[group] = row
            }
            for group in touched {
                let candidate = bytes(batchBest[group])
                batchBest[group] = -1
                if present[group] {
                    let order = extremes[group].withUnsafeBytes { Self.compare(candidate, $0) }
                    guard isMin ? order < 0 : order > 0 else { continue }
                    extremes[group].removeAll(keepingCapacity: true)
                }
                extremes[group].append(contentsOf: candidate)
                present[group] = true
            }
        }
    }

    /// Negative, zero or positive as `left` sorts before, with or after `right` (unsigned bytes).
    private static func compare(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Int {
        let common = min(left.count, right.count)
        if common > 0, let a = left.baseAddress, let b = right.baseAddress {
            let order = memcmp(a, b, common)
            if order != 0 { return Int(order) }
        }
        return left.count - right.count
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        let builder = StringBuilder(capacity: groupCount)
        for group in 0..<groupCount {
            guard group < present.count, present[group] else {
                builder.appendNull()
                continue
            }
            extremes[group].withUnsafeBytes { builder.append(bytes: $0) }
        }
        return builder.finish()
    }
}

extension Accumulators {
    /// The fastest min/max accumulator for `type`.
    static func extreme(_ type: DataType, isMin: Bool) -> any Accumulator {
        switch type {
        case .int8: return PrimitiveExtremeAccumulator<Int8>(type: type, isMin: isMin)
        case .int16: return PrimitiveExtremeAccumulator<Int16>(type: type, isMin: isMin)
        case .int32, .date32: return PrimitiveExtremeAccumulator<Int32>(type: type, isMin: isMin)
        case .int64, .timestamp: return PrimitiveExtremeAccumulator<Int64>(type: type, isMin: isMin)
        case .float32: return PrimitiveExtremeAccumulator<Float>(type: type, isMin: isMin)
        case .float64: return PrimitiveExtremeAccumulator<Double>(type: type, isMin: isMin)
        case .decimal: return PrimitiveExtremeAccumulator<Int128>(type: type, isMin: isMin)
        case .string: return StringExtremeAccumulator(isMin: isMin)
        default: return ExtremeAccumulator(type: type, isMin: isMin)
        }
    }
}
