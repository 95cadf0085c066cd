import SluiceCompute
import SluiceCore

/// GROUP BY: reads the whole input into a `GroupedAggregation` (group numbers from a hash table,
/// accumulators fed column-wise), then emits one row per group (group columns, then aggregates) in
/// order of first appearance. Without group keys there is exactly one row, even for empty input
/// (`count(*)` is 0, `sum` is null). When its input can be cut into slices (a scan under filters and
/// projections), each slice is aggregated on its own task and the results merged in order.
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
        let threads = ExecutionContext.options.threads
        if threads > 1, GroupedAggregation.canMerge(aggregates), let slices = try await input.openSlices(threads) {
            return SlicedBatchStream(try await aggregate(slices).finish(schema: schema))
        }
        var source = try await input.open()
        var aggregation = try GroupedAggregation(groups: groups, aggregates: aggregates)
        while let batch = try await source.next() {
            try aggregation.add(batch)
            try ExecutionContext.checkMemory("HashAggregate")
        }
        return SlicedBatchStream(try aggregation.finish(schema: schema))
    }

    /// Aggregates each slice on a task of its own, then merges the slices in input order.
    private func aggregate(_ slices: [BatchStreamOpener]) async throws -> GroupedAggregation {
        let (groups, aggregates) = (self.groups, self.aggregates)
        let parts = try await withThrowingTaskGroup(of: (Int, GroupedAggregation).self) { tasks in
            for (index, open) in slices.enumerated() {
                tasks.addTask {
                    var source = try await open()
                    var aggregation = try GroupedAggregation(groups: groups, aggregates: aggregates)
                    while let batch = try await source.next() {
                        try aggregation.add(batch)
                        try ExecutionContext.checkMemory("HashAggregate")
                    }
                    return (index, aggregation)
                }
            }
            var parts = [GroupedAggregation?](repeating: nil, count: slices.count)
            for try await (index, part) in tasks { parts[index] = part }
            return parts.compactMap { $0 }
        }
        guard var total = parts.first else { return try GroupedAggregation(groups: groups, aggregates: aggregates) }
        for part in parts.dropFirst() { try total.merge(part) }
        return total
    }
}
