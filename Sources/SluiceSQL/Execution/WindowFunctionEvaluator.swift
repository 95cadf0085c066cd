import SluiceCompute
import SluiceCore

/// Computes one window function over a batch arranged by a `WindowLayout`: one value per row of the
/// batch, in the batch's row order.
enum WindowFunctionEvaluator {
    static func evaluate(_ call: WindowFunctionCall, layout: WindowLayout, batch: RecordBatch) throws
        -> any ColumnArray
    {
        switch call.function {
        case .rowNumber, .rank, .denseRank, .ntile:
            return Int32Array(ranks(call.function, layout: layout, rows: batch.numRows))
        case .percentRank, .cumeDist:
            return Float64Array(fractions(call.function, layout: layout, rows: batch.numRows))
        case .lag(let offset):
            return try shifted(call, by: offset == Int.min ? Int.max : -offset, layout: layout, batch: batch)
        case .lead(let offset):
            return try shifted(call, by: offset, layout: layout, batch: batch)
        case .firstValue, .lastValue:
            return try firstOrLast(call, layout: layout, batch: batch)
        case .aggregate(let aggregate):
            return try WindowAggregation.evaluate(aggregate, frame: call.window.frame, layout: layout, batch: batch)
        }
    }

    /// row_number, rank, dense_rank and ntile, from positions and peer groups.
    private static func ranks(_ function: WindowFunctionCall.Function, layout: WindowLayout, rows: Int) -> [Int32] {
        var values = [Int32](repeating: 0, count: rows)
        for partition in layout.partitions {
            let start = partition.lowerBound
            var dense = 0
            for position in partition {
                if layout.peerStarts[position] == position { dense += 1 }
                let value: Int
                switch function {
                case .rowNumber: value = position - start + 1
                case .rank: value = layout.peerStarts[position] - start + 1
                case .denseRank: value = dense
                case .ntile(let buckets):
                    // The first `size % buckets` buckets hold one row more than the others.
                    let small = partition.count / buckets
                    let large = small + 1
                    let largeRows = (partition.count % buckets) * large
                    let index = position - start
                    value =
                        index < largeRows
                        ? index / large + 1 : partition.count % buckets + (index - largeRows) / small + 1
                default: value = 0
                }
                values[layout.order[position]] = Int32(truncatingIfNeeded: value)
            }
        }
        return values
    }

    /// percent_rank `(rank - 1) / (rows - 1)` (0 for a single row) and cume_dist `rows up to the last
    /// peer / rows`.
    private static func fractions(_ function: WindowFunctionCall.Function, layout: WindowLayout, rows: Int)
        -> [Double]
    {
        var values = [Double](repeating: 0, count: rows)
        for partition in layout.partitions {
            let size = Double(partition.count)
            for position in partition {
                let value: Double
                if case .cumeDist = function {
                    value = Double(layout.peerEnds[position] - partition.lowerBound) / size
                } else {
                    value = size > 1 ? Double(layout.peerStarts[position] - partition.lowerBound) / (size - 1) : 0
                }
                values[layout.order[position]] = value
            }
        }
        return values
    }

    /// lag (negative `shift`) and lead: the value `shift` positions away in the partition, or the
    /// default of the current row. With IGNORE NULLS the offset counts non-null values only.
    private static func shifted(_ call: WindowFunctionCall, by shift: Int, layout: WindowLayout, batch: RecordBatch)
        throws -> any ColumnArray
    {
        guard let argument = call.argument else { throw ComputeError(.unsupported, "\(call) has no argument") }
        let rows = batch.numRows
        let values = try ExpressionEvaluator.array(argument, batch)
        let defaults =
            try call.defaultValue.map { try ExpressionEvaluator.array($0, batch) }
            ?? Scalar.null(call.resultType).makeArray(count: rows)
        // Indices into values followed by defaults. An offset past every partition reads the
        // default; clamped, it cannot overflow.
        let shift = max(-(rows + 1), min(rows + 1, shift))
        var indices = [Int](repeating: 0, count: rows)
        let order = layout.order
        for partition in layout.partitions {
            if !call.ignoresNulls || shift == 0 {
                for position in partition {
                    let source = position + shift
                    indices[order[position]] = partition.contains(source) ? order[source] : rows + order[position]
                }
                continue
            }
            let valid = partition.filter { values.isValid(order[$0]) }
            var before = 0  // valid positions before the current one
            for position in partition {
                let isValid = values.isValid(order[position])
                // lag counts back from the values before the row, lead forward from those after it.
                let target = shift < 0 ? before + shift : before + (isValid ? 1 : 0) + shift - 1
                indices[order[position]] =
                    valid.indices.contains(target) ? order[valid[target]] : rows + order[position]
                if isValid { before += 1 }
            }
        }
        return try take(concatenate([values, defaults]), indices)
    }

    /// first_value and last_value of the frame (its first or last non-null value with IGNORE NULLS).
    private static func firstOrLast(_ call: WindowFunctionCall, layout: WindowLayout, batch: RecordBatch) throws
        -> any ColumnArray
    {
        guard let argument = call.argument else { throw ComputeError(.unsupported, "\(call) has no argument") }
        let rows = batch.numRows
        let values = try ExpressionEvaluator.array(argument, batch)
        let isFirst = if case .firstValue = call.function { true } else { false }
        let order = layout.order
        var indices = [Int](repeating: rows, count: rows)
        for partition in layout.partitions {
            // The nearest position at or after (first) or at or before (last) with a usable value.
            var nearest = [Int](repeating: 0, count: partition.count)
            let start = partition.lowerBound
            if isFirst {
                var next = partition.upperBound
                for position in partition.reversed() {
                    if !call.ignoresNulls || values.isValid(order[position]) { next = position }
                    nearest[position - start] = next
                }
            } else {
                var previous = start - 1
                for position in partition {
                    if !call.ignoresNulls || values.isValid(order[position]) { previous = position }
                    nearest[position - start] = previous
                }
            }
            for position in partition {
                let frame = layout.frame(call.window.frame, at: position, in: partition)
                guard !frame.isEmpty else { continue }
                let found = isFirst ? nearest[frame.lowerBound - start] : nearest[frame.upperBound - 1 - start]
                if frame.contains(found) { indices[order[position]] = order[found] }
            }
        }
        return try take(concatenate([values, Scalar.null(call.resultType).makeArray(count: 1)]), indices)
    }
}
