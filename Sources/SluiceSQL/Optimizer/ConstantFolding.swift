import SluiceCompute
import SluiceCore

/// Computes the parts of expressions that read no column once, at planning: `amount > 10 * 100`
/// becomes `amount > 1000` (which the scan can then use to skip row groups), `CAST('2026-01-01' AS
/// DATE)` a date literal. A part that fails (`1 / 0` under ANSI) is left to fail where it runs — a
/// CASE branch that is never taken must not fail the query. A filter on a constant true goes away.
///
/// Folds filters, projections, sort keys and grouping keys; other nodes' expressions run as bound.
enum ConstantFolding {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        switch plan {
        case .filter(let input, let predicate):
            let folded = fold(predicate)
            if case .literal(let scalar) = folded, case .boolean(true)? = scalar.payload { return apply(input) }
            return .filter(apply(input), folded)
        case .project(let input, let items):
            return .project(apply(input), items.map { NamedExpression(name: $0.name, expression: fold($0.expression)) })
        case .aggregate(let input, let groups, let aggregates):
            let folded = groups.map { NamedExpression(name: $0.name, expression: fold($0.expression)) }
            return .aggregate(apply(input), groups: folded, aggregates: aggregates)
        case .sort(let input, let keys):
            return .sort(
                apply(input),
                keys.map {
                    SortExpression(expression: fold($0.expression), ascending: $0.ascending, nullsFirst: $0.nullsFirst)
                })
        default:
            return plan.mappingInputs(apply)
        }
    }

    /// `expression` with each largest column-free part computed, where that succeeds.
    static func fold(_ expression: BoundExpression) -> BoundExpression {
        switch expression {
        case .column, .literal:
            return expression
        case _ where expression.columnIndices.isEmpty:
            return constant(expression) ?? expression.mappingChildren(fold)
        default:
            return expression.mappingChildren(fold)
        }
    }

    /// The value of a column-free expression, or nil when computing it fails or gives no scalar.
    private static func constant(_ expression: BoundExpression) -> BoundExpression? {
        guard let row = try? RecordBatch(schema: Schema([]), columns: [], numRows: 1),
            case .scalar(let scalar)? = try? ExpressionEvaluator.evaluate(expression, row),
            scalar.dataType == expression.dataType
        else { return nil }
        return .literal(scalar)
    }
}
