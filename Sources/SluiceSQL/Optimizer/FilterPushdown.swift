/// Hands the conjuncts of a filter directly above a scan to the scan, which turns those of the form
/// `column op literal` into a parquet predicate to skip row groups. The filter stays: pruning skips
/// data, it does not filter rows. Above a join, conjuncts that read one side only move below the join
/// onto that side when the join never pads that side with nulls; above an inner join the others become
/// part of the join's condition.
enum FilterPushdown {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case .scan, .singleRow:
            return plan
        case .filter(.scan(var scan), let predicate):
            scan.pushedFilters = predicate.conjuncts
            return .filter(.scan(scan), predicate)
        case .filter(.join(let left, let right, let join), let predicate):
            return pushBelowJoin(predicate, left, right, join)
        case .filter(let input, let predicate):
            return .filter(apply(input), predicate)
        case .join(let left, let right, let join):
            return .join(apply(left), apply(right), join)
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

    private static func pushBelowJoin(
        _ predicate: BoundExpression, _ left: LogicalPlan, _ right: LogicalPlan, _ join: LogicalJoin
    ) -> LogicalPlan {
        let leftCount = left.schema.fields.count
        var leftConjuncts: [BoundExpression] = []
        var rightConjuncts: [BoundExpression] = []
        var kept: [BoundExpression] = []
        for conjunct in predicate.conjuncts {
            let columns = conjunct.columnIndices
            if !columns.isEmpty, columns.allSatisfy({ $0 < leftCount }), join.kind != .right, join.kind != .full {
                leftConjuncts.append(conjunct)
            } else if !columns.isEmpty, columns.allSatisfy({ $0 >= leftCount }),
                join.kind == .inner || join.kind == .right
            {
                let shift = Dictionary(uniqueKeysWithValues: columns.map { ($0, $0 - leftCount) })
                rightConjuncts.append(conjunct.remappingColumns(shift))
            } else {
                kept.append(conjunct)
            }
        }
        func filtered(_ plan: LogicalPlan, _ conjuncts: [BoundExpression]) -> LogicalPlan {
            guard let first = conjuncts.first else { return apply(plan) }
            return apply(.filter(plan, conjuncts.dropFirst().reduce(first) { .and($0, $1) }))
        }
        // The rest joins the join's condition: `FROM a, b WHERE a.k = b.k` becomes a hash join on k.
        var merged = join
        if join.kind == .inner, let first = kept.first,
            let extra = try? Binder.split(
                kept.dropFirst().reduce(first) { .and($0, $1) }, kind: .inner, leftCount: leftCount)
        {
            merged.leftKeys += extra.leftKeys
            merged.rightKeys += extra.rightKeys
            if let residual = extra.residual {
                merged.residual = merged.residual.map { .and($0, residual) } ?? residual
            }
            kept = []
        }
        let joined = LogicalPlan.join(filtered(left, leftConjuncts), filtered(right, rightConjuncts), merged)
        guard let first = kept.first else { return joined }
        return .filter(joined, kept.dropFirst().reduce(first) { .and($0, $1) })
    }
}
