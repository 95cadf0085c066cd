extension SQLPrinter {
    static func query(_ query: Query) -> String {
        var text = ""
        if !query.with.isEmpty {
            text += "WITH " + query.with.map(commonTableExpression).joined(separator: ", ") + " "
        }
        text += body(query.body)
        if !query.orderBy.isEmpty { text += " ORDER BY " + orderItems(query.orderBy) }
        if let limit = query.limit { text += " LIMIT " + expression(limit) }
        if let offset = query.offset { text += " OFFSET " + expression(offset) }
        return text
    }

    private static func commonTableExpression(_ cte: CommonTableExpression) -> String {
        identifier(cte.name.name) + columnList(cte.columns) + " AS (" + query(cte.query) + ")"
    }

    private static func columnList(_ columns: [Identifier]) -> String {
        columns.isEmpty ? "" : "(" + columns.map { identifier($0.name) }.joined(separator: ", ") + ")"
    }

    static func body(_ body: QueryBody) -> String {
        switch body {
        case .select(let select):
            return self.select(select)
        case .values(let table):
            return values(table)
        case .nested(let query):
            return "(" + self.query(query) + ")"
        case .setOperation(let operation):
            let precedence = Parser.precedence(of: operation.op)
            return setOperand(operation.left, minimum: precedence) + " " + operation.op.rawValue
                + (operation.isAll ? " ALL " : " ") + setOperand(operation.right, minimum: precedence + 1)
        }
    }

    private static func setOperand(_ operand: QueryBody, minimum: Int) -> String {
        if case .setOperation(let inner) = operand, Parser.precedence(of: inner.op) < minimum {
            return "(" + body(operand) + ")"
        }
        return body(operand)
    }

    private static func values(_ table: InlineTable) -> String {
        "VALUES " + table.rows.map { "(" + $0.map(expression).joined(separator: ", ") + ")" }.joined(separator: ", ")
    }

    private static func select(_ select: Select) -> String {
        var text = select.isDistinct ? "SELECT DISTINCT " : "SELECT "
        text += select.items.map { item in
            expression(item.expression) + (item.alias.map { " AS " + identifier($0.name) } ?? "")
        }.joined(separator: ", ")
        if !select.from.isEmpty { text += " FROM " + select.from.map(tableReference).joined(separator: ", ") }
        if let filter = select.filter { text += " WHERE " + expression(filter) }
        if !select.groupBy.isEmpty { text += " GROUP BY " + select.groupBy.map(expression).joined(separator: ", ") }
        if let having = select.having { text += " HAVING " + expression(having) }
        if !select.windows.isEmpty {
            text +=
                " WINDOW "
                + select.windows.map { identifier($0.name.name) + " AS " + window($0.specification) }
                .joined(separator: ", ")
        }
        return text
    }

    static func tableReference(_ reference: TableReference) -> String {
        switch reference {
        case .table(let table):
            return name(table.name) + alias(table.alias)
        case .subquery(let derived):
            return "(" + query(derived.query) + ")" + alias(derived.alias)
        case .values(let table, let tableAlias):
            return values(table) + alias(tableAlias)
        case .join(let join):
            var right = tableReference(join.right)
            if case .join = join.right { right = "(" + right + ")" }
            var text = tableReference(join.left) + " " + join.kind.rawValue + " " + right
            switch join.condition {
            case .none: break
            case .on(let condition): text += " ON " + expression(condition)
            case .using(let columns): text += " USING " + columnList(columns)
            }
            return text
        }
    }

    private static func alias(_ alias: TableAlias?) -> String {
        guard let alias else { return "" }
        return " AS " + identifier(alias.name.name) + columnList(alias.columns)
    }
}

extension Query {
    /// The query as canonical Spark SQL on one line; parsing it gives back an equal `Query`.
    public var sql: String { SQLPrinter.query(self) }
}

extension TableReference {
    /// The FROM entry as Spark SQL.
    public var sql: String { SQLPrinter.tableReference(self) }
}
