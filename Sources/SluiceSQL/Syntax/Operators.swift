/// Prefix operators.
public enum UnaryOperator: String, Sendable, Hashable {
    case not = "NOT"
    case negate = "-"
    case plus = "+"
    case bitwiseNot = "~"
}

/// Infix operators, with Spark's binding strength (higher binds tighter).
public enum BinaryOperator: String, Sendable, Hashable {
    case or = "OR"
    case and = "AND"
    case equal = "="
    /// `<=>`: equal, with NULL equal to NULL.
    case nullSafeEqual = "<=>"
    /// `<>` and `!=`.
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case bitwiseOr = "|"
    case bitwiseXor = "^"
    case bitwiseAnd = "&"
    case add = "+"
    case subtract = "-"
    /// `||`: string (or array) concatenation.
    case concat = "||"
    case multiply = "*"
    /// `/`: always a fractional result in Spark.
    case divide = "/"
    case modulo = "%"
    /// `DIV`: integral division.
    case integerDivide = "DIV"

    /// Spark's precedence; the printer uses the same table to decide where parentheses go.
    public var precedence: ExpressionPrecedence {
        switch self {
        case .or: return .or
        case .and: return .and
        case .equal, .nullSafeEqual, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return .comparison
        case .bitwiseOr: return .bitwiseOr
        case .bitwiseXor: return .bitwiseXor
        case .bitwiseAnd: return .bitwiseAnd
        case .add, .subtract, .concat: return .additive
        case .multiply, .divide, .modulo, .integerDivide: return .multiplicative
        }
    }
}

/// How tightly an expression form binds, loosest first. `a = 1 IS NULL` is `(a = 1) IS NULL` in
/// Spark: the predicates (IS, IN, BETWEEN, LIKE) apply to a whole comparison.
public enum ExpressionPrecedence: Int, Sendable, Comparable {
    case or = 1
    case and
    case not
    case predicate
    case comparison
    case bitwiseOr
    case bitwiseXor
    case bitwiseAnd
    case additive
    case multiplicative
    case unary
    case primary

    public static func < (lhs: ExpressionPrecedence, rhs: ExpressionPrecedence) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// `LIKE`, `ILIKE` (case-insensitive) and `RLIKE`/`REGEXP` (Java regular expressions).
public enum PatternOperator: String, Sendable, Hashable {
    case like = "LIKE"
    case ilike = "ILIKE"
    case rlike = "RLIKE"
}
