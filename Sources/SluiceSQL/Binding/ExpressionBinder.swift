import SluiceCompute
import SluiceCore

/// Binds syntax expressions against a scope: resolves names, decides types, inserts Spark's implicit
/// casts. In aggregation mode (`groups` set) expressions are bound over the aggregate's output: a
/// GROUP BY expression becomes a reference to its group column and each aggregate call is collected
/// into `aggregates` and referenced by its column.
struct ExpressionBinder {
    let scope: Scope
    /// The bound GROUP BY expressions (over `scope`), when binding above an aggregate.
    var groups: [NamedExpression]?
    /// The aggregates found so far, in order; their columns follow the group columns.
    var aggregates: [NamedAggregate] = []
    /// Select-list aliases (lower-cased) that HAVING may name when no input column has the name,
    /// bound over the aggregate's output.
    var aliases: [String: BoundExpression] = [:]
    /// The window functions bound so far, where they are allowed (SELECT and ORDER BY); nil elsewhere.
    var windows: WindowCollector?
    /// Where subqueries met here are planned (as joins below the node that uses the scope); nil where
    /// they are not supported.
    var subqueries: SubqueryCollector?

    init(scope: Scope, groups: [NamedExpression]? = nil) {
        self.scope = scope
        self.groups = groups
    }

    /// The binder for arguments of aggregates and GROUP BY expressions: the input's columns.
    var inputBinder: ExpressionBinder {
        var binder = ExpressionBinder(scope: scope)
        binder.subqueries = subqueries
        return binder
    }

    mutating func bind(_ expression: Expression) throws -> BoundExpression {
        if case .function(let call) = expression.kind, call.over != nil {
            return try bindWindowCall(call, at: expression.location)
        }
        if let groups {
            if case .function(let call) = expression.kind, AggregateBinding.isAggregate(call) {
                return try bindAggregate(call, at: expression.location)
            }
            var input = inputBinder
            // An expression naming an alias fails over the input; its parts are bound one by one below.
            if !AggregateBinding.containsAggregate(expression), let bound = try? input.bind(expression) {
                if let index = groups.firstIndex(where: { $0.expression == bound }) {
                    return .column(index: index, name: groups[index].name, type: bound.dataType)
                }
                if bound.columnIndices.isEmpty { return bound }
                if case .column = expression.kind {
                    throw SQLAnalysisError(
                        "column \"\(expression.sql)\" must appear in GROUP BY or be inside an aggregate function",
                        at: expression.location)
                }
            }
        }
        return try bindStructure(expression)
    }

    private mutating func bindAggregate(_ call: FunctionCall, at location: SourceLocation) throws -> BoundExpression {
        let groupCount = groups?.count ?? 0
        let aggregate = try AggregateBinding.bind(call, at: location, binder: inputBinder)
        let name = SparkColumnName.of(Expression(kind: .function(call), location: location))
        if let existing = aggregates.firstIndex(where: { $0.call == aggregate }) {
            return .column(index: groupCount + existing, name: aggregates[existing].name, type: aggregate.resultType)
        }
        aggregates.append(NamedAggregate(name: name, call: aggregate))
        return .column(index: groupCount + aggregates.count - 1, name: name, type: aggregate.resultType)
    }

    private mutating func bindStructure(_ expression: Expression) throws -> BoundExpression {
        let location = expression.location
        switch expression.kind {
        case .literal(let literal):
            return .literal(try LiteralBinding.scalar(literal, at: location))
        case .column(let name):
            if groups != nil, name.parts.count == 1, let alias = aliases[name.parts[0].name.lowercased()],
                (try? scope.resolve(name)) == nil
            {
                return alias
            }
            let index = try scope.resolve(name)
            let column = scope.columns[index]
            return .column(index: index, name: column.name, type: column.type)
        case .unary(.not, let operand):
            return .not(try bindBoolean(operand, "NOT"))
        case .unary(.negate, let operand):
            let bound = try bind(operand)
            guard TypeCoercion.isNumeric(bound.dataType) else {
                throw SQLAnalysisError("cannot negate a value of type \(bound.dataType)", at: location)
            }
            if case .literal(let scalar) = bound, !scalar.isNull {
                return .literal(try Scalar(negate(scalar.makeArray(count: 1)), at: 0))
            }
            return .negate(bound)
        case .unary(.plus, let operand):
            return try bind(operand)
        case .binary(let op, let left, let right):
            return try bindBinary(op, left, right, at: location)
        case .isNull(let operand, let negated):
            return .isNull(try bind(operand), negated: negated)
        case .inList(let value, let list, let negated):
            let bound = try bind(value)
            var disjunction: BoundExpression?
            for item in list {
                let equal = try comparison(.equal, bound, try bind(item), at: item.location)
                disjunction = disjunction.map { .or($0, equal) } ?? equal
            }
            guard let disjunction else { throw SQLAnalysisError("IN needs at least one value", at: location) }
            return negated ? .not(disjunction) : disjunction
        case .between(let value, let low, let high, let negated):
            let bound = try bind(value)
            let range = BoundExpression.and(
                try comparison(.greaterOrEqual, bound, try bind(low), at: low.location),
                try comparison(.lessOrEqual, bound, try bind(high), at: high.location))
            return negated ? .not(range) : range
        case .case(let caseExpression):
            return try bindCase(caseExpression, at: location)
        case .pattern(let match):
            return try bindPattern(match, at: location)
        case .cast(let operand, let type, let isTry):
            let target = try SQLTypeMapping.dataType(type, at: location)
            return .cast(try bind(operand), to: target, mode: isTry ? .nullOnError : .ansi)
        case .function(let call):
            if AggregateBinding.isAggregate(call) {
                throw SQLAnalysisError("aggregate functions are not allowed here", at: location)
            }
            return try FunctionBinding.bind(call, at: location, binder: &self)
        case .wildcard:
            throw SQLAnalysisError("* is allowed only as a select item or in count(*)", at: location)
        case .subquery(let query):
            return try subqueryCollector(at: location).scalar(query, at: location)
        case .exists(let query):
            return try subqueryCollector(at: location).exists(query, at: location)
        case .inSubquery(let value, let query, let negated):
            let collector = try subqueryCollector(at: location)
            return try collector.inSubquery(try bind(value), query, negated: negated, at: location)
        default:
            throw SQLAnalysisError("\(expression.sql) is not supported yet", at: location)
        }
    }

