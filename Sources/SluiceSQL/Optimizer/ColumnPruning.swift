/// Narrows each scan to the columns the plan above it reads (projection pushdown), renumbering the
/// column references on the way up.
enum ColumnPruning {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        prune(plan, required: Set(plan.schema.fields.indices)).plan
    }

    /// The plan reading only what is needed for the `required` output columns, and how the
    /// surviving output columns were renumbered (old index → new index).
    private static func prune(_ plan: LogicalPlan, required: Set<Int>) -> (plan: LogicalPlan, mapping: [Int: Int]) {
        switch plan {
        case .scan(var scan):
            // A scan with no columns would have no rows to count: keep the first one.
            let kept = required.isEmpty ? Array(scan.columns.indices.prefix(1)) : required.sorted()
            let mapping = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
            scan.columns = kept.map { scan.columns[$0] }
            scan.pushedFilters = scan.pushedFilters.map { $0.remappingColumns(mapping) }
            return (.scan(scan), mapping)
        case .singleRow:
            return (plan, [:])
        case .filter(let input, let predicate):
            let (newInput, mapping) = prune(input, required: required.union(predicate.columnIndices))
            let filtered = LogicalPlan.filter(newInput, predicate.remappingColumns(mapping))
            // Columns read only by the predicate go right after it, so a join or an aggregate above
            // does not carry them (`WHERE segment <> 'closed'` under a join).
            guard !required.isEmpty, !predicate.columnIndices.isSubset(of: required) else { return (filtered, mapping) }
            let kept = required.sorted()
            let schema = filtered.schema
            let items = kept.map { old in
                let index = mapping[old] ?? old
                return NamedExpression(
                    name: schema[index].name,
                    expression: .column(index: index, name: schema[index].name, type: schema[index].dataType))
            }
            return (.project(filtered, items), positions(kept))
        case .project(let input, let items):
            // Only the items above needs survive (all of them at the root), so a subquery's unused
            // columns are not read.
            let kept = items.indices.filter { required.contains($0) }
            let needed = kept.reduce(into: Set<Int>()) { $0.formUnion(items[$1].expression.columnIndices) }
            let (newInput, mapping) = prune(input, required: needed)
            let remapped = kept.map {
                NamedExpression(name: items[$0].name, expression: items[$0].expression.remappingColumns(mapping))
            }
            return (
                .project(newInput, remapped), Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
            )
        case .aggregate(let input, let groups, let aggregates):
            var needed = groups.reduce(into: Set<Int>()) { $0.formUnion($1.expression.columnIndices) }
            for aggregate in aggregates {
                if let argument = aggregate.call.argument { needed.formUnion(argument.columnIndices) }
            }
            let (newInput, mapping) = prune(input, required: needed)
            let newGroups = groups.map {
                NamedExpression(name: $0.name, expression: $0.expression.remappingColumns(mapping))
            }
            let newAggregates = aggregates.map { aggregate in
                var call = aggregate.call
                call.argument = call.argument?.remappingColumns(mapping)
                return NamedAggregate(name: aggregate.name, call: call)
            }
            return (
                .aggregate(newInput, groups: newGroups, aggregates: newAggregates),
                identity(groups.count + aggregates.count)
            )
        case .sort(let input, let keys):
            let needed = keys.reduce(into: required) { $0.formUnion($1.expression.columnIndices) }
            let (newInput, mapping) = prune(input, required: needed)
            let newKeys = keys.map {
                SortExpression(
                    expression: $0.expression.remappingColumns(mapping), ascending: $0.ascending,
                    nullsFirst: $0.nullsFirst)
            }
            return (.sort(newInput, newKeys), mapping)
        case .limit(let input, let count):
            let (newInput, mapping) = prune(input, required: required)
            return (.limit(newInput, count), mapping)
        case .join(let left, let right, let join):
            return pruneJoin(left, right, join, required: required)
        case .union(let inputs):
            // Every branch keeps the same columns, in order (one at least, for the rows' count).
            let kept = required.isEmpty ? [0] : required.sorted()
            return (.union(inputs.map { pruneExactly($0, to: kept) }), positions(kept))
        case .setOperation(let left, let right, let kind):
            // Whole rows are compared: every column stays.
            let all = Array(left.schema.fields.indices)
            return (.setOperation(pruneExactly(left, to: all), pruneExactly(right, to: all), kind), identity(all.count))
        case .values(let relation):
            let kept = required.isEmpty ? [0] : required.sorted()
            return (.values(relation.selecting(kept)), positions(kept))
        case .atMostOneRow(let input):
            let (newInput, mapping) = prune(input, required: required)
            return (.atMostOneRow(newInput), mapping)
        case .window(let input, let functions):
            return pruneWindow(input, functions, required: required)
        }
    }

    /// Each side keeps the columns needed above, by its keys and by the residual.
    private static func pruneJoin(_ left: LogicalPlan, _ right: LogicalPlan, _ join: LogicalJoin, required: Set<Int>)
        -> (plan: LogicalPlan, mapping: [Int: Int])
    {
        let leftCount = left.schema.fields.count
        let needed = required.union(join.residual?.columnIndices ?? [])
        let leftNeeded = needed.filter { $0 < leftCount }.union(join.leftKeys.flatMap(\.columnIndices))
        let rightNeeded = Set(needed.filter { $0 >= leftCount }.map { $0 - leftCount })
            .union(join.rightKeys.flatMap(\.columnIndices))
        let (newLeft, leftMapping) = prune(left, required: leftNeeded)
        let (newRight, rightMapping) = prune(right, required: rightNeeded)
        let newLeftCount = newLeft.schema.fields.count
        var mapping = leftMapping
        for (old, new) in rightMapping { mapping[old + leftCount] = new + newLeftCount }
        var newJoin = join
        newJoin.leftKeys = join.leftKeys.map { $0.remappingColumns(leftMapping) }
        newJoin.rightKeys = join.rightKeys.map { $0.remappingColumns(rightMapping) }
        newJoin.residual = join.residual?.remappingColumns(mapping)
        return (.join(newLeft, newRight, newJoin), join.kind.outputsRight ? mapping : leftMapping)
    }

    /// Window functions whose column is not needed go; without any the window goes too.
    private static func pruneWindow(_ input: LogicalPlan, _ functions: [NamedWindowFunction], required: Set<Int>)
        -> (plan: LogicalPlan, mapping: [Int: Int])
    {
        let inputCount = input.schema.fields.count
        let kept = functions.indices.filter { required.contains(inputCount + $0) }
        let needed = kept.reduce(into: required.filter { $0 < inputCount }) {
            $0.formUnion(functions[$1].call.columnIndices)
        }
        let (newInput, inputMapping) = prune(input, required: needed)
        guard !kept.isEmpty else { return (newInput, inputMapping) }
        let newInputCount = newInput.schema.fields.count
        var mapping = inputMapping
        for (position, index) in kept.enumerated() { mapping[inputCount + index] = newInputCount + position }
        let newFunctions = kept.map {
            NamedWindowFunction(name: functions[$0].name, call: functions[$0].call.remappingColumns(inputMapping))
        }
        return (.window(newInput, newFunctions), mapping)
    }

    /// `plan` pruned to give exactly `columns` (its own indices), in that order.
    private static func pruneExactly(_ plan: LogicalPlan, to columns: [Int]) -> LogicalPlan {
        let (newPlan, mapping) = prune(plan, required: Set(columns))
        let fields = newPlan.schema.fields
        let sources = columns.map { mapping[$0] ?? $0 }
        if sources == Array(fields.indices) { return newPlan }
        return .project(
            newPlan,
            sources.map { index in
                let field = fields[index]
                return NamedExpression(
                    name: field.name, expression: .column(index: index, name: field.name, type: field.dataType))
            })
    }

    /// Each of `kept` to its position.
    private static func positions(_ kept: [Int]) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
    }

    private static func identity(_ count: Int) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: (0..<count).map { ($0, $0) })
    }
}
