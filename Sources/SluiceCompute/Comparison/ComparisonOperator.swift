/// A SQL comparison. All but `nullSafeEqual` give null when either side is null; `nullSafeEqual`
/// (`<=>`) is true for two nulls and false for one.
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case nullSafeEqual = "<=>"

    /// The operator with its operands swapped (`a < b` is `b > a`).
    var flipped: ComparisonOperator {
        switch self {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        case .equal, .notEqual, .nullSafeEqual: return self
        }
    }

    /// The outcome from an order: `order` is negative, zero or positive as left <, =, > right.
    @inline(__always)
    func holds(order: Int) -> Bool {
        switch self {
        case .equal, .nullSafeEqual: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}
