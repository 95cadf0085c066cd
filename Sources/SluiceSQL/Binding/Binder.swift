import SluiceCompute
import SluiceCore

/// Turns a parsed query into a logical plan over the catalog's views.
///
/// So far: views, CTEs, subqueries and joins in FROM (or nothing: `SELECT 1 + 1`), WHERE, GROUP BY
/// (expressions and ordinals), HAVING, aggregates, SELECT DISTINCT, ORDER BY (output names, ordinals
/// or expressions) and LIMIT; set operations and VALUES (`Binder+SetOperation`), subqueries in
/// expressions (`Binder+Subquery`, `SubqueryCollector`).
struct Binder {
    let catalog: Catalog
    /// The CTEs in scope by lower-cased name, bound once and planned again at each reference; they
    /// shadow views.
    var ctes: [String: NamedRelation] = [:]

    /// A bound CTE: its plan and the name it was given.
    struct NamedRelation {
        var name: String
        var plan: LogicalPlan
    }

    init(catalog: Catalog) {
        self.catalog = catalog
    }

    func bind(_ query: Query) throws -> LogicalPlan {
        var binder = self
        for cte in query.with {
            // Each CTE sees the ones before it (non-recursive).
            var plan = try binder.bind(cte.query)
            if !cte.columns.isEmpty {
                plan = try Self.renaming(plan, to: cte.columns, at: cte.name.location)
            }
            binder.ctes[cte.name.name.lowercased()] = NamedRelation(name: cte.name.name, plan: plan)
        }
        return try binder.bindBody(query)
    }

    private func bindBody(_ query: Query) throws -> LogicalPlan {
        if let offset = query.offset { throw SQLAnalysisError("OFFSET is not supported yet", at: offset.location) }
        if case .nested(let nested) = query.body, query.isBareBody { return try bind(nested) }
        var plan: LogicalPlan
        if case .select(let select) = query.body {
            plan = try bindSelect(select, orderBy: query.orderBy)
        } else {
            plan = try bindCompound(query.body, orderBy: query.orderBy)
        }
        if let limit = query.limit {
            plan = .limit(plan, try bindLimit(limit))
        }
        return plan
    }

    private func bindLimit(_ expression: Expression) throws -> Int {
        guard case .literal(.number(let number)) = expression.kind, number.kind == .integer,
            let value = Int(number.text)
        else {
            throw SQLAnalysisError("LIMIT needs a non-negative integer constant", at: expression.location)
        }
        return value
    }

    private func bindSelect(_ select: Select, orderBy: [OrderItem]) throws -> LogicalPlan {
        var (plan, scope) = try bindFrom(select)
        if let filter = select.filter {
            if let aggregate = AggregateBinding.firstAggregate(in: filter) {
                throw SQLAnalysisError("aggregate functions are not allowed in WHERE", at: aggregate.location)
            }
            plan = try bindWhere(filter, plan: plan, scope: scope)
        }
        let isAggregate =
            !select.groupBy.isEmpty || select.having != nil
            || select.items.contains { AggregateBinding.containsAggregate($0.expression) }
        var binder = ExpressionBinder(scope: scope)
        binder.subqueries = SubqueryCollector(binder: self, scope: scope)
        if isAggregate {
            binder.groups = try bindGroups(select, scope: scope)
        }
        binder.windows = try WindowCollector(select.windows)
        var items = try bindItems(select.items, scope: scope, binder: &binder)
        var having: BoundExpression?
        if let condition = select.having {
            for (item, bound) in zip(select.items, items) where item.alias != nil {
                binder.aliases[bound.name.lowercased()] = bound.expression
            }
            let windows = binder.windows
            binder.windows = nil
            having = try binder.bindBoolean(condition, "HAVING")
            binder.windows = windows
            binder.aliases = [:]
        }
        let visibleCount = items.count
        var sortKeys: [SortExpression] = []
        for item in orderBy {
            let expression = try bindOrderKey(
                item.expression, items: &items, isDistinct: select.isDistinct, binder: &binder)
            let ascending = item.direction != .descending
            let nullsFirst = item.nulls.map { $0 == .first } ?? ascending
            sortKeys.append(SortExpression(expression: expression, ascending: ascending, nullsFirst: nullsFirst))
        }
        // Subqueries of the select list and ORDER BY (in aggregate arguments, when grouped) read the input.
        plan = binder.subqueries?.attach(to: plan) ?? plan
        if let groups = binder.groups {
            plan = .aggregate(plan, groups: groups, aggregates: binder.aggregates)
            if let having { plan = .filter(plan, having) }
        }
        if let windows = binder.windows, !windows.calls.isEmpty {
            (plan, items) = WindowBinding.placed(windows, above: plan, items: items)
        }
        plan = .project(plan, items)
        if select.isDistinct {
            let columns = items.enumerated().map { index, item in
                NamedExpression(
                    name: item.name, expression: .column(index: index, name: item.name, type: item.expression.dataType))
            }
            plan = .aggregate(plan, groups: columns, aggregates: [])
        }
        if !sortKeys.isEmpty {
            plan = .sort(plan, sortKeys)
        }
        if items.count > visibleCount {
            let visible = items.prefix(visibleCount).enumerated().map { index, item in
                NamedExpression(
                    name: item.name, expression: .column(index: index, name: item.name, type: item.expression.dataType))
            }
            plan = .project(plan, visible)
        }
        return plan
    }

