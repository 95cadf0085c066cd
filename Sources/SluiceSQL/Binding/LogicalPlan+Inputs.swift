extension LogicalPlan {
    /// The same node over `transform`ed inputs: what an optimizer pass does at the nodes it leaves
    /// alone.
    func mappingInputs(_ transform: (LogicalPlan) -> LogicalPlan) -> LogicalPlan {
        switch self {
        case .scan, .singleRow, .values: return self
        case .filter(let input, let predicate): return .filter(transform(input), predicate)
        case .project(let input, let items): return .project(transform(input), items)
        case .aggregate(let input, let groups, let aggregates):
            return .aggregate(transform(input), groups: groups, aggregates: aggregates)
        case .sort(let input, let keys): return .sort(transform(input), keys)
        case .limit(let input, let count): return .limit(transform(input), count)
        case .join(let left, let right, let join): return .join(transform(left), transform(right), join)
        case .union(let inputs): return .union(inputs.map(transform))
        case .setOperation(let left, let right, let kind): return .setOperation(transform(left), transform(right), kind)
        case .atMostOneRow(let input): return .atMostOneRow(transform(input))
        case .window(let input, let functions): return .window(transform(input), functions)
        }
    }
}
