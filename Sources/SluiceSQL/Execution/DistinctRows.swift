import SluiceCompute
import SluiceCore

/// For `count(DISTINCT x)` and the other DISTINCT aggregates: passes each non-null value once per
/// group, remembering the (group, value) pairs seen so far.
struct DistinctRows {
    private struct Key: Hashable {
        var group: Int
        var value: Scalar
    }

    private var seen: Set<Key> = []

    /// The rows of `values` whose (group, value) pair is new.
    mutating func firstOccurrences(groups: [Int], values: any ColumnArray) throws -> [Int] {
        var rows: [Int] = []
        for (row, group) in groups.enumerated() where values.isValid(row) {
            if seen.insert(Key(group: group, value: try Scalar(values, at: row))).inserted { rows.append(row) }
        }
        return rows
    }
}