    private func bindGroups(_ select: Select, scope: Scope) throws -> [NamedExpression] {
        var input = ExpressionBinder(scope: scope)
        return try select.groupBy.map { written in
            var expression = written
            if case .literal(.number(let number)) = written.kind, number.kind == .integer {
                guard let ordinal = Int(number.text), (1...select.items.count).contains(ordinal) else {
                    throw SQLAnalysisError(
                        "GROUP BY position \(number.text) is not in the select list (1 to \(select.items.count))",
                        at: written.location)
                }
                expression = select.items[ordinal - 1].expression
                if AggregateBinding.containsAggregate(expression) {
                    throw SQLAnalysisError("GROUP BY position \(ordinal) refers to an aggregate", at: written.location)
                }
            } else if case .column(let name) = written.kind, name.parts.count == 1, (try? scope.resolve(name)) == nil,
                let item = select.items.first(where: { $0.alias?.name.lowercased() == name.parts[0].name.lowercased() })
            {
                // Spark's default spark.sql.groupByAliases: a select alias that is not an input column.
                expression = item.expression
            }
            if AggregateBinding.containsAggregate(expression) {
                throw SQLAnalysisError("aggregate functions are not allowed in GROUP BY", at: written.location)
            }
            return NamedExpression(
                name: Self.outputName(expression, alias: nil), expression: try input.bind(expression))
        }
    }

    private func bindItems(_ items: [SelectItem], scope: Scope, binder: inout ExpressionBinder) throws
        -> [NamedExpression]
    {
        var bound: [NamedExpression] = []
        for item in items {
            if case .wildcard(let qualifier) = item.expression.kind {
                if binder.groups != nil {
                    throw SQLAnalysisError("* cannot be used with GROUP BY or aggregates", at: item.expression.location)
                }
                let matching = scope.columns.indices.filter { index in
                    guard let qualifier else { return !scope.columns[index].isHidden }
                    return qualifier.parts.count == 1
                        && scope.columns[index].qualifier.lowercased() == qualifier.parts[0].name.lowercased()
                }
                if matching.isEmpty, let qualifier {
                    throw SQLAnalysisError(
                        "unknown table \"\(qualifier.parts.map(\.name).joined(separator: "."))\" in \(item.expression.sql)",
                        at: item.expression.location)
                }
                bound += matching.map { index in
                    let column = scope.columns[index]
                    return NamedExpression(
                        name: column.name, expression: .column(index: index, name: column.name, type: column.type))
                }
                continue
            }
            bound.append(
                NamedExpression(
                    name: Self.outputName(item.expression, alias: item.alias),
                    expression: try binder.bind(item.expression)))
        }
        return bound
    }

    /// An ORDER BY key as a column of the projection: an output name, an ordinal, or an expression
    /// (added as a hidden column when it is not a select item).
    private func bindOrderKey(
        _ expression: Expression, items: inout [NamedExpression], isDistinct: Bool, binder: inout ExpressionBinder
    ) throws -> BoundExpression {
        func reference(_ index: Int) -> BoundExpression {
            .column(index: index, name: items[index].name, type: items[index].expression.dataType)
        }
        if case .literal(.number(let number)) = expression.kind, number.kind == .integer {
            guard let ordinal = Int(number.text), (1...items.count).contains(ordinal) else {
                throw SQLAnalysisError(
                    "ORDER BY position \(number.text) is not in the select list (1 to \(items.count))",
                    at: expression.location)
            }
            return reference(ordinal - 1)
        }
        if case .column(let name) = expression.kind, name.parts.count == 1 {
            let matches = items.indices.filter { items[$0].name.lowercased() == name.parts[0].name.lowercased() }
            if matches.count == 1 { return reference(matches[0]) }
        }
        let bound = try binder.bind(expression)
        if let index = items.firstIndex(where: { $0.expression == bound }) { return reference(index) }
        if isDistinct {
            throw SQLAnalysisError(
                "with SELECT DISTINCT, ORDER BY expressions must be in the select list", at: expression.location)
        }
        items.append(NamedExpression(name: "__order\(items.count)", expression: bound))
        return reference(items.count - 1)
    }

    /// Spark's column name for a select item: the alias, or the name Spark derives from the expression.
    static func outputName(_ expression: Expression, alias: Identifier?) -> String {
        if let alias { return alias.name }
        return SparkColumnName.of(expression)
    }
}
