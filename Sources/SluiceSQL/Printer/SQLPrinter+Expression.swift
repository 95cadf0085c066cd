extension SQLPrinter {
    static func expression(_ expression: Expression) -> String {
        switch expression.kind {
        case .literal(let literal):
            return self.literal(literal)
        case .column(let name):
            return self.name(name)
        case .wildcard(let qualifier):
            return qualifier.map { self.name($0) + ".*" } ?? "*"
        case .field(let base, let field):
            // A bare name before the dot would read back as one longer column name.
            let needsParentheses: Bool
            if case .column = base.kind {
                needsParentheses = true
            } else {
                needsParentheses = base.precedence < .primary
            }
            let rendered = self.expression(base)
            return (needsParentheses ? "(\(rendered))" : rendered) + "." + identifier(field.name)
        case .subscript(let base, let index):
            return operand(base, .primary) + "[" + self.expression(index) + "]"
        case .unary(.not, let operand):
            return "NOT " + self.operand(operand, .not)
        case .unary(let op, let operand):
            // `- -x` must not print as `--x`, which starts a comment.
            if case .unary = operand.kind { return op.rawValue + "(" + self.expression(operand) + ")" }
            return op.rawValue + self.operand(operand, .unary)
        case .binary(let op, let left, let right):
            let tighter = ExpressionPrecedence(rawValue: op.precedence.rawValue + 1) ?? .primary
            return operand(left, op.precedence) + " " + op.rawValue + " " + operand(right, tighter)
        case .isNull(let value, let negated):
            return operand(value, .comparison) + (negated ? " IS NOT NULL" : " IS NULL")
        case .isBoolean(let value, let truth, let negated):
            let word = truth.map { $0 ? "TRUE" : "FALSE" } ?? "UNKNOWN"
            return operand(value, .comparison) + (negated ? " IS NOT " : " IS ") + word
        case .inList(let value, let list, let negated):
            let items = list.map(self.expression).joined(separator: ", ")
            return operand(value, .comparison) + (negated ? " NOT IN (" : " IN (") + items + ")"
        case .inSubquery(let value, let query, let negated):
            return operand(value, .comparison) + (negated ? " NOT IN (" : " IN (") + self.query(query) + ")"
        case .between(let value, let low, let high, let negated):
            return operand(value, .comparison) + (negated ? " NOT BETWEEN " : " BETWEEN ") + operand(low, .comparison)
                + " AND " + operand(high, .comparison)
        case .pattern(let match):
            var text =
                operand(match.value, .comparison) + (match.negated ? " NOT " : " ") + match.op.rawValue + " "
                + operand(match.pattern, .comparison)
            if let escape = match.escape { text += " ESCAPE " + string(escape) }
            return text
        case .case(let caseExpression):
            var text = "CASE"
            if let operand = caseExpression.operand { text += " " + self.expression(operand) }
            for branch in caseExpression.branches {
                text += " WHEN " + self.expression(branch.when) + " THEN " + self.expression(branch.then)
            }
            if let otherwise = caseExpression.otherwise { text += " ELSE " + self.expression(otherwise) }
            return text + " END"
        case .cast(let value, let type, let isTry):
            return (isTry ? "TRY_CAST(" : "CAST(") + self.expression(value) + " AS " + self.type(type) + ")"
        case .exists(let query):
            return "EXISTS (" + self.query(query) + ")"
        case .subquery(let query):
            return "(" + self.query(query) + ")"
        case .function(let call):
            return function(call)
        }
    }

    /// An operand, in parentheses when it binds more loosely than its position requires.
    private static func operand(_ expression: Expression, _ minimum: ExpressionPrecedence) -> String {
        let rendered = self.expression(expression)
        return expression.precedence >= minimum ? rendered : "(" + rendered + ")"
    }

    private static func function(_ call: FunctionCall) -> String {
        var text = functionName(call.name) + "(" + (call.isDistinct ? "DISTINCT " : "")
        text += call.arguments.map(expression).joined(separator: ", ") + ")"
        if let filter = call.filter { text += " FILTER (WHERE " + expression(filter) + ")" }
        if call.ignoresNulls { text += " IGNORE NULLS" }
        switch call.over {
        case .none: break
        case .named(let name): text += " OVER " + identifier(name.name)
        case .specification(let specification): text += " OVER " + window(specification)
        }
        return text
    }

    static func window(_ specification: WindowSpecification) -> String {
        var clauses: [String] = []
        if !specification.partitionBy.isEmpty {
            clauses.append("PARTITION BY " + specification.partitionBy.map(expression).joined(separator: ", "))
        }
        if !specification.orderBy.isEmpty {
            clauses.append("ORDER BY " + orderItems(specification.orderBy))
        }
        if let frame = specification.frame {
            clauses.append(
                frame.units.rawValue + " BETWEEN " + frameBound(frame.start) + " AND " + frameBound(frame.end))
        }
        return "(" + clauses.joined(separator: " ") + ")"
    }

    private static func frameBound(_ bound: FrameBound) -> String {
        switch bound {
        case .unboundedPreceding: return "UNBOUNDED PRECEDING"
        case .preceding(let offset): return operand(offset, .comparison) + " PRECEDING"
        case .currentRow: return "CURRENT ROW"
        case .following(let offset): return operand(offset, .comparison) + " FOLLOWING"
        case .unboundedFollowing: return "UNBOUNDED FOLLOWING"
        }
    }

    static func orderItems(_ items: [OrderItem]) -> String {
        items.map { item in
            var text = expression(item.expression)
            if let direction = item.direction { text += " " + direction.rawValue }
            if let nulls = item.nulls { text += " " + nulls.rawValue }
            return text
        }.joined(separator: ", ")
    }
}

extension Expression {
    /// The expression as canonical Spark SQL (see `Query.sql`).
    public var sql: String { SQLPrinter.expression(self) }
}
