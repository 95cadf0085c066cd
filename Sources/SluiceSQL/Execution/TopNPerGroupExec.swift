import SluiceCompute
import SluiceCore

/// `row_number() OVER (PARTITION BY k ORDER BY o) AS rn` under a filter `rn <= limit` (or `rn = n`):
/// the best `limit` rows of each partition, found in one pass without sorting. Partitions are numbered
/// by a `GroupTable`; each keeps its best rows so far, best first, and a row enters only when it
/// beats the worst of them (ties keep the earlier row). The kept rows are taken once at the end, with
/// their row number. The filter above still runs, so `rn = 3` keeps only the third rows.
struct TopNPerGroupExec: PhysicalOperator {
    /// Above this limit the per-partition slots cost more than a sort.
    static let maximumLimit = 1000

    let input: any PhysicalOperator
    let function: NamedWindowFunction
    let limit: Int
    let schema: Schema

    init(input: any PhysicalOperator, function: NamedWindowFunction, limit: Int) {
        self.input = input
        self.function = function
        self.limit = limit
        schema = Schema(input.schema.fields + [Field(function.name, function.call.resultType)])
    }

    var inputs: [any PhysicalOperator] { [input] }

    var label: String { "TopNPerGroup \(limit) \(function)" }

    func open() async throws -> any BatchStream {
        let window = function.call.window
        var source = try await input.open()
        var batches: [RecordBatch] = []
        var table = GroupTable()
        var groupOfRow: [Int] = []
        var orderChunks: [[any ColumnArray]] = []
        while let batch = try await source.next() {
            guard batch.numRows > 0 else { continue }
            let keys = try window.partitionBy.map { try ExpressionEvaluator.array($0, batch) }
            groupOfRow += keys.isEmpty ? Array(repeating: 0, count: batch.numRows) : try table.groupNumbers(for: keys)
            orderChunks.append(try window.orderBy.map { try ExpressionEvaluator.array($0.expression, batch) })
            batches.append(batch)
            try ExecutionContext.checkMemory("TopNPerGroup")
        }
        guard !batches.isEmpty else { return SlicedBatchStream(nil) }
        let orderColumns = try window.orderBy.indices.map { key in
            orderChunks.count == 1 ? orderChunks[0][key] : try concatenate(orderChunks.map { $0[key] })
        }
        orderChunks = []
        let ordering = try RowOrdering(
            zip(orderColumns, window.orderBy).map { SortKey($0, ascending: $1.ascending, nullsFirst: $1.nullsFirst) })
        let winners = best(groupOfRow: groupOfRow, groupCount: window.partitionBy.isEmpty ? 1 : table.count) {
            ordering.less($0, $1)
        }
        return SlicedBatchStream(try output(batches, winners))
    }

    /// Each kept row with its row number, in row order. `less` orders rows (ties by position).
    private func best(groupOfRow: [Int], groupCount: Int, less: (Int, Int) -> Bool) -> [(row: Int, rank: Int32)] {
        // Group g keeps at most min(limit, its rows) rows, best first, in
        // slots[bases[g] ..< bases[g] + counts[g]]: the slots never outnumber the input rows.
        var capacities = [Int](repeating: 0, count: groupCount)
        for group in groupOfRow where capacities[group] < limit { capacities[group] += 1 }
        var bases = [Int](repeating: 0, count: groupCount)
        var total = 0
        for group in 0..<groupCount {
            bases[group] = total
            total += capacities[group]
        }
        var slots = [Int](repeating: 0, count: total)
        var counts = [Int](repeating: 0, count: groupCount)
        for (row, group) in groupOfRow.enumerated() {
            let base = bases[group]
            let capacity = capacities[group]
            var count = counts[group]
            if count == capacity {
                guard less(row, slots[base + capacity - 1]) else { continue }
                count -= 1
            }
            var slot = base + count
            while slot > base, less(row, slots[slot - 1]) {
                slots[slot] = slots[slot - 1]
                slot -= 1
            }
            slots[slot] = row
            counts[group] = count + 1
        }
        var winners: [(row: Int, rank: Int32)] = []
        for group in 0..<groupCount {
            for rank in 0..<counts[group] { winners.append((slots[bases[group] + rank], Int32(rank + 1))) }
        }
        winners.sort { $0.row < $1.row }
        return winners
    }

