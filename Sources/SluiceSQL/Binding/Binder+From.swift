import SluiceCore

extension Binder {
    /// The FROM clause as one plan and the columns it offers; comma-separated entries are cross joined
    /// (WHERE filters them).
    func bindFrom(_ select: Select) throws -> (LogicalPlan, Scope) {
        guard let first = select.from.first else { return (.singleRow, Scope(columns: [])) }
        var (plan, scope) = try bindRelation(first)
        for entry in select.from.dropFirst() {
            let (right, rightScope) = try bindRelation(entry)
            plan = .join(plan, right, LogicalJoin(kind: .inner, leftKeys: [], rightKeys: [], residual: nil))
            scope = Scope(columns: scope.columns + rightScope.columns)
        }
        return (plan, scope)
    }

    /// One FROM entry: a CTE or view, a subquery, or a join.
    func bindRelation(_ reference: TableReference) throws -> (LogicalPlan, Scope) {
        switch reference {
        case .table(let table):
            return try bindTable(table)
        case .subquery(let derived):
            return try Self.aliased(try bind(derived.query), derived.alias)
        case .values(let table, let alias):
            return try Self.aliased(try bindInlineTable(table), alias)
        case .join(let join):
            return try bindJoin(join)
        }
    }

    private func bindTable(_ table: TableName) throws -> (LogicalPlan, Scope) {
        let viewName = table.name.parts.map(\.name).joined(separator: ".")
        var plan: LogicalPlan
        if table.name.parts.count == 1, let cte = ctes[viewName.lowercased()] {
            plan = cte.plan
        } else if let source = catalog.view(named: viewName) {
            plan = .scan(
                TableScan(
                    viewName: viewName, source: source, columns: Array(source.schema.fields.indices),
                    pushedFilters: []))
        } else {
            let names = catalog.viewNames + ctes.values.map(\.name).sorted()
            let message = ClosestMatch.unknown("table or view", viewName, among: names)
            let known = names.isEmpty ? "no views are registered" : "views: " + names.joined(separator: ", ")
            throw SQLAnalysisError(message + "; " + known, at: table.name.location)
        }
        if let alias = table.alias, !alias.columns.isEmpty {
            plan = try Self.renaming(plan, to: alias.columns, at: alias.name.location)
        }
        let qualifier = table.alias?.name.name ?? table.name.parts.last?.name ?? viewName
        return (plan, Self.scope(of: plan, qualifier: qualifier))
    }

    /// A subquery or VALUES list in FROM under its alias, with its columns renamed when the alias names them.
    private static func aliased(_ plan: LogicalPlan, _ alias: TableAlias?) throws -> (LogicalPlan, Scope) {
        var plan = plan
        if let alias, !alias.columns.isEmpty {
            plan = try renaming(plan, to: alias.columns, at: alias.name.location)
        }
        return (plan, scope(of: plan, qualifier: alias?.name.name ?? ""))
    }

    /// The columns of `plan`, all under `qualifier`.
    static func scope(of plan: LogicalPlan, qualifier: String) -> Scope {
        Scope(columns: plan.schema.fields.map { Scope.Column(qualifier: qualifier, name: $0.name, type: $0.dataType) })
    }

    /// `plan` with its columns renamed, for `alias (c1, c2)` and `name (c1, c2) AS (…)`.
    static func renaming(_ plan: LogicalPlan, to names: [Identifier], at location: SourceLocation) throws
        -> LogicalPlan
    {
        let fields = plan.schema.fields
        guard names.count == fields.count else {
            throw SQLAnalysisError(
                "\(names.count) column names given for \(fields.count) columns", at: names.first?.location ?? location)
        }
        return .project(
            plan,
            zip(names, fields.indices).map { name, index in
                NamedExpression(
                    name: name.name,
                    expression: .column(index: index, name: fields[index].name, type: fields[index].dataType))
            })
    }
}
