import SluiceCompute
import SluiceCore

/// The subqueries met while binding expressions over one scope, each planned as a LEFT join that
/// appends its columns after the scope's (and the earlier subqueries'), so the expression reads the
/// subquery's value as a column. `attach(to:)` puts the joins above the plan the scope describes.
/// A reference type: the copies of an `ExpressionBinder` (such as its binder of aggregate arguments)
/// share one.
///
/// - A scalar subquery joins with no keys, checked to give at most one row (no row gives null);
///   correlated, it is grouped by its inner keys and joined on them, with the value over no rows
///   (`count` gives 0) where no group matches.
/// - `EXISTS` joins a marker column, true where a (distinct) key matches.
/// - `x [NOT] IN (…)` joins a marker for the distinct values equal to x, and per key the number of
///   subquery rows and non-null values, for Spark's null-aware answer: true on a match, false on no
///   rows, else null when x or some value is null, else false.
final class SubqueryCollector {
    let binder: Binder
    let scope: Scope
    private var joins: [(right: LogicalPlan, join: LogicalJoin)] = []
    private var appendedCount = 0

    init(binder: Binder, scope: Scope) {
        self.binder = binder
        self.scope = scope
    }

    var isEmpty: Bool { joins.isEmpty }

    /// `plan`, whose columns are the scope's, with the subqueries joined in.
    func attach(to plan: LogicalPlan) -> LogicalPlan {
        joins.reduce(plan) { .join($0, $1.right, $1.join) }
    }

    /// Adds a LEFT join with `right` on the key pairs; the index of its first column.
    private func join(_ right: LogicalPlan, outerKeys: [BoundExpression], innerKeys: [BoundExpression]) -> Int {
        let index = scope.columns.count + appendedCount
        joins.append((right, LogicalJoin(kind: .left, leftKeys: outerKeys, rightKeys: innerKeys, residual: nil)))
        appendedCount += right.schema.fields.count
        return index
    }

    func scalar(_ query: Query, at location: SourceLocation) throws -> BoundExpression {
        let subquery = try binder.decorrelate(query, outer: scope, form: .scalar, at: location)
        let field = subquery.plan.schema.fields[0]
        guard subquery.isCorrelated else {
            let index = join(.atMostOneRow(subquery.plan), outerKeys: [], innerKeys: [])
            return .column(index: index, name: field.name, type: field.dataType)
        }
        let (outerKeys, innerKeys) = try subquery.keyPairs(firstInnerColumn: 1)
        let index = join(subquery.plan, outerKeys: outerKeys, innerKeys: innerKeys)
        let value = BoundExpression.column(index: index, name: field.name, type: field.dataType)
        guard let empty = try emptyInputValue(of: subquery.plan) else { return value }
        // A key column is null only where no group matched the outer row.
        let key = BoundExpression.column(index: index + 1, name: "key", type: subquery.plan.schema.fields[1].dataType)
        return .caseWhen(
            [BoundExpression.CaseBranch(condition: .isNull(key, negated: false), value: empty)], otherwise: value,
            type: field.dataType)
    }

    /// The value of a correlated scalar subquery (`project(aggregate)`) over no rows, unless null: a
    /// constant for a bare aggregate, else its expression over a row of empty-input aggregate values,
    /// joined in.
    private func emptyInputValue(of plan: LogicalPlan) throws -> BoundExpression? {
        guard case .project(let aggregate, let items) = plan,
            case .aggregate(_, let groups, let aggregates) = aggregate
        else { return nil }
        let values: [BoundExpression] =
            groups.map { .literal(.null($0.expression.dataType)) }
            + aggregates.map { aggregate in
                switch aggregate.call.function {
                case .countAll, .count, .approxCountDistinct: return .literal(.int64(0))
                default: return .literal(.null(aggregate.call.resultType))
                }
            }
        if case .column(let column, _, _) = items[0].expression {
            return values[column].isNullLiteral ? nil : values[column]
        }
        let row = LogicalPlan.values(LocalRelation(schema: aggregate.schema, rows: [values]))
        let index = join(.project(row, [items[0]]), outerKeys: [], innerKeys: [])
        return .column(index: index, name: items[0].name, type: items[0].expression.dataType)
    }

