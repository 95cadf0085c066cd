import SluiceCompute
import SluiceCore

/// The scalar functions the engine knows so far. Functions that are special cases of CASE are bound
/// to it: `coalesce(a, b)` (and `nvl`, `ifnull`) is `CASE WHEN a IS NOT NULL THEN a ELSE b END`
/// (evaluating `b` only where it is needed, as Spark does), `nullif(a, b)` is `CASE WHEN a = b THEN
/// NULL ELSE a END`, `if(c, a, b)` is `CASE WHEN c THEN a ELSE b END`, `abs(x)` is `CASE WHEN x < 0 THEN -x ELSE x END` (failing on the
/// minimum integer under ANSI, as Spark's abs does).
enum FunctionBinding {
    static let names =
        [
            "coalesce", "nvl", "ifnull", "nullif", "if", "concat", "lower", "upper", "length", "abs", "round",
        ] + StringFunctionBinding.names + MathFunctionBinding.names + DateFunctionBinding.names
        + ArrayFunctionBinding.names

    static func bind(_ call: FunctionCall, at location: SourceLocation, binder: inout ExpressionBinder) throws
        -> BoundExpression
    {
        let name = call.name.parts.map(\.name).joined(separator: ".").lowercased()
        // Named before its arguments are bound, so a misspelt function is not reported as, say, an
        // ungrouped column in its arguments.
        guard names.contains(name) else {
            let suggestion = ClosestMatch.suggestion(for: name, among: names + AggregateBinding.names)
            throw SQLAnalysisError(
                "unknown function \(name)" + (suggestion.map { " (did you mean \($0)?)" } ?? ""), at: location)
        }
        let arguments = try call.arguments.map { try binder.bind($0) }
        func expectArguments(_ range: ClosedRange<Int>) throws {
            guard range.contains(arguments.count) else {
                let expected = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
                throw SQLAnalysisError("\(name) takes \(expected) arguments, not \(arguments.count)", at: location)
            }
        }
        switch name {
        case "coalesce":
            guard let last = arguments.last else { throw SQLAnalysisError("coalesce needs arguments", at: location) }
            let leading = arguments.dropLast()
            return try binder.makeCase(
                conditions: leading.map { .isNull($0, negated: true) }, values: Array(leading), otherwise: last,
                at: location)
        case "nvl", "ifnull":
            try expectArguments(2...2)
            return try binder.makeCase(
                conditions: [.isNull(arguments[0], negated: true)], values: [arguments[0]], otherwise: arguments[1],
                at: location)
        case "nullif":
            try expectArguments(2...2)
            let equal = try binder.comparison(.equal, arguments[0], arguments[1], at: location)
            return try binder.makeCase(
                conditions: [equal], values: [.literal(.null(arguments[0].dataType))], otherwise: arguments[0],
                at: location)
        case "if":
            try expectArguments(3...3)
            guard arguments[0].dataType == .boolean || arguments[0].isNullLiteral else {
                throw SQLAnalysisError("if needs a BOOLEAN condition, not \(arguments[0].dataType)", at: location)
            }
            return try binder.makeCase(
                conditions: [arguments[0]], values: [arguments[1]], otherwise: arguments[2], at: location)
        case "concat":
            return .function(.concat, try arguments.map { try TypeCoercion.cast($0, to: .string) }, type: .string)
        case "lower", "upper", "length":
            try expectArguments(1...1)
            let argument = try TypeCoercion.cast(arguments[0], to: .string)
            guard let function = ScalarFunction(rawValue: name) else { break }
            return .function(function, [argument], type: function == .length ? .int32 : .string)
        case "abs":
            try expectArguments(1...1)
            let value = arguments[0]
            guard TypeCoercion.isNumeric(value.dataType) else {
                throw SQLAnalysisError("abs needs a numeric argument, not \(value.dataType)", at: location)
            }
            let zero = try TypeCoercion.cast(.literal(.int32(0)), to: value.dataType)
            return .caseWhen(
                [.init(condition: .comparison(.less, value, zero), value: .negate(value))], otherwise: value,
                type: value.dataType)
        case "round":
            try expectArguments(1...2)
            return try round(arguments, at: location)
        default:
            if let bound = try StringFunctionBinding.bind(name, arguments, at: location) { return bound }
            if let bound = try MathFunctionBinding.bind(name, arguments, at: location, binder: binder) { return bound }
            if let bound = try DateFunctionBinding.bind(name, arguments, at: location) { return bound }
            if let bound = try ArrayFunctionBinding.bind(name, arguments, at: location) { return bound }
        }
        throw SQLAnalysisError("\(name) is listed but has no binding", at: location)
    }

    /// `round(x[, scale])`: HALF_UP. Decimals round by a cast to the narrower scale (Spark's type
    /// `decimal(p - s + scale + 1, scale)`); integers with a scale ≥ 0 are unchanged.
    private static func round(_ arguments: [BoundExpression], at location: SourceLocation) throws -> BoundExpression {
        var scale = 0
        if arguments.count == 2 {
            guard case .literal(let literal) = arguments[1], case .integer(let value)? = literal.payload,
                TypeCoercion.isInteger(literal.dataType)
            else {
                throw SQLAnalysisError("round needs an integer constant as its scale", at: location)
            }
            scale = Int(value)
        }
        let value = arguments[0]
        switch value.dataType {
        case _ where TypeCoercion.isInteger(value.dataType) && scale >= 0:
            return value
        case .decimal(let precision, let valueScale):
            guard scale >= 0 else {
                let target = MathKernels.roundedDecimalType(precision: precision, scale: valueScale, to: scale)
                return .function(.decimalRound, [value, .literal(.int32(Int32(clamping: scale)))], type: target)
            }
            if scale >= valueScale { return value }
            let target = DataType.decimal(precision: min(38, precision - valueScale + scale + 1), scale: scale)
            return .cast(value, to: target, mode: .ansi)
        case .float32, .float64:
            let double = try TypeCoercion.cast(value, to: .float64)
            return .function(.round, [double, .literal(.int32(Int32(clamping: scale)))], type: .float64)
        default:
            break
        }
        throw SQLAnalysisError("round of \(value.dataType) with scale \(scale) is not supported yet", at: location)
    }
}
