import SluiceCompute
import SluiceCore

/// CASE evaluated lazily, as Spark does: each condition sees only the rows no earlier branch took, and
/// each value only the rows its branch took, so `CASE WHEN x <> 0 THEN 1 / x END` never divides by
/// zero. The pieces are put back in row order with one `take`.
enum CaseEvaluation {
    static func run(
        _ branches: [BoundExpression.CaseBranch], otherwise: BoundExpression?, type: DataType, batch: RecordBatch
    ) throws -> any ColumnArray {
        let rows = batch.numRows
        var remaining = Array(0..<rows)
        var pieces: [any ColumnArray] = []
        // For each row, its index in the concatenated pieces; -1 (null) when no branch took it.
        var positions = [Int](repeating: -1, count: rows)
        var offset = 0
        func place(_ value: BoundExpression, _ chosen: [Int]) throws {
            guard !chosen.isEmpty else { return }
            let subset = chosen.count == rows ? batch : try batch.take(chosen)
            pieces.append(try ExpressionEvaluator.array(value, subset))
            for (position, row) in chosen.enumerated() { positions[row] = offset + position }
            offset += chosen.count
        }
        for branch in branches where !remaining.isEmpty {
            let subset = remaining.count == rows ? batch : try batch.take(remaining)
            let condition = try ExpressionEvaluator.booleans(ExpressionEvaluator.array(branch.condition, subset))
            var chosen: [Int] = []
            var rest: [Int] = []
            for (position, row) in remaining.enumerated() {
                if condition.isValid(position), condition.value(at: position) {
                    chosen.append(row)
                } else {
                    rest.append(row)
                }
            }
            try place(branch.value, chosen)
            remaining = rest
        }
        if let otherwise { try place(otherwise, remaining) }
        guard !pieces.isEmpty else { return try Scalar.null(type).makeArray(count: rows) }
        let values = pieces.count == 1 ? pieces[0] : try concatenate(pieces)
        if positions.elementsEqual(0..<rows) { return values }
        return try take(values, positions)
    }
}
