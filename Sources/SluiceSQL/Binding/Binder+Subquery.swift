import SluiceCompute
import SluiceCore

/// A subquery with its correlation to the outer query turned into join keys: its plan outputs
/// `valueCount` value columns, then one column per inner key; `outerKeys` are the outer sides of the
/// equalities, bound over the outer scope. An uncorrelated subquery has no keys.
struct DecorrelatedSubquery {
    var plan: LogicalPlan
    var valueCount: Int
    var outerKeys: [BoundExpression]
    let location: SourceLocation

    var isCorrelated: Bool { !outerKeys.isEmpty }

    /// The key pairs cast to common types: the outer keys, and the inner key columns of a plan that
    /// has them from column `firstInnerColumn` on.
    func keyPairs(firstInnerColumn: Int) throws -> (outer: [BoundExpression], inner: [BoundExpression]) {
        let fields = plan.schema.fields
        var outer: [BoundExpression] = []
        var inner: [BoundExpression] = []
        for (offset, outerKey) in outerKeys.enumerated() {
            let field = fields[valueCount + offset]
            let innerKey = BoundExpression.column(
                index: firstInnerColumn + offset, name: field.name, type: field.dataType)
            guard let common = TypeCoercion.commonType(outerKey.dataType, field.dataType) else {
                throw SQLAnalysisError(
                    "cannot compare \(outerKey.dataType) and \(field.dataType) in a correlated condition", at: location)
            }
            outer.append(try TypeCoercion.cast(outerKey, to: common))
            inner.append(try TypeCoercion.cast(innerKey, to: common))
        }
        return (outer, inner)
    }
}

/// Where a subquery is used, which decides the columns it must give.
enum SubqueryForm {
    /// `(SELECT agg …)`: one value; correlated, it must aggregate, and is grouped by its inner keys.
    case scalar
    /// `x IN (SELECT v …)`: one value.
    case `in`
    /// `EXISTS (…)`: no values, only whether rows exist.
    case exists
}

extension Binder {
    /// The WHERE clause: the conjuncts `EXISTS (…)`, `NOT EXISTS (…)` and `x IN (…)` become semi and
    /// anti joins; the others a filter, with the subqueries they contain joined in below it (and their
    /// columns projected away above it).
    func bindWhere(_ condition: Expression, plan input: LogicalPlan, scope: Scope) throws -> LogicalPlan {
        let collector = SubqueryCollector(binder: self, scope: scope)
        var binder = ExpressionBinder(scope: scope)
        binder.subqueries = collector
        var semiJoins: [(LogicalPlan, LogicalJoin)] = []
        var predicates: [BoundExpression] = []
        for conjunct in Self.conjuncts(of: condition) {
            if let semiJoin = try filteringJoin(conjunct, binder: &binder) {
                semiJoins.append(semiJoin)
            } else {
                predicates.append(try binder.bindBoolean(conjunct, "WHERE"))
            }
        }
        var plan = semiJoins.reduce(collector.attach(to: input)) { .join($0, $1.0, $1.1) }
        if let first = predicates.first {
            plan = .filter(plan, predicates.dropFirst().reduce(first) { .and($0, $1) })
        }
        guard !collector.isEmpty else { return plan }
        return .project(
            plan,
            scope.columns.enumerated().map { index, column in
                NamedExpression(
                    name: column.name, expression: .column(index: index, name: column.name, type: column.type))
            })
    }

    /// The semi or anti join a WHERE conjunct stands for, or nil when it is not one.
    private func filteringJoin(_ conjunct: Expression, binder: inout ExpressionBinder) throws -> (
        LogicalPlan, LogicalJoin
    )? {
        switch conjunct.kind {
        case .exists(let query):
            return try semiJoin(query, value: nil, kind: .leftSemi, binder: &binder, at: conjunct.location)
        case .unary(.not, let operand):
            guard case .exists(let query) = operand.kind else { return nil }
            return try semiJoin(query, value: nil, kind: .leftAnti, binder: &binder, at: conjunct.location)
        case .inSubquery(let value, let query, negated: false):
            // NOT IN is null-aware (a null among the values makes it null), so it is bound as a value.
            return try semiJoin(query, value: value, kind: .leftSemi, binder: &binder, at: conjunct.location)
        default:
            return nil
        }
    }

