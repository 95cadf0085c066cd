import SluiceCore

/// Which calls are aggregates, and their bound form with Spark's result types.
enum AggregateBinding {
    private static let functions: [String: AggregateCall.Function] = [
        "count": .count, "count_if": .count, "sum": .sum, "avg": .avg, "mean": .avg, "min": .min, "max": .max,
        "first": .first, "first_value": .first, "any_value": .first, "last": .last, "last_value": .last,
        "collect_list": .collectList, "array_agg": .collectList, "collect_set": .collectList,
        "approx_count_distinct": .approxCountDistinct, "bool_and": .boolAnd, "every": .boolAnd,
        "bool_or": .boolOr, "some": .boolOr, "any": .boolOr,
    ]

    /// The aggregate names, for "did you mean" suggestions.
    static var names: [String] { Array(functions.keys) }

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
        if call.filter != nil {
            throw SQLAnalysisError("FILTER on aggregates is not supported yet", at: location)
        }
        if call.ignoresNulls && function != .first && function != .last {
            throw SQLAnalysisError("IGNORE NULLS applies to first and last, not \(name)", at: location)
        }
        if function == .count, name == "count", call.arguments.count == 1, case .wildcard(nil) = call.arguments[0].kind
        {
            return AggregateCall(function: .countAll, argument: nil, isDistinct: false, resultType: .int64)
        }
        let takesOption = function == .first || function == .last || function == .approxCountDistinct
        guard call.arguments.count == 1 || (takesOption && call.arguments.count == 2) else {
            let expected = takesOption ? "one or two arguments" : "one argument"
            throw SQLAnalysisError("\(name) takes \(expected), not \(call.arguments.count)", at: location)
        }
        let argumentSyntax = call.arguments[0]
        for argument in call.arguments where containsAggregate(argument) {
            throw SQLAnalysisError("an aggregate cannot contain another aggregate", at: argument.location)
        }
        var input = binder
        var argument = try input.bind(argumentSyntax)
        let type = argument.dataType
        var bound = AggregateCall(
            function: function, argument: argument, isDistinct: call.isDistinct || name == "collect_set",
            resultType: type)
        switch function {
        case .countAll, .count:
            if name == "count_if" {
                // count_if(x) counts the rows where x is true: count(CASE WHEN x THEN true END).
                try requireBoolean(argument, name, at: argumentSyntax.location)
                bound.argument = .caseWhen(
                    [.init(condition: argument, value: .literal(.boolean(true)))], otherwise: nil, type: .boolean)
            }
            bound.resultType = .int64
        case .min, .max:
            break
        case .sum:
            switch type {
            case _ where TypeCoercion.isInteger(type):
                argument = try TypeCoercion.cast(argument, to: .int64)
                bound.resultType = .int64
            case _ where TypeCoercion.isFloat(type):
                argument = try TypeCoercion.cast(argument, to: .float64)
                bound.resultType = .float64
            case .decimal(let precision, let scale):
                bound.resultType = .decimal(precision: min(38, precision + 10), scale: scale)
            default:
                throw SQLAnalysisError("sum needs a numeric argument, not \(type)", at: argumentSyntax.location)
            }
            bound.argument = argument
        case .avg:
            switch type {
            case _ where TypeCoercion.isInteger(type) || TypeCoercion.isFloat(type):
                bound.argument = try TypeCoercion.cast(argument, to: .float64)
                bound.resultType = .float64
            case .decimal(let precision, let scale):
                bound.resultType = .decimal(precision: min(38, precision + 4), scale: min(38, scale + 4))
            default:
                throw SQLAnalysisError("avg needs a numeric argument, not \(type)", at: argumentSyntax.location)
            }
        case .first, .last:
            bound.ignoresNulls = call.ignoresNulls
            if call.arguments.count == 2 {
                guard case .literal(.boolean(let ignoresNulls)) = call.arguments[1].kind else {
                    throw SQLAnalysisError(
                        "\(name)'s second argument (ignoreNulls) must be true or false", at: call.arguments[1].location)
                }
                bound.ignoresNulls = bound.ignoresNulls || ignoresNulls
            }
        case .collectList:
            bound.resultType = .list(Field("element", type, nullable: false))
        case .approxCountDistinct:
            bound.resultType = .int64
            if call.arguments.count == 2 {
                guard case .literal(.number(let number)) = call.arguments[1].kind, let deviation = Double(number.text),
                    deviation > 0, deviation <= 0.39
                else {
                    throw SQLAnalysisError(
                        "approx_count_distinct's relativeSD must be a number constant in (0, 0.39]",
                        at: call.arguments[1].location)
                }
                bound.relativeStandardDeviation = deviation
            }
        case .boolAnd, .boolOr:
            try requireBoolean(argument, name, at: argumentSyntax.location)
        }
        return bound
    }

    private static func requireBoolean(_ argument: BoundExpression, _ name: String, at location: SourceLocation) throws
    {
        guard argument.dataType == .boolean || argument.isNullLiteral else {
            throw SQLAnalysisError("\(name) needs a BOOLEAN argument, not \(argument.dataType)", at: location)
        }
    }
}
