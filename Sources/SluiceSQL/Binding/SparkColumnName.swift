/// The name Spark gives an unaliased select item, so `--format jsonl` keys match Spark's: operators
/// in parentheses (`(qty * 2)`), `count(*)` as `count(1)`, string literals without quotes, columns by
/// their own name (`o.amount` is `amount`). Forms not listed here use the SQL text.
enum SparkColumnName {
    static func of(_ expression: Expression) -> String {
        switch expression.kind {
        case .column(let name):
            return name.parts.last?.name ?? expression.sql
        case .literal(.string(let text)):
            return text
        case .literal(.number(let number)):
            return number.text
        case .literal:
            return expression.sql
        case .binary(let op, let left, let right):
            let symbol = op == .integerDivide ? "div" : op.rawValue
            return "(\(of(left)) \(symbol) \(of(right)))"
        case .unary(.negate, let operand):
            return "(- \(of(operand)))"
        case .unary(.not, let operand):
            return "(NOT \(of(operand)))"
        case .unary(_, let operand):
            return of(operand)
        case .isNull(let operand, let negated):
            return "(\(of(operand)) IS \(negated ? "NOT " : "")NULL)"
        case .inList(let value, let list, let negated):
            let inList = "(\(of(value)) IN (\(list.map(of).joined(separator: ", "))))"
            return negated ? "(NOT \(inList))" : inList
        case .cast(let operand, let type, let isTry):
            return "\(isTry ? "TRY_CAST" : "CAST")(\(of(operand)) AS \(type.sql.uppercased()))"
        case .function(let call) where call.over == nil:
            let name = call.name.parts.map(\.name).joined(separator: ".").lowercased()
            if name == "count", call.arguments.count == 1, case .wildcard(nil) = call.arguments[0].kind {
                return "count(1)"
            }
            // Spark names the default pattern it fills in (`from_unixtime(0, yyyy-MM-dd HH:mm:ss)`).
            if ["unix_timestamp", "to_unix_timestamp", "from_unixtime"].contains(name), call.arguments.count == 1 {
                return "\(name)(\(of(call.arguments[0])), \(SparkDateTimePattern.defaultTimestamp))"
            }
            return "\(name)(\(call.isDistinct ? "DISTINCT " : "")\(call.arguments.map(of).joined(separator: ", ")))"
        case .case(let caseExpression):
            var text = "CASE"
            if let operand = caseExpression.operand { text += " \(of(operand))" }
            for branch in caseExpression.branches { text += " WHEN \(of(branch.when)) THEN \(of(branch.then))" }
            if let otherwise = caseExpression.otherwise { text += " ELSE \(of(otherwise))" }
            return text + " END"
        default:
            return expression.sql
        }
    }
}