    func exists(_ query: Query, at location: SourceLocation) throws -> BoundExpression {
        let subquery = try binder.decorrelate(query, outer: scope, form: .exists, at: location)
        let marker = NamedExpression(name: "exists", expression: .literal(.boolean(true)))
        let index: Int
        if subquery.isCorrelated {
            let keys = Self.columns(of: subquery.plan)
            let distinct = LogicalPlan.aggregate(subquery.plan, groups: keys, aggregates: [])
            let (outerKeys, innerKeys) = try subquery.keyPairs(firstInnerColumn: 0)
            index = join(.project(distinct, keys + [marker]), outerKeys: outerKeys, innerKeys: innerKeys) + keys.count
        } else {
            index = join(.project(.limit(subquery.plan, 1), [marker]), outerKeys: [], innerKeys: [])
        }
        return .isNull(.column(index: index, name: marker.name, type: .boolean), negated: true)
    }

    func inSubquery(_ value: BoundExpression, _ query: Query, negated: Bool, at location: SourceLocation) throws
        -> BoundExpression
    {
        let subquery = try binder.decorrelate(query, outer: scope, form: .in, at: location)
        let columns = Self.columns(of: subquery.plan)
        let (outerValue, innerValue) = try ExpressionBinder(scope: scope).coerce(
            value, columns[0].expression, what: "compare", at: location)
        let marker = NamedExpression(name: "matched", expression: .literal(.boolean(true)))
        let distinct = LogicalPlan.aggregate(subquery.plan, groups: columns, aggregates: [])
        let (outerKeys, innerKeys) = try subquery.keyPairs(firstInnerColumn: 1)
        let matchIndex = join(
            .project(distinct, columns + [marker]), outerKeys: [outerValue] + outerKeys,
            innerKeys: [innerValue] + innerKeys)
        let matched = BoundExpression.column(index: matchIndex + columns.count, name: marker.name, type: .boolean)
        let counts = LogicalPlan.aggregate(
            subquery.plan, groups: Array(columns.dropFirst()),
            aggregates: [
                NamedAggregate(
                    name: "rows",
                    call: AggregateCall(function: .countAll, argument: nil, isDistinct: false, resultType: .int64)),
                NamedAggregate(
                    name: "values",
                    call: AggregateCall(
                        function: .count, argument: columns[0].expression, isDistinct: false, resultType: .int64)),
            ])
        let (_, countKeys) = try subquery.keyPairs(firstInnerColumn: 0)
        let countIndex = join(counts, outerKeys: outerKeys, innerKeys: countKeys) + columns.count - 1
        let rows = BoundExpression.column(index: countIndex, name: "rows", type: .int64)
        let values = BoundExpression.column(index: countIndex + 1, name: "values", type: .int64)
        let result = BoundExpression.caseWhen(
            [
                .init(condition: .isNull(matched, negated: true), value: .literal(.boolean(true))),
                .init(
                    condition: .or(.isNull(rows, negated: false), .comparison(.equal, rows, .literal(.int64(0)))),
                    value: .literal(.boolean(false))),
                .init(
                    condition: .or(.isNull(outerValue, negated: false), .comparison(.greater, rows, values)),
                    value: .literal(.null(.boolean))),
            ], otherwise: .literal(.boolean(false)), type: .boolean)
        return negated ? .not(result) : result
    }

    /// A reference to each column of `plan`, under its name.
    private static func columns(of plan: LogicalPlan) -> [NamedExpression] {
        plan.schema.fields.enumerated().map { index, field in
            NamedExpression(name: field.name, expression: .column(index: index, name: field.name, type: field.dataType))
        }
    }
}

extension ExpressionBinder {
    /// The collector for a subquery met here, or an error where subqueries cannot be planned.
    func subqueryCollector(at location: SourceLocation) throws -> SubqueryCollector {
        if groups != nil {
            throw SQLAnalysisError(
                "in a query with GROUP BY or aggregates, subqueries are supported only in WHERE and inside aggregates (for now)",
                at: location)
        }
        guard let subqueries else {
            throw SQLAnalysisError("subqueries are not supported here (for now)", at: location)
        }
        return subqueries
    }
}