    /// The rows of the outer query with (`.leftSemi`) or without (`.leftAnti`) a subquery row: equal to
    /// `value` when there is one, and equal on the correlation keys.
    private func semiJoin(
        _ query: Query, value: Expression?, kind: LogicalJoin.Kind, binder: inout ExpressionBinder,
        at location: SourceLocation
    ) throws -> (LogicalPlan, LogicalJoin) {
        let subquery = try decorrelate(query, outer: binder.scope, form: value == nil ? .exists : .in, at: location)
        var (leftKeys, rightKeys) = try subquery.keyPairs(firstInnerColumn: subquery.valueCount)
        var right = subquery.plan
        if let value {
            let field = right.schema.fields[0]
            let (outerValue, innerValue) = try binder.coerce(
                try binder.bind(value), .column(index: 0, name: field.name, type: field.dataType), what: "compare",
                at: location)
            leftKeys.insert(outerValue, at: 0)
            rightKeys.insert(innerValue, at: 0)
        } else if !subquery.isCorrelated {
            // Without keys every outer row pairs with every subquery row: one is enough.
            right = .limit(right, 1)
        }
        return (right, LogicalJoin(kind: kind, leftKeys: leftKeys, rightKeys: rightKeys, residual: nil))
    }

    /// Binds a subquery of an expression over `outer`. Conjuncts of its WHERE that name outer columns
    /// must be equalities between its own columns and the outer query's; they become keys: the inner
    /// sides are added to its select list (and GROUP BY, for a scalar subquery), the outer sides bound
    /// over `outer`.
    func decorrelate(_ query: Query, outer: Scope, form: SubqueryForm, at location: SourceLocation) throws
        -> DecorrelatedSubquery
    {
        guard query.with.isEmpty, case .select(var select) = query.body, let filter = select.filter else {
            return try uncorrelated(query, form: form, at: location)
        }
        let (_, inner) = try bindFrom(select)
        func isOuter(_ name: QualifiedName) -> Bool {
            (try? inner.resolve(name)) == nil && (try? outer.resolve(name)) != nil
        }
        var local: [Expression] = []
        var innerKeys: [Expression] = []
        var outerKeys: [Expression] = []
        for conjunct in Self.conjuncts(of: filter) {
            guard Self.columnNames(in: conjunct).contains(where: isOuter) else {
                local.append(conjunct)
                continue
            }
            guard case .binary(.equal, let left, let right) = conjunct.kind,
                let (innerSide, outerSide) = Self.sides(left, right, isOuter: isOuter)
            else {
                throw SQLAnalysisError(
                    "a condition on outer columns in a subquery must be an equality between a subquery column and an outer one (for now)",
                    at: conjunct.location)
            }
            innerKeys.append(innerSide)
            outerKeys.append(outerSide)
        }
        guard !innerKeys.isEmpty else { return try uncorrelated(query, form: form, at: location) }
        if query.limit != nil || query.offset != nil {
            throw SQLAnalysisError("LIMIT in a correlated subquery is not supported yet", at: location)
        }
        let isAggregate =
            !select.groupBy.isEmpty || select.having != nil
            || select.items.contains { AggregateBinding.containsAggregate($0.expression) }
        let keyItems = innerKeys.map { SelectItem(expression: $0, alias: nil) }
        switch form {
        case .scalar:
            guard isAggregate, select.groupBy.isEmpty, select.having == nil else {
                throw SQLAnalysisError(
                    "a correlated scalar subquery must aggregate, without GROUP BY or HAVING (for now)", at: location)
            }
            select.groupBy = innerKeys
            select.items += keyItems
        case .in:
            guard !isAggregate else {
                throw SQLAnalysisError("a correlated IN subquery with aggregates is not supported yet", at: location)
            }
            select.items += keyItems
        case .exists:
            guard !isAggregate else {
                throw SQLAnalysisError(
                    "a correlated EXISTS subquery with aggregates is not supported yet", at: location)
            }
            select.items = keyItems
        }
        let valueCount = select.items.count - keyItems.count
        if form != .exists, valueCount != 1 || select.items.contains(where: Self.isWildcard) {
            throw SQLAnalysisError("the subquery must return one column, not \(valueCount)", at: location)
        }
        select.filter = local.first.map { first in
            local.dropFirst().reduce(first) { Expression(kind: .binary(.and, $0, $1), location: $1.location) }
        }
        var outerBinder = ExpressionBinder(scope: outer)
        let plan = try bind(
            Query(with: [], body: .select(select), orderBy: [], limit: nil, offset: nil, location: query.location))
        return DecorrelatedSubquery(
            plan: plan, valueCount: valueCount, outerKeys: try outerKeys.map { try outerBinder.bind($0) },
            location: location)
    }

