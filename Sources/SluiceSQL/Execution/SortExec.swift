import SluiceCompute
import SluiceCore

/// ORDER BY: the whole input in key order. With a limit it is a top-N that keeps only the best
/// `limit` rows seen so far, so its memory stays bounded by the limit; a top-N over a scan that can
/// be cut into slices takes each slice's best rows on a task of its own, then the best of those.
/// A top-N over a parquet scan first narrows the scan by statistics (`narrowedInput`).
struct SortExec: PhysicalOperator {
    let input: any PhysicalOperator
    let keys: [SortExpression]
    let limit: Int?

    var schema: Schema { input.schema }
    var inputs: [any PhysicalOperator] { [input] }

    var label: String {
        let order = keys.map(\.description).joined(separator: ", ")
        return limit.map { "TopN \($0) by \(order)" } ?? "Sort \(order)"
    }

    func open() async throws -> any BatchStream {
        let input = try await narrowedInput()
        let threads = ExecutionContext.options.threads
        if let limit, threads > 1, let slices = try await input.openSlices(threads) {
            let best = try await bestOfSlices(slices, limit: limit)
            return SlicedBatchStream(best.isEmpty ? nil : try topN(best, limit: limit))
        }
        var source = try await input.open()
        if let limit { return SlicedBatchStream(try await best(of: &source, limit: limit)) }
        var pending: [RecordBatch] = []
        while let batch = try await source.next() {
            guard batch.numRows > 0 else { continue }
            pending.append(batch)
            try ExecutionContext.checkMemory("Sort")
        }
        guard !pending.isEmpty else { return SlicedBatchStream(nil) }
        let all = try RecordBatch.concatenate(pending)
        return SlicedBatchStream(try all.take(sortIndices(sortKeys(all))))
    }

    /// The input, and for a top-N over a parquet scan (directly or through a projection) ordered
    /// first by one of the scan's columns, a scan that skips the row groups whose statistics show
    /// they cannot hold a top row.
    private func narrowedInput() async throws -> any PhysicalOperator {
        guard let limit, let first = keys.first, case .column(let index, _, _) = first.expression else { return input }
        func narrowed(_ scan: ParquetScanExec, column: Int) async throws -> ParquetScanExec? {
            try await scan.topNCutoff(
                column: scan.schema[column].name, descending: !first.ascending, nullsFirst: first.nullsFirst,
                count: limit
            ).map { scan.narrowed(by: $0) }
        }
        if let scan = input as? ParquetScanExec {
            return try await narrowed(scan, column: index) ?? input
        }
        if let project = input as? ProjectExec, let scan = project.input as? ParquetScanExec,
            index < project.items.count, case .column(let source, _, _) = project.items[index].expression,
            let narrowedScan = try await narrowed(scan, column: source)
        {
            return ProjectExec(input: narrowedScan, items: project.items)
        }
        return input
    }

    /// The best `limit` rows of a stream.
    private func best(of source: inout any BatchStream, limit: Int) async throws -> RecordBatch? {
        var kept: RecordBatch?
        while let batch = try await source.next() {
            guard batch.numRows > 0 else { continue }
            kept = try topN(kept.map { [$0, batch] } ?? [batch], limit: limit)
        }
        return kept
    }

    /// The best `limit` rows of each slice, taken on a task per slice, in slice order (so ties
    /// keep input order, as in one pass).
    private func bestOfSlices(_ slices: [BatchStreamOpener], limit: Int) async throws -> [RecordBatch] {
        try await withThrowingTaskGroup(of: (Int, RecordBatch?).self) { tasks in
            for (index, open) in slices.enumerated() {
                tasks.addTask {
                    var source = try await open()
                    return (index, try await best(of: &source, limit: limit))
                }
            }
            var kept = [RecordBatch?](repeating: nil, count: slices.count)
            for try await (index, batch) in tasks { kept[index] = batch }
            return kept.compactMap { $0 }
        }
    }

    private func topN(_ batches: [RecordBatch], limit: Int) throws -> RecordBatch {
        let combined = batches.count == 1 ? batches[0] : try RecordBatch.concatenate(batches)
        return try combined.take(topNIndices(sortKeys(combined), limit: limit))
    }

    private func sortKeys(_ batch: RecordBatch) throws -> [SortKey] {
        try keys.map {
            SortKey(
                try ExpressionEvaluator.array($0.expression, batch), ascending: $0.ascending, nullsFirst: $0.nullsFirst)
        }
    }
}
