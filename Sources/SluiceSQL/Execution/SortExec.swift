import SluiceCompute
import SluiceCore

/// ORDER BY: the whole input in key order. With a limit it is a top-N that keeps only the best
/// `limit` rows seen so far, so its memory stays bounded by the limit.
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
        var source = try await input.open()
        var kept: RecordBatch?
        var pending: [RecordBatch] = []
        while let batch = try await source.next() {
            guard batch.numRows > 0 else { continue }
            if let limit {
                kept = try topN(kept.map { [$0, batch] } ?? [batch], limit: limit)
            } else {
                pending.append(batch)
            }
        }
        if limit == nil, !pending.isEmpty {
            let all = try RecordBatch.concatenate(pending)
            kept = try all.take(sortIndices(sortKeys(all)))
        }
        return SlicedBatchStream(kept)
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
