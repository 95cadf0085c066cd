import SluiceCompute
import SluiceCore

/// bool_and (every) and bool_or (some, any): null for a group without non-null values.
struct BooleanAggregateAccumulator: ReaggregatingAccumulator {
    let isAnd: Bool
    private var results: [Bool?] = []

    init(isAnd: Bool) {
        self.isAnd = isAnd
    }

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        guard let values = values as? BooleanArray else {
            throw ComputeError(.unsupported, "bool_and and bool_or need a boolean argument")
        }
        results.pad(to: groupCount, with: nil)
        for (row, group) in groups.enumerated() where values.isValid(row) {
            let value = values.value(at: row)
            results[group] = isAnd ? (results[group] ?? true) && value : (results[group] ?? false) || value
        }
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        BooleanArray(results.padded(to: groupCount, with: nil))
    }
}
