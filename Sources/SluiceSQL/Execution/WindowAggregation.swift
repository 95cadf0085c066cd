import SluiceCompute
import SluiceCore

/// Aggregates over window frames. A frame that is the whole partition runs the GROUP BY
/// accumulators with one group per partition. A frame open at one end (the default running frame,
/// or one to UNBOUNDED FOLLOWING) grows row by row, so count, sum, avg of doubles, min and max keep a
/// running state, and the other aggregates feed one accumulator row by row and read it at each row
/// (in input order only, for those that depend on it). Any other frame is one accumulator group per
/// row, fed the rows of its frame (the work grows with the frames' total size).
enum WindowAggregation {
    static func evaluate(
        _ call: AggregateCall, frame: BoundWindowFrame, layout: WindowLayout, batch: RecordBatch
    ) throws -> any ColumnArray {
        let rows = batch.numRows
        let values = try call.argument.map { try ExpressionEvaluator.array($0, batch) }
        var accumulator = try Accumulators.make(call)
        let order = layout.order
        if frame.start == .unboundedPreceding, frame.end == .unboundedFollowing {
            var partitionOfRow = [Int](repeating: 0, count: rows)
            for (number, partition) in layout.partitions.enumerated() {
                for position in partition { partitionOfRow[order[position]] = number }
            }
            let groupCount = layout.partitions.count
            try accumulator.update(groups: partitionOfRow, groupCount: groupCount, values: values)
            return try take(try accumulator.finish(groupCount: groupCount), partitionOfRow)
        }
        if frame.start == .unboundedPreceding || frame.end == .unboundedFollowing,
            let running = try running(call, values: values, frame: frame, layout: layout, rows: rows)
        {
            return running
        }
        var groups: [Int] = []
        var sources: [Int] = []
        for partition in layout.partitions {
            for position in partition {
                let rows = layout.frame(frame, at: position, in: partition)
                groups += repeatElement(order[position], count: rows.count)
                sources += rows.map { order[$0] }
            }
        }
        try accumulator.update(groups: groups, groupCount: rows, values: try values.map { try take($0, sources) })
        return try accumulator.finish(groupCount: rows)
    }

    /// count, sum and avg of bigints and doubles, min and max over a frame open at one end; nil for
    /// other aggregates.
    private static func running(
        _ call: AggregateCall, values: (any ColumnArray)?, frame: BoundWindowFrame, layout: WindowLayout, rows: Int
    ) throws -> (any ColumnArray)? {
        switch (call.function, values) {
        case (.countAll, _), (.count, _):
            var counts = [Int64](repeating: 0, count: rows)
            var count: Int64 = 0
            try walk(
                frame, layout, reset: { count = 0 },
                add: { row in
                    if call.function == .countAll || values?.isValid(row) == true { count += 1 }
                },
                emit: {
                    counts[$0] = count
                })
            return Int64Array(counts)
        case (.sum, let integers as Int64Array):
            var sums = [Int64?](repeating: nil, count: rows)
            var sum: Int64?
            try walk(
                frame, layout, reset: { sum = nil },
                add: { row in
                    guard integers.isValid(row) else { return }
                    let (total, overflow) = (sum ?? 0).addingReportingOverflow(integers.value(at: row))
                    if overflow {
                        throw ComputeError(
                            .arithmeticOverflow, "long overflow in sum. Use 'try_sum' to tolerate overflow.")
                    }
                    sum = total
                },
                emit: {
                    sums[$0] = sum
                })
            return Int64Array(sums)
        case (.sum, let doubles as Float64Array), (.avg, let doubles as Float64Array):
            var results = [Double?](repeating: nil, count: rows)
            var sum = 0.0
            var count = 0
            try walk(
                frame, layout, reset: { (sum, count) = (0, 0) },
                add: { row in
                    guard doubles.isValid(row) else { return }
                    sum += doubles.value(at: row)
                    count += 1
                },
                emit: { row in
                    results[row] = count == 0 ? nil : (call.function == .avg ? sum / Double(count) : sum)
                })
            return Float64Array(results)
        case (.min, let column?), (.max, let column?):
            let ordering = try RowOrdering([SortKey(column)])
            var best = [Int](repeating: rows, count: rows)
            var current = rows
            try walk(
                frame, layout, reset: { current = rows },
                add: { row in
                    guard column.isValid(row) else { return }
                    if current == rows
                        || (call.function == .min ? ordering.less(row, current) : ordering.less(current, row))
                    {
                        current = row
                    }
                },
                emit: {
                    best[$0] = current
                })
            return try take(concatenate([column, Scalar.null(call.resultType).makeArray(count: 1)]), best)
        default:
            let dependsOnOrder = [.first, .last, .collectList].contains(call.function)
            guard frame.start == .unboundedPreceding || !dependsOnOrder else { return nil }
            return try incremental(call, values: values, frame: frame, layout: layout, rows: rows)
        }
    }

    /// Any aggregate over a frame open at one end: one accumulator per partition, fed row by row as
    /// the frame grows and finished at each row.
    private static func incremental(
        _ call: AggregateCall, values: (any ColumnArray)?, frame: BoundWindowFrame, layout: WindowLayout, rows: Int
    ) throws -> any ColumnArray {
        var accumulator = try Accumulators.make(call)
        var results: [any ColumnArray] = []
        var resultOfRow = [Int](repeating: 0, count: rows)
        try walk(
            frame, layout, reset: { accumulator = try Accumulators.make(call) },
            add: { row in
                try accumulator.update(groups: [0], groupCount: 1, values: values?.slice(row..<(row + 1)))
            },
            emit: { row in
                resultOfRow[row] = results.count
                results.append(try accumulator.finish(groupCount: 1))
            })
        guard !results.isEmpty else { return try Scalar.null(call.resultType).makeArray(count: rows) }
        return try take(concatenate(results), resultOfRow)
    }

    /// Visits each row's frame, adding rows to a running state as the frame grows: forwards when it
    /// starts at the partition's first row, backwards when it ends at the last. `add` and `emit`
    /// take rows of the batch.
    private static func walk(
        _ frame: BoundWindowFrame, _ layout: WindowLayout, reset: () throws -> Void, add: (Int) throws -> Void,
        emit: (Int) throws -> Void
    ) throws {
        let order = layout.order
        let forwards = frame.start == .unboundedPreceding
        for partition in layout.partitions {
            try reset()
            var added = forwards ? partition.lowerBound : partition.upperBound
            for position in forwards ? Array(partition) : partition.reversed() {
                let rows = layout.frame(frame, at: position, in: partition)
                if forwards {
                    while added < rows.upperBound {
                        try add(order[added])
                        added += 1
                    }
                } else {
                    while added > rows.lowerBound {
                        added -= 1
                        try add(order[added])
                    }
                }
                try emit(order[position])
            }
        }
    }
}
