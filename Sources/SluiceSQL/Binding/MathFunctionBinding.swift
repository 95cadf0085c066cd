import SluiceCompute
import SluiceCore

/// Spark's math functions with Spark's result types: the transcendental functions compute in
/// doubles; floor and ceil give bigints for doubles and integers and scale-0 decimals for decimals;
/// `mod` is `%`, `pmod` the non-negative remainder; greatest and least keep their arguments' common type.
enum MathFunctionBinding {
    static let names = [
        "floor", "ceil", "ceiling", "pow", "power", "sqrt", "sign", "signum", "ln", "log", "log10", "log2", "exp",
        "mod", "pmod", "greatest", "least", "isnan",
    ]

    /// The bound call, or nil when `name` is not a math function.
    static func bind(
        _ name: String, _ arguments: [BoundExpression], at location: SourceLocation, binder: ExpressionBinder
    ) throws -> BoundExpression? {
        func arity(_ range: ClosedRange<Int>) throws { try FunctionArity.check(name, arguments, range, at: location) }
        func doubles() throws -> [BoundExpression] {
            try arguments.map { try double($0, of: name, at: location) }
        }
        switch name {
        case "floor", "ceil", "ceiling":
            try arity(1...1)
            return try round(arguments[0], up: name != "floor", name: name, at: location)
        case "pow", "power":
            try arity(2...2)
            return .function(.pow, try doubles(), type: .float64)
        case "sqrt", "sign", "signum", "ln", "log10", "log2", "exp":
            try arity(1...1)
            let function: ScalarFunction = name == "sign" ? .signum : ScalarFunction(rawValue: name) ?? .ln
            return .function(function, try doubles(), type: .float64)
        case "log":
            try arity(1...2)
            return .function(arguments.count == 1 ? .ln : .log, try doubles(), type: .float64)
        case "mod":
            try arity(2...2)
            return try binder.arithmetic(.remainder, arguments[0], arguments[1], at: location)
        case "pmod":
            try arity(2...2)
            return try positiveRemainder(arguments[0], arguments[1], at: location, binder: binder)
        case "isnan":
            // NaN equals NaN in Spark's comparisons; a null is not NaN.
            try arity(1...1)
            let isNaN = try binder.comparison(.equal, try doubles()[0], .literal(.float64(.nan)), at: location)
            return .caseWhen(
                [.init(condition: isNaN, value: .literal(.boolean(true)))], otherwise: .literal(.boolean(false)),
                type: .boolean)
        case "greatest", "least":
            try FunctionArity.check(name, arguments, atLeast: 2, at: location)
            return try extreme(name == "greatest" ? .greatest : .least, arguments, at: location)
        default:
            return nil
        }
    }

    /// A numeric argument as a double.
    private static func double(_ argument: BoundExpression, of name: String, at location: SourceLocation) throws
        -> BoundExpression
    {
        guard argument.isNullLiteral || TypeCoercion.isNumeric(argument.dataType) else {
            throw SQLAnalysisError("\(name) needs a numeric argument, not \(argument.dataType)", at: location)
        }
        return try TypeCoercion.cast(argument, to: .float64)
    }

    /// floor or ceil: integers are already whole (as bigints), a decimal goes to `decimal(p - s + 1, 0)`,
    /// anything else through a double to a bigint.
    private static func round(_ value: BoundExpression, up: Bool, name: String, at location: SourceLocation) throws
        -> BoundExpression
    {
        let function: ScalarFunction = up ? .ceil : .floor
        switch value.dataType {
        case _ where value.isNullLiteral:
            return .literal(.null(.int64))
        case _ where TypeCoercion.isInteger(value.dataType):
            return try TypeCoercion.cast(value, to: .int64)
        case .decimal(_, 0):
            return value
        case .decimal(let precision, let scale):
            return .function(function, [value], type: .decimal(precision: min(38, precision - scale + 1), scale: 0))
        default:
            return .function(function, [try double(value, of: name, at: location)], type: .int64)
        }
    }

    /// `pmod(a, n)`: `a % n`, plus `n` (and `% n` again) when negative, in the type of `a % n`.
    private static func positiveRemainder(
        _ value: BoundExpression, _ divisor: BoundExpression, at location: SourceLocation, binder: ExpressionBinder
    ) throws -> BoundExpression {
        let remainder = try binder.arithmetic(.remainder, value, divisor, at: location)
        let shifted = try binder.arithmetic(
            .remainder, try binder.arithmetic(.add, remainder, divisor, at: location), divisor, at: location)
        let negative = try binder.comparison(.less, remainder, .literal(.int32(0)), at: location)
        return .caseWhen(
            [.init(condition: negative, value: try TypeCoercion.cast(shifted, to: remainder.dataType))],
            otherwise: remainder, type: remainder.dataType)
    }

    /// greatest or least over the arguments cast to their common type (nulls are skipped at run time).
    private static func extreme(_ function: ScalarFunction, _ arguments: [BoundExpression], at location: SourceLocation)
        throws -> BoundExpression
    {
        let common = try TypeCoercion.commonType(of: arguments) {
            SQLAnalysisError("\(function.rawValue) cannot compare \($0) and \($1)", at: location)
        }
        guard let common else { return .literal(.null(.int32)) }
        return .function(function, try arguments.map { try TypeCoercion.cast($0, to: common) }, type: common)
    }
}