    /// LIKE and ILIKE with a constant pattern (patterns computed per row come later); RLIKE with any.
    private mutating func bindPattern(_ match: PatternMatch, at location: SourceLocation) throws -> BoundExpression {
        let value = try TypeCoercion.cast(try bind(match.value), to: .string)
        if match.op == .rlike {
            let rlike = StringFunctionBinding.rlike(value, try TypeCoercion.cast(try bind(match.pattern), to: .string))
            return match.negated ? .not(rlike) : rlike
        }
        let pattern = try bind(match.pattern)
        guard case .literal(let scalar) = pattern, scalar.dataType == .string || scalar.isNull else {
            throw SQLAnalysisError("LIKE needs a constant string pattern (for now)", at: match.pattern.location)
        }
        let escape = match.escape ?? "\\"
        guard escape.unicodeScalars.count == 1 else {
            throw SQLAnalysisError("the ESCAPE text must be one character", at: location)
        }
        let arguments: [BoundExpression] = [
            value, .literal(scalar.isNull ? .null(.string) : scalar), .literal(.string(escape)),
        ]
        let like = BoundExpression.function(match.op == .ilike ? .ilike : .like, arguments, type: .boolean)
        return match.negated ? .not(like) : like
    }

    mutating func bindBoolean(_ expression: Expression, _ context: String) throws -> BoundExpression {
        let bound = try bind(expression)
        if case .literal(let scalar) = bound, scalar.isNull { return .literal(.null(.boolean)) }
        guard bound.dataType == .boolean else {
            throw SQLAnalysisError("\(context) needs a BOOLEAN operand, not \(bound.dataType)", at: expression.location)
        }
        return bound
    }

    private mutating func bindBinary(
        _ op: BinaryOperator, _ left: Expression, _ right: Expression, at location: SourceLocation
    )
        throws -> BoundExpression
    {
        if let interval = try IntervalBinding.arithmetic(op, left, right, binder: &self, at: location) {
            return interval
        }
        switch op {
        case .and: return .and(try bindBoolean(left, "AND"), try bindBoolean(right, "AND"))
        case .or: return .or(try bindBoolean(left, "OR"), try bindBoolean(right, "OR"))
        case .equal: return try comparison(.equal, try bind(left), try bind(right), at: location)
        case .nullSafeEqual: return try comparison(.nullSafeEqual, try bind(left), try bind(right), at: location)
        case .notEqual: return try comparison(.notEqual, try bind(left), try bind(right), at: location)
        case .less: return try comparison(.less, try bind(left), try bind(right), at: location)
        case .lessOrEqual: return try comparison(.lessOrEqual, try bind(left), try bind(right), at: location)
        case .greater: return try comparison(.greater, try bind(left), try bind(right), at: location)
        case .greaterOrEqual: return try comparison(.greaterOrEqual, try bind(left), try bind(right), at: location)
        case .add: return try arithmetic(.add, try bind(left), try bind(right), at: location)
        case .subtract: return try arithmetic(.subtract, try bind(left), try bind(right), at: location)
        case .multiply: return try arithmetic(.multiply, try bind(left), try bind(right), at: location)
        case .divide: return try arithmetic(.divide, try bind(left), try bind(right), at: location)
        case .modulo: return try arithmetic(.remainder, try bind(left), try bind(right), at: location)
        case .integerDivide: return try arithmetic(.integralDivide, try bind(left), try bind(right), at: location)
        case .concat:
            let operands = try [bind(left), bind(right)].map { try TypeCoercion.cast($0, to: .string) }
            return .function(.concat, operands, type: .string)
        case .bitwiseOr, .bitwiseXor, .bitwiseAnd:
            throw SQLAnalysisError("the operator \(op.rawValue) is not supported yet", at: location)
        }
    }

