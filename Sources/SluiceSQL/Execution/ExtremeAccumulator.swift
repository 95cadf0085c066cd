import SluiceCompute
import SluiceCore

/// min or max of any orderable type, by Spark's ordering (`RowOrdering`): the current extremes and the
/// batch's values are put side by side, and each group keeps the index of its best value.
struct ExtremeAccumulator: ReaggregatingAccumulator {
    let type: DataType
    let isMin: Bool
    /// One value per group so far (null until the group sees a non-null value).
    var extremes: (any ColumnArray)?

    init(type: DataType, isMin: Bool) {
        self.type = type
        self.isMin = isMin
    }

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        guard let values else { throw ComputeError(.unsupported, "min and max need an argument") }
        let current = try grown(to: groupCount)
        let combined = try concatenate([current, values])
        let ordering = try RowOrdering([SortKey(combined, ascending: true, nullsFirst: true)])
        var best = Array(0..<groupCount)
        for (row, group) in groups.enumerated() where values.isValid(row) {
            let candidate = groupCount + row
            let incumbent = best[group]
            if combined.isNull(incumbent)
                || (isMin ? ordering.less(candidate, incumbent) : ordering.less(incumbent, candidate))
            {
                best[group] = candidate
            }
        }
        extremes = try take(combined, best)
    }

    private func grown(to groupCount: Int) throws -> any ColumnArray {
        let current = try extremes ?? Scalar.null(type).makeArray(count: 0)
        guard current.count < groupCount else { return current }
        return try concatenate([current, try Scalar.null(type).makeArray(count: groupCount - current.count)])
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        try grown(to: groupCount)
    }
}
