/// Hands the conjuncts of a filter directly above a scan to the scan, which turns those of the form
/// `column op literal` into a parquet predicate to skip row groups. The filter stays: pruning skips
/// data, it does not filter rows.
enum FilterPushdown {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case .scan, .singleRow:
            return plan
        case .filter(.scan(var scan), let predicate):
            scan.pushedFilters = predicate.conjuncts
            return .filter(.scan(scan), predicate)
        case .filter(let input, let predicate):
            return .filter(apply(input), predicate)
        case .project(let input, let items):
            return .project(apply(input), items)
        case .aggregate(let input, let groups, let aggregates):
            return .aggregate(apply(input), groups: groups, aggregates: aggregates)
        case .sort(let input, let keys):
            return .sort(apply(input), keys)
        case .limit(let input, let count):
            return .limit(apply(input), count)
        }
    }
}
