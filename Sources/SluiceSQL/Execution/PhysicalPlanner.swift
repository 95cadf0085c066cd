/// Chooses an operator for each logical node: a parquet scan with pruning, hash aggregation, and a
/// top-N sort for ORDER BY … LIMIT (also through the projection that drops hidden sort columns),
/// hash joins.
enum PhysicalPlanner {
    /// - Parameter underAggregate: whether only a GROUP BY consumes this node's rows, through filters,
    ///   projections and the probe sides of joins. Those operators handle dictionary-encoded columns,
    ///   so joins there dictionary-encode their build side's strings; elsewhere a join's output may
    ///   reach code that expects plain arrays.
    static func plan(_ logical: LogicalPlan, underAggregate: Bool = false) -> any PhysicalOperator {
        if let topN = TopNPerGroupExec.plan(logical, planning: { plan($0) }) { return topN }
        switch logical {
        case .scan(let scan):
            return ParquetScanExec(scan)
        case .singleRow:
            return SingleRowExec()
        case .filter(let input, let predicate):
            return FilterExec(input: plan(input, underAggregate: underAggregate), predicate: predicate)
        case .project(let input, let items):
            return ProjectExec(input: plan(input, underAggregate: underAggregate), items: items)
        case .aggregate(let input, let groups, let aggregates):
            return HashAggregateExec(input: plan(input, underAggregate: true), groups: groups, aggregates: aggregates)
        case .sort(let input, let keys):
            return SortExec(input: plan(input), keys: keys, limit: nil)
        case .limit(.sort(let input, let keys), let count):
            return SortExec(input: plan(input), keys: keys, limit: count)
        case .limit(.project(.sort(let input, let keys), let items), let count):
            return ProjectExec(input: SortExec(input: plan(input), keys: keys, limit: count), items: items)
        case .limit(let input, let count):
            return LimitExec(input: plan(input), count: count)
        case .join(let left, let right, let join):
            return HashJoinExec(
                left: plan(left, underAggregate: underAggregate), right: plan(right), join: join,
                encodesBuildStrings: underAggregate && join.kind != .leftSemi && join.kind != .leftAnti)
        case .union(let inputs):
            return UnionExec(branches: inputs.map { plan($0) }, schema: logical.schema)
        case .setOperation(let left, let right, let kind):
            return SetOperationExec(left: plan(left), right: plan(right), kind: kind)
        case .values(let relation):
            return LocalRelationExec(relation: relation)
        case .atMostOneRow(let input):
            return AtMostOneRowExec(input: plan(input))
        case .window(let input, let functions):
            return WindowExec(input: plan(input), functions: functions)
        }
    }
}
