@testable import SluiceSQL

/// Expressions as fully parenthesised prefix trees, `(OR a (AND b c))`, so precedence tests show
/// the tree's shape instead of relying on the printer's parentheses.
func tree(_ expression: Expression) -> String {
    switch expression.kind {
    case .binary(let op, let left, let right):
        return "(\(op.rawValue) \(tree(left)) \(tree(right)))"
    case .unary(let op, let operand):
        return "(\(op.rawValue) \(tree(operand)))"
    case .isNull(let value, let negated):
        return "(\(negated ? "IS NOT NULL" : "IS NULL") \(tree(value)))"
    case .isBoolean(let value, let truth, let negated):
        return "(IS\(negated ? " NOT" : "") \(truth.map { $0 ? "TRUE" : "FALSE" } ?? "UNKNOWN") \(tree(value)))"
    case .inList(let value, let list, let negated):
        return "(\(negated ? "NOT IN" : "IN") \(tree(value)) \(list.map(tree).joined(separator: " ")))"
    case .between(let value, let low, let high, let negated):
        return "(\(negated ? "NOT BETWEEN" : "BETWEEN") \(tree(value)) \(tree(low)) \(tree(high)))"
    case .pattern(let match):
        return "(\(match.negated ? "NOT " : "")\(match.op.rawValue) \(tree(match.value)) \(tree(match.pattern)))"
    case .subscript(let base, let index):
        return "([] \(tree(base)) \(tree(index)))"
    case .field(let base, let name):
        return "(. \(tree(base)) \(name.name))"
    case .cast(let value, let type, let isTry):
        return "(\(isTry ? "TRY_CAST" : "CAST") \(tree(value)) \(type.sql))"
    default:
        return expression.sql
    }
}