    /// Both operands cast to their common type; a NULL literal takes the other side's type.
    func coerce(_ left: BoundExpression, _ right: BoundExpression, what: String, at location: SourceLocation) throws
        -> (BoundExpression, BoundExpression)
    {
        if left.isNullLiteral { return (.literal(.null(right.dataType)), right) }
        if right.isNullLiteral { return (left, .literal(.null(left.dataType))) }
        guard let common = TypeCoercion.commonType(left.dataType, right.dataType) else {
            throw SQLAnalysisError("cannot \(what) \(left.dataType) and \(right.dataType)", at: location)
        }
        return (try TypeCoercion.cast(left, to: common), try TypeCoercion.cast(right, to: common))
    }

    func comparison(
        _ op: SluiceCompute.ComparisonOperator, _ left: BoundExpression, _ right: BoundExpression,
        at location: SourceLocation
    ) throws -> BoundExpression {
        // Decimals compare across precisions and scales without a cast.
        if TypeCoercion.isDecimal(left.dataType), TypeCoercion.isDecimal(right.dataType) {
            return .comparison(op, left, right)
        }
        let (left, right) = try coerce(left, right, what: "compare", at: location)
        return .comparison(op, left, right)
    }

    func arithmetic(
        _ op: ArithmeticOperator, _ left: BoundExpression, _ right: BoundExpression, at location: SourceLocation
    )
        throws -> BoundExpression
    {
        if let days = DateFunctionBinding.dayArithmetic(op, left, right) { return days }
        for operand in [left, right] where !operand.isNullLiteral && !TypeCoercion.isNumeric(operand.dataType) {
            throw SQLAnalysisError(
                "cannot compute \(left.dataType) \(op.rawValue) \(right.dataType): \(operand.dataType) is not numeric",
                at: location)
        }
        // Spark types an integer literal next to a decimal by its digits: `amount + 1` adds a DECIMAL(1, 0).
        var (left, right) = (
            TypeCoercion.narrowedLiteral(left, beside: right), TypeCoercion.narrowedLiteral(right, beside: left)
        )
        if let decimals = try TypeCoercion.decimalOperands(left, right) {
            (left, right) = decimals
        } else {
            (left, right) = try coerce(left, right, what: "compute \(op.rawValue) on", at: location)
        }
        // Spark's `/` on integers is a double division.
        if op == .divide, TypeCoercion.isInteger(left.dataType) {
            left = try TypeCoercion.cast(left, to: .float64)
            right = try TypeCoercion.cast(right, to: .float64)
        }
        let type = try TypeCoercion.arithmeticResultType(op, left.dataType, right.dataType)
        return .arithmetic(op, left, right, type: type)
    }

    private mutating func bindCase(_ expression: CaseExpression, at location: SourceLocation) throws -> BoundExpression
    {
        let operand = try expression.operand.map { try bind($0) }
        var conditions: [BoundExpression] = []
        var values: [BoundExpression] = []
        for branch in expression.branches {
            if let operand {
                conditions.append(try comparison(.equal, operand, try bind(branch.when), at: branch.when.location))
            } else {
                conditions.append(try bindBoolean(branch.when, "WHEN"))
            }
            values.append(try bind(branch.then))
        }
        let otherwise = try expression.otherwise.map { try bind($0) }
        return try makeCase(conditions: conditions, values: values, otherwise: otherwise, at: location)
    }

    /// A CASE whose values are cast to their common type.
    func makeCase(
        conditions: [BoundExpression], values: [BoundExpression], otherwise: BoundExpression?,
        at location: SourceLocation
    ) throws -> BoundExpression {
        let all = values + (otherwise.map { [$0] } ?? [])
        let type = try TypeCoercion.commonType(of: all) {
            SQLAnalysisError("the branches have types \($0) and \($1), which do not mix", at: location)
        }
        let resultType = type ?? .int32
        let branches = try zip(conditions, values).map {
            BoundExpression.CaseBranch(condition: $0, value: try TypeCoercion.cast($1, to: resultType))
        }
        return .caseWhen(
            branches, otherwise: try otherwise.map { try TypeCoercion.cast($0, to: resultType) }, type: resultType)
    }
}

extension BoundExpression {
    /// An untyped `NULL` as written, which takes the type its context needs.
    var isNullLiteral: Bool {
        if case .literal(let scalar) = self, scalar.isNull { return true }
        return false
    }
}
