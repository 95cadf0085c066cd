import SluiceCompute
import SluiceCore

/// A GROUP BY's state over part of the input: the groups seen (numbered in a `GroupTable`) and an
/// accumulator per aggregate. Slices of the input aggregate on their own tasks and are merged in
/// input order, so group order (first appearance) and first/last/collect_list come out as in one pass.
struct GroupedAggregation: Sendable {
    let groups: [NamedExpression]
    let aggregates: [NamedAggregate]
    private var table = GroupTable()
    private var accumulators: [any Accumulator]
    /// The (group, value) pairs seen by each DISTINCT aggregate (nil for the others).
    private var distinct: [DistinctRows?]

    init(groups: [NamedExpression], aggregates: [NamedAggregate]) throws {
        self.groups = groups
        self.aggregates = aggregates
        accumulators = try aggregates.map { try Accumulators.make($0.call) }
        distinct = aggregates.map { $0.call.isDistinct ? DistinctRows() : nil }
    }

    /// Without group keys there is exactly one group, even before any row.
    var groupCount: Int { groups.isEmpty ? 1 : table.count }

    /// Whether slices can be aggregated apart and merged: not with DISTINCT aggregates, whose
    /// values seen would have to be merged too.
    static func canMerge(_ aggregates: [NamedAggregate]) -> Bool {
        !aggregates.contains { $0.call.isDistinct }
    }

    mutating func add(_ batch: RecordBatch) throws {
        guard batch.numRows > 0 else { return }
        let numbers: [Int]
        if groups.isEmpty {
            numbers = [Int](repeating: 0, count: batch.numRows)
        } else {
            numbers = try table.groupNumbers(
                for: groups.map { try ExpressionEvaluator.encodedArray($0.expression, batch) })
        }
        for index in aggregates.indices {
            var values = try aggregates[index].call.argument.map { try ExpressionEvaluator.array($0, batch) }
            var rowsGroups = numbers
            if let column = values, distinct[index] != nil {
                let rows = try distinct[index]?.firstOccurrences(groups: numbers, values: column) ?? []
                values = try take(column, rows)
                rowsGroups = rows.map { numbers[$0] }
            }
            try accumulators[index].update(groups: rowsGroups, groupCount: groupCount, values: values)
        }
    }

    /// Folds in the aggregation of the input that follows this one's.
    mutating func merge(_ other: GroupedAggregation) throws {
        let mapping = groups.isEmpty ? [0] : try table.groupNumbers(for: other.table.keyColumns())
        for index in accumulators.indices {
            try accumulators[index].merge(other.accumulators[index], groups: mapping, groupCount: groupCount)
        }
    }

    /// One row per group: the group columns, then one column per aggregate.
    func finish(schema: Schema) throws -> RecordBatch {
        let keys = try table.keyColumns()
        let keyColumns =
            keys.isEmpty && !groups.isEmpty
            ? try groups.map { try Scalar.null($0.field.dataType).makeArray(count: 0) } : keys
        let columns = keyColumns + (try accumulators.map { try $0.finish(groupCount: groupCount) })
        return try RecordBatch(schema: schema, columns: columns, numRows: groupCount)
    }
}
