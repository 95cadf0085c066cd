/// A binary arithmetic operator of Spark SQL.
public enum ArithmeticOperator: String, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    /// `/`: integers and floats give a double, decimals a decimal.
    case divide = "/"
    /// `div`: integral division of integers, giving a bigint.
    case integralDivide = "div"
    /// `%`: the remainder, with the sign of the dividend.
    case remainder = "%"
    /// `pmod`: the remainder made non-negative for a positive divisor.
    case positiveModulo = "pmod"

    /// The `try_` function Spark suggests in its overflow message.
    var tryFunction: String {
        switch self {
        case .add: return "try_add"
        case .subtract: return "try_subtract"
        case .multiply: return "try_multiply"
        case .divide, .integralDivide: return "try_divide"
        case .remainder, .positiveModulo: return "try_mod"
        }
    }
}
