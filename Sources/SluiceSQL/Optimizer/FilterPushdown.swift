/// Hands the conjuncts of a filter directly above a scan to the scan, which turns those of the form
/// `column op literal` into a parquet predicate to skip row groups. The filter stays: pruning skips
/// data, it does not filter rows. Above a join, conjuncts that read one side only move below the join
/// onto that side when the join never pads that side with nulls; above an inner join the others become
/// part of the join's condition.
enum FilterPushdown {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case .filter(.scan(var scan), let predicate):
            scan.pushedFilters = predicate.conjuncts
            return .filter(.scan(scan), predicate)
        case .filter(.join(let left, let right, let join), let predicate):
            return pushBelowJoin(predicate, left, right, join)
        case .filter(.window(let input, let functions), let predicate):
            return pushBelowWindow(predicate, input, functions)
        case .filter(.project(.window(let input, let functions), let items), let predicate):
            return pushThroughProject(predicate, items, child: .window(input, functions)) {
                pushBelowWindow($0, input, functions)
            }
        default:
            return plan.mappingInputs(apply)
        }
    }

    /// Conjuncts that read only items that are plain columns move below the projection (rewritten over
    /// its input), where `below` places them; the others stay above it.
    private static func pushThroughProject(
        _ predicate: BoundExpression, _ items: [NamedExpression], child: LogicalPlan,
        below: (BoundExpression) -> LogicalPlan
    ) -> LogicalPlan {
        var moved: [BoundExpression] = []
        var kept: [BoundExpression] = []
        for conjunct in predicate.conjuncts {
            var mapping: [Int: Int] = [:]
            for index in conjunct.columnIndices {
                if case .column(let source, _, _) = items[index].expression { mapping[index] = source }
            }
            if mapping.count == conjunct.columnIndices.count {
                moved.append(conjunct.remappingColumns(mapping))
            } else {
                kept.append(conjunct)
            }
        }
        guard let first = moved.first else { return .filter(.project(apply(child), items), predicate) }
        let projected = LogicalPlan.project(below(moved.dropFirst().reduce(first) { .and($0, $1) }), items)
        guard let first = kept.first else { return projected }
        return .filter(projected, kept.dropFirst().reduce(first) { .and($0, $1) })
    }

    /// Conjuncts that read only columns every window partitions by keep or drop whole partitions, so
    /// they may run below the window; the others stay above it.
    private static func pushBelowWindow(
        _ predicate: BoundExpression, _ input: LogicalPlan, _ functions: [NamedWindowFunction]
    ) -> LogicalPlan {
        let partitionColumns = functions.map { function in
            Set(
                function.call.window.partitionBy.compactMap { expression -> Int? in
                    if case .column(let index, _, _) = expression { return index }
                    return nil
                })
        }
        var pushed: [BoundExpression] = []
        var kept: [BoundExpression] = []
        for conjunct in predicate.conjuncts {
            let columns = conjunct.columnIndices
            if !columns.isEmpty, partitionColumns.allSatisfy({ columns.isSubset(of: $0) }) {
                pushed.append(conjunct)
            } else {
                kept.append(conjunct)
            }
        }
        var below = input
        if let first = pushed.first { below = .filter(input, pushed.dropFirst().reduce(first) { .and($0, $1) }) }
        let window = LogicalPlan.window(apply(below), functions)
        guard let first = kept.first else { return window }
        return .filter(window, kept.dropFirst().reduce(first) { .and($0, $1) })
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
