import SluiceCompute
import SluiceCore

/// GROUP BY: reads the whole input, numbers each row's group in a `GroupTable` and feeds the
/// aggregates' accumulators column-wise, then emits one row per group (group columns, then
/// aggregates) in order of first appearance. Without group keys there is exactly one row, even for
/// empty input (`count(*)` is 0, `sum` is null).
struct HashAggregateExec: PhysicalOperator {
    let input: any PhysicalOperator
    let groups: [NamedExpression]
    let aggregates: [NamedAggregate]
    let schema: Schema

    init(input: any PhysicalOperator, groups: [NamedExpression], aggregates: [NamedAggregate]) {
        self.input = input
        self.groups = groups
        self.aggregates = aggregates
        schema = Schema(groups.map(\.field) + aggregates.map { Field($0.name, $0.call.resultType) })
    }

    var inputs: [any PhysicalOperator] { [input] }

    var label: String {
        "HashAggregate groups=[\(groups.map(\.description).joined(separator: ", "))] "
            + "aggregates=[\(aggregates.map(\.description).joined(separator: ", "))]"
    }

    func open() async throws -> any BatchStream {
        var source = try await input.open()
        var table = GroupTable()
        var accumulators = try aggregates.map { try Accumulators.make($0.call) }
        var distinct = aggregates.map { $0.call.isDistinct ? DistinctRows() : nil }
        while let batch = try await source.next() {
            guard batch.numRows > 0 else { continue }
            let numbers: [Int]
            if groups.isEmpty {
                numbers = [Int](repeating: 0, count: batch.numRows)
            } else {
                numbers = try table.groupNumbers(
                    for: groups.map { try ExpressionEvaluator.array($0.expression, batch) })
            }
            let groupCount = groups.isEmpty ? 1 : table.count
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
        let groupCount = groups.isEmpty ? 1 : table.count
        let keys = try table.keyColumns()
        let keyColumns =
            keys.isEmpty && !groups.isEmpty
            ? try groups.map { try Scalar.null($0.field.dataType).makeArray(count: 0) } : keys
        let columns = keyColumns + (try accumulators.map { try $0.finish(groupCount: groupCount) })
        return SlicedBatchStream(try RecordBatch(schema: schema, columns: columns, numRows: groupCount))
    }
}