    private func uncorrelated(_ query: Query, form: SubqueryForm, at location: SourceLocation) throws
        -> DecorrelatedSubquery
    {
        let plan = try bind(query)
        let count = plan.schema.fields.count
        if form != .exists, count != 1 {
            throw SQLAnalysisError("the subquery must return one column, not \(count)", at: location)
        }
        return DecorrelatedSubquery(plan: plan, valueCount: count, outerKeys: [], location: location)
    }

    private static func isWildcard(_ item: SelectItem) -> Bool {
        if case .wildcard = item.expression.kind { return true }
        return false
    }

    /// (inner side, outer side) of an equality whose one side names only subquery columns and the
    /// other only outer ones.
    private static func sides(_ left: Expression, _ right: Expression, isOuter: (QualifiedName) -> Bool) -> (
        Expression, Expression
    )? {
        let leftNames = columnNames(in: left)
        let rightNames = columnNames(in: right)
        func onlyInner(_ names: [QualifiedName]) -> Bool { !names.isEmpty && !names.contains(where: isOuter) }
        func onlyOuter(_ names: [QualifiedName]) -> Bool { !names.isEmpty && names.allSatisfy(isOuter) }
        if onlyInner(leftNames), onlyOuter(rightNames) { return (left, right) }
        if onlyOuter(leftNames), onlyInner(rightNames) { return (right, left) }
        return nil
    }

    /// The conjuncts of nested ANDs, in order.
    static func conjuncts(of expression: Expression) -> [Expression] {
        if case .binary(.and, let left, let right) = expression.kind {
            return conjuncts(of: left) + conjuncts(of: right)
        }
        return [expression]
    }

    /// The column names `expression` reads, not counting those inside its own subqueries.
    static func columnNames(in expression: Expression) -> [QualifiedName] {
        switch expression.kind {
        case .column(let name):
            return [name]
        case .literal, .wildcard, .exists, .subquery:
            return []
        case .inSubquery(let value, _, _):
            return columnNames(in: value)
        case .field(let operand, _), .unary(_, let operand), .isNull(let operand, _), .isBoolean(let operand, _, _),
            .cast(let operand, _, _):
            return columnNames(in: operand)
        case .subscript(let left, let right), .binary(_, let left, let right):
            return columnNames(in: left) + columnNames(in: right)
        case .inList(let value, let list, _):
            return ([value] + list).flatMap(columnNames(in:))
        case .between(let value, let low, let high, _):
            return [value, low, high].flatMap(columnNames(in:))
        case .pattern(let match):
            return columnNames(in: match.value) + columnNames(in: match.pattern)
        case .case(let caseExpression):
            let parts =
                (caseExpression.operand.map { [$0] } ?? []) + caseExpression.branches.flatMap { [$0.when, $0.then] }
                + (caseExpression.otherwise.map { [$0] } ?? [])
            return parts.flatMap(columnNames(in:))
        case .function(let call):
            return (call.arguments + (call.filter.map { [$0] } ?? [])).flatMap(columnNames(in:))
        }
    }
}
