import SluiceCore

/// Which calls are aggregates, and their bound form with Spark's result types.
enum AggregateBinding {
    private static let functions: [String: AggregateCall.Function] = [
        "count": .count, "sum": .sum, "avg": .avg, "mean": .avg, "min": .min, "max": .max,
    ]

    static func isAggregate(_ call: FunctionCall) -> Bool {
        call.over == nil && call.name.parts.count == 1 && functions[call.name.parts[0].name.lowercased()] != nil
    }

    /// Whether an aggregate call appears anywhere in `expression`.
    static func containsAggregate(_ expression: Expression) -> Bool {
        firstAggregate(in: expression) != nil
    }

    /// The first aggregate call in `expression`, for errors that point at it.
    static func firstAggregate(in expression: Expression) -> Expression? {
        let children: [Expression]
        switch expression.kind {
        case .function(let call):
            if isAggregate(call) { return expression }
            children = call.arguments
        case .literal, .column, .wildcard, .exists, .subquery, .inSubquery:
            children = []
        case .field(let operand, _), .unary(_, let operand), .isNull(let operand, _), .isBoolean(let operand, _, _),
            .cast(let operand, _, _):
            children = [operand]
        case .subscript(let left, let right), .binary(_, let left, let right):
            children = [left, right]
        case .inList(let value, let list, _):
            children = [value] + list
        case .between(let value, let low, let high, _):
            children = [value, low, high]
        case .pattern(let match):
            children = [match.value, match.pattern]
        case .case(let caseExpression):
            children =
                (caseExpression.operand.map { [$0] } ?? []) + caseExpression.branches.flatMap { [$0.when, $0.then] }
                + (caseExpression.otherwise.map { [$0] } ?? [])
        }
        for child in children {
            if let found = firstAggregate(in: child) { return found }
        }
        return nil
    }

    static func bind(_ call: FunctionCall, at location: SourceLocation, binder: ExpressionBinder) throws
        -> AggregateCall
    {
        let name = call.name.parts[0].name.lowercased()
        guard let function = functions[name] else { throw SQLAnalysisError("unknown aggregate \(name)", at: location) }
        if call.filter != nil || call.ignoresNulls {
            throw SQLAnalysisError("FILTER and IGNORE NULLS on aggregates are not supported yet", at: location)
        }
        if function == .count, call.arguments.count == 1, case .wildcard(nil) = call.arguments[0].kind {
            return AggregateCall(function: .countAll, argument: nil, isDistinct: false, resultType: .int64)
        }
        guard call.arguments.count == 1 else {
            throw SQLAnalysisError("\(name) takes one argument, not \(call.arguments.count)", at: location)
        }
        let argumentSyntax = call.arguments[0]
        if containsAggregate(argumentSyntax) {
            throw SQLAnalysisError("an aggregate cannot contain another aggregate", at: argumentSyntax.location)
        }
        var input = binder
        var argument = try input.bind(argumentSyntax)
        let type = argument.dataType
        let resultType: DataType
        switch function {
        case .countAll, .count:
            resultType = .int64
        case .min, .max:
            resultType = type
        case .sum:
            switch type {
            case _ where TypeCoercion.isInteger(type):
                argument = try TypeCoercion.cast(argument, to: .int64)
                resultType = .int64
            case _ where TypeCoercion.isFloat(type):
                argument = try TypeCoercion.cast(argument, to: .float64)
                resultType = .float64
            case .decimal(let precision, let scale):
                resultType = .decimal(precision: min(38, precision + 10), scale: scale)
            default:
                throw SQLAnalysisError("sum needs a numeric argument, not \(type)", at: argumentSyntax.location)
            }
        case .avg:
            switch type {
            case _ where TypeCoercion.isInteger(type) || TypeCoercion.isFloat(type):
                argument = try TypeCoercion.cast(argument, to: .float64)
                resultType = .float64
            case .decimal(let precision, let scale):
                resultType = .decimal(precision: min(38, precision + 4), scale: min(38, scale + 4))
            default:
                throw SQLAnalysisError("avg needs a numeric argument, not \(type)", at: argumentSyntax.location)
            }
        }
        return AggregateCall(
            function: function, argument: argument, isDistinct: call.isDistinct, resultType: resultType)
    }
}