    /// The winners taken from their batches, with the row number column.
    private func output(_ batches: [RecordBatch], _ winners: [(row: Int, rank: Int32)]) throws -> RecordBatch {
        var pieces: [RecordBatch] = []
        var next = 0
        var offset = 0
        for batch in batches {
            let end = offset + batch.numRows
            var rows: [Int] = []
            var ranks: [Int32] = []
            while next < winners.count, winners[next].row < end {
                rows.append(winners[next].row - offset)
                ranks.append(winners[next].rank)
                next += 1
            }
            if !rows.isEmpty {
                let taken = try batch.take(rows)
                pieces.append(try RecordBatch(schema: schema, columns: taken.columns + [Int32Array(ranks)]))
            }
            offset = end
        }
        return pieces.count == 1 ? pieces[0] : try RecordBatch.concatenate(pieces)
    }
}

extension TopNPerGroupExec {
    /// The operator for `filter` over a window with only row_number, when the filter bounds the row
    /// number by a small constant: `.filter(window)` or `.filter(project(window))` (a subquery's select
    /// list between them). Nil for any other plan.
    static func plan(_ logical: LogicalPlan, planning: (LogicalPlan) -> any PhysicalOperator)
        -> (any PhysicalOperator)?
    {
        guard case .filter(let child, let predicate) = logical else { return nil }
        let window: LogicalPlan
        var items: [NamedExpression]?
        switch child {
        case .window: window = child
        case .project(let inner, let projected):
            window = inner
            items = projected
        default: return nil
        }
        guard case .window(let input, let functions) = window, functions.count == 1,
            case .rowNumber = functions[0].call.function
        else { return nil }
        let numberColumn = input.schema.fields.count
        // The row number's columns as the filter sees them.
        let columns =
            items.map { items in
                Set(
                    items.indices.filter {
                        if case .column(numberColumn, _, _) = items[$0].expression { return true }
                        return false
                    })
            } ?? [numberColumn]
        guard let limit = predicate.conjuncts.compactMap({ bound(of: $0, columns: columns) }).min(),
            (1...maximumLimit).contains(limit)
        else { return nil }
        let topN = TopNPerGroupExec(input: planning(input), function: functions[0], limit: limit)
        let filtered = items.map { ProjectExec(input: topN, items: $0) as any PhysicalOperator } ?? topN
        return FilterExec(input: filtered, predicate: predicate)
    }

    /// The largest row number `conjunct` lets through when it is `rn = n`, `rn <= n` or `rn < n`
    /// (either way round).
    private static func bound(of conjunct: BoundExpression, columns: Set<Int>) -> Int? {
        guard case .comparison(let op, let left, let right) = conjunct else { return nil }
        func column(_ expression: BoundExpression) -> Bool {
            if case .column(let index, _, _) = expression { return columns.contains(index) }
            return false
        }
        func constant(_ expression: BoundExpression) -> Int? {
            guard case .literal(let scalar) = expression, case .integer(let value)? = scalar.payload else { return nil }
            return Int(exactly: value)
        }
        switch op {
        case .equal where column(left): return constant(right)
        case .equal where column(right): return constant(left)
        case .lessOrEqual where column(left), .greaterOrEqual where column(right):
            return constant(column(left) ? right : left)
        case .less where column(left), .greater where column(right):
            return constant(column(left) ? right : left).flatMap { $0 > Int.min ? $0 - 1 : nil }
        default: return nil
        }
    }
}
