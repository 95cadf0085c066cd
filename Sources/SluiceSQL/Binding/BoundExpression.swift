import SluiceCompute
import SluiceCore

/// An expression with its names resolved and types decided: what the evaluator runs. Operands of an
/// operation always have the types its kernel needs (the binder inserts casts), and `dataType` is the
/// type of the result.
///
/// IN, BETWEEN, COALESCE and ABS are bound to the forms below (OR of equalities, a conjunction,
/// CASE), which keep Spark's null semantics and its lazy evaluation of branches.
public indirect enum BoundExpression: Sendable, Hashable, CustomStringConvertible {
    /// The input column at `index`.
    case column(index: Int, name: String, type: DataType)
    case literal(Scalar)
    /// Unary minus (integers fail on overflow under ANSI).
    case negate(BoundExpression)
    case arithmetic(ArithmeticOperator, BoundExpression, BoundExpression, type: DataType)
    case comparison(SluiceCompute.ComparisonOperator, BoundExpression, BoundExpression)
    case and(BoundExpression, BoundExpression)
    case or(BoundExpression, BoundExpression)
    case not(BoundExpression)
    case isNull(BoundExpression, negated: Bool)
    /// The first branch whose condition is true gives the value; `otherwise` (or null) when none is.
    case caseWhen([CaseBranch], otherwise: BoundExpression?, type: DataType)
    case cast(BoundExpression, to: DataType, mode: ErrorMode)
    case function(ScalarFunction, [BoundExpression], type: DataType)

    /// One `WHEN condition THEN value` of a bound CASE.
    public struct CaseBranch: Sendable, Hashable {
        public var condition: BoundExpression
        public var value: BoundExpression
    }

    /// The type of the expression's value.
    public var dataType: DataType {
        switch self {
        case .column(_, _, let type): return type
        case .literal(let scalar): return scalar.dataType
        case .negate(let operand): return operand.dataType
        case .arithmetic(_, _, _, let type), .caseWhen(_, _, let type), .function(_, _, let type): return type
        case .comparison, .and, .or, .not, .isNull: return .boolean
        case .cast(_, let type, _): return type
        }
    }

    /// The input columns the expression reads.
    var columnIndices: Set<Int> {
        var indices = Set<Int>()
        visit { if case .column(let index, _, _) = $0 { indices.insert(index) } }
        return indices
    }

    /// Calls `body` on this node and every node below it.
    func visit(_ body: (BoundExpression) -> Void) {
        body(self)
        for child in children { child.visit(body) }
    }

    var children: [BoundExpression] {
        switch self {
        case .column, .literal: return []
        case .negate(let operand), .not(let operand), .isNull(let operand, _), .cast(let operand, _, _):
            return [operand]
        case .arithmetic(_, let left, let right, _), .comparison(_, let left, let right), .and(let left, let right),
            .or(let left, let right):
            return [left, right]
        case .caseWhen(let branches, let otherwise, _):
            return branches.flatMap { [$0.condition, $0.value] } + (otherwise.map { [$0] } ?? [])
        case .function(_, let arguments, _): return arguments
        }
    }

    /// The expression with every column index `i` replaced by `mapping[i]` (for a narrower input).
    func remappingColumns(_ mapping: [Int: Int]) -> BoundExpression {
        switch self {
        case .column(let index, let name, let type):
            return .column(index: mapping[index] ?? index, name: name, type: type)
        case .literal: return self
        case .negate(let operand): return .negate(operand.remappingColumns(mapping))
        case .arithmetic(let op, let left, let right, let type):
            return .arithmetic(op, left.remappingColumns(mapping), right.remappingColumns(mapping), type: type)
        case .comparison(let op, let left, let right):
            return .comparison(op, left.remappingColumns(mapping), right.remappingColumns(mapping))
        case .and(let left, let right): return .and(left.remappingColumns(mapping), right.remappingColumns(mapping))
        case .or(let left, let right): return .or(left.remappingColumns(mapping), right.remappingColumns(mapping))
        case .not(let operand): return .not(operand.remappingColumns(mapping))
        case .isNull(let operand, let negated): return .isNull(operand.remappingColumns(mapping), negated: negated)
        case .caseWhen(let branches, let otherwise, let type):
            return .caseWhen(
                branches.map {
                    CaseBranch(
                        condition: $0.condition.remappingColumns(mapping), value: $0.value.remappingColumns(mapping))
                }, otherwise: otherwise?.remappingColumns(mapping), type: type)
        case .cast(let operand, let type, let mode):
            return .cast(operand.remappingColumns(mapping), to: type, mode: mode)
        case .function(let function, let arguments, let type):
            return .function(function, arguments.map { $0.remappingColumns(mapping) }, type: type)
        }
    }

    /// The conjuncts of nested ANDs, in order.
    var conjuncts: [BoundExpression] {
        if case .and(let left, let right) = self { return left.conjuncts + right.conjuncts }
        return [self]
    }

    /// Plan text: `#2:amount * 2`, `CAST(#0:id AS float64)`.
    public var description: String {
        switch self {
        case .column(let index, let name, _): return "\(name)#\(index)"
        case .literal(let scalar): return scalar.description
        case .negate(let operand): return "-(\(operand))"
        case .arithmetic(let op, let left, let right, _): return "(\(left) \(op.rawValue) \(right))"
        case .comparison(let op, let left, let right): return "(\(left) \(op.rawValue) \(right))"
        case .and(let left, let right): return "(\(left) AND \(right))"
        case .or(let left, let right): return "(\(left) OR \(right))"
        case .not(let operand): return "NOT \(operand)"
        case .isNull(let operand, let negated): return "\(operand) IS \(negated ? "NOT " : "")NULL"
        case .caseWhen(let branches, let otherwise, _):
            let whens = branches.map { "WHEN \($0.condition) THEN \($0.value)" }.joined(separator: " ")
            return "CASE \(whens)\(otherwise.map { " ELSE \($0)" } ?? "") END"
        case .cast(let operand, let type, let mode):
            return "\(mode == .ansi ? "CAST" : "TRY_CAST")(\(operand) AS \(type))"
        case .function(let function, let arguments, _):
            return "\(function.rawValue)(\(arguments.map(\.description).joined(separator: ", ")))"
        }
    }
}

/// The scalar functions with kernels of their own (others are bound to existing forms).
public enum ScalarFunction: String, Sendable, Hashable {
    case lower
    case upper
    case length
    /// `round(x, scale)` on doubles, HALF_UP as Spark rounds.
    case round
    /// `concat(a, b, …)` and `a || b`: null when any argument is.
    case concat
    /// `value LIKE pattern`: arguments value, pattern (a constant) and the escape character.
    case like
    /// `value ILIKE pattern`: LIKE on the lower-cased value and pattern.
    case ilike
}
