extension Parser {
    /// `[WITH …] body [ORDER BY …] [LIMIT n]`.
    mutating func parseQuery() throws(SQLSyntaxError) -> Query {
        try descend()
        defer { depth -= 1 }
        let location = current.location
        var ctes: [CommonTableExpression] = []
        if accept(.with) {
            repeat {
                ctes.append(try parseCommonTableExpression())
            } while accept(.comma)
        }
        let body = try parseSetExpression(minimumPrecedence: 1)
        var orderBy: [OrderItem] = []
        if at(.order) {
            advance()
            try expect(.by)
            orderBy = try parseOrderItems()
        }
        var limit: Expression?
        if accept(.limit), !accept(.all) {
            limit = try parseExpression()
        }
        let offset = accept(.offset) ? try parseExpression() : nil
        return Query(with: ctes, body: body, orderBy: orderBy, limit: limit, offset: offset, location: location)
    }

    /// `name [(columns)] [AS] (query)`.
    private mutating func parseCommonTableExpression() throws(SQLSyntaxError) -> CommonTableExpression {
        let name = try parseIdentifier("a name for the WITH query")
        // `b (SELECT …)` is Spark's AS-less form, not a column list.
        let columns = at(.leftParenthesis) && !startsQuery(after: index) ? try parseIdentifierList() : []
        _ = accept(.as)
        try expect(.leftParenthesis)
        let query = try parseQuery()
        try expect(.rightParenthesis)
        return CommonTableExpression(name: name, columns: columns, query: query)
    }

    /// `(a, b, c)`.
    mutating func parseIdentifierList() throws(SQLSyntaxError) -> [Identifier] {
        try expect(.leftParenthesis)
        var names: [Identifier] = []
        repeat {
            names.append(try parseIdentifier("a column name"))
        } while accept(.comma)
        try expect(.rightParenthesis)
        return names
    }

    /// Set operations by precedence climbing: UNION and EXCEPT bind at 1, INTERSECT at 2.
    private mutating func parseSetExpression(minimumPrecedence: Int) throws(SQLSyntaxError) -> QueryBody {
        var left = try parseQueryPrimary()
        var chained = 0
        defer { depth -= chained }
        while let op = setOperator(current), Self.precedence(of: op) >= minimumPrecedence {
            try descend()
            chained += 1
            let token = advance()
            let isAll = accept(.all)
            if !isAll { _ = accept(.distinct) }
            let right = try parseSetExpression(minimumPrecedence: Self.precedence(of: op) + 1)
            left = .setOperation(
                SetOperation(op: op, isAll: isAll, left: left, right: right, location: token.location))
        }
        return left
    }

    private func setOperator(_ token: Token) -> SetOperation.Operator? {
        switch token.keyword {
        case .union: return .union
        case .except, .minus: return .except
        case .intersect: return .intersect
        default: return nil
        }
    }

    static func precedence(of op: SetOperation.Operator) -> Int {
        op == .intersect ? 2 : 1
    }

    /// A SELECT block or a parenthesised query; parentheses around a bare body leave no node.
    private mutating func parseQueryPrimary() throws(SQLSyntaxError) -> QueryBody {
        if at(.select) { return .select(try parseSelect()) }
        if at(.values) { return .values(try parseInlineTable()) }
        guard at(.leftParenthesis) else { throw unexpected("SELECT, WITH or '('") }
        advance()
        let query = try parseQuery()
        try expect(.rightParenthesis)
        if query.isBareBody { return query.body }
        return .nested(query)
    }

    /// `VALUES row, …` where a row is `(a, b, …)` or a single expression.
    mutating func parseInlineTable() throws(SQLSyntaxError) -> InlineTable {
        let location = try expect(.values).location
        var rows: [[Expression]] = []
        repeat {
            if at(.leftParenthesis) {
                advance()
                rows.append(try parseExpressionList())
                try expect(.rightParenthesis)
            } else {
                rows.append([try parseExpression()])
            }
        } while accept(.comma)
        return InlineTable(rows: rows, location: location)
    }

    private mutating func parseSelect() throws(SQLSyntaxError) -> Select {
        let location = try expect(.select).location
        let isDistinct = accept(.distinct)
        if !isDistinct { _ = accept(.all) }
        var items: [SelectItem] = []
        repeat {
            items.append(try parseSelectItem())
        } while accept(.comma)
        var from: [TableReference] = []
        if accept(.from) {
            repeat {
                from.append(try parseRelation())
            } while accept(.comma)
        }
        let filter = accept(.where) ? try parseExpression() : nil
        var groupBy: [Expression] = []
        if at(.group) {
            advance()
            try expect(.by)
            groupBy = try parseExpressionList()
        }
        let having = accept(.having) ? try parseExpression() : nil
        var windows: [NamedWindow] = []
        if accept(.window) {
            repeat {
                let name = try parseIdentifier("a window name")
                try expect(.as)
                windows.append(NamedWindow(name: name, specification: try parseWindowSpecification()))
            } while accept(.comma)
        }
        return Select(
            isDistinct: isDistinct, items: items, from: from, filter: filter, groupBy: groupBy, having: having,
            windows: windows, location: location)
    }

    private mutating func parseSelectItem() throws(SQLSyntaxError) -> SelectItem {
        if let wildcard = parseWildcardIfPresent() { return SelectItem(expression: wildcard, alias: nil) }
        let expression = try parseExpression()
        return SelectItem(expression: expression, alias: try parseAlias())
    }

    /// `AS name`, or a bare name that is not a reserved word.
    private mutating func parseAlias() throws(SQLSyntaxError) -> Identifier? {
        if accept(.as) { return try parseIdentifier("an alias") }
        guard startsImplicitAlias() else { return nil }
        implicitAliasIndex = index
        return identifier(advance())
    }

    /// A bare word that is an alias, not the start of the next clause. OFFSET is no reserved word
    /// (Kafka data has `offset` columns) but `t OFFSET 10` skips rows.
    func startsImplicitAlias() -> Bool {
        guard Self.isName(current) else { return false }
        if at(.offset), case .number = peek(1).kind { return false }
        return true
    }

    /// `*` or `a.b.*`, which only select lists and function arguments accept.
    mutating func parseWildcardIfPresent() -> Expression? {
        if at(.star) { return Expression(kind: .wildcard(qualifier: nil), location: advance().location) }
        var offset = 0
        while Self.isName(peek(offset)), Self.isSymbol(peek(offset + 1), .dot) {
            if Self.isSymbol(peek(offset + 2), .star) {
                var parts: [Identifier] = []
                for _ in 0...(offset / 2) {
                    parts.append(identifier(advance()))
                    advance()
                }
                let star = advance()
                return Expression(kind: .wildcard(qualifier: QualifiedName(parts: parts)), location: star.location)
            }
            offset += 2
        }
        return nil
    }

    mutating func parseExpressionList() throws(SQLSyntaxError) -> [Expression] {
        var expressions: [Expression] = []
        repeat {
            expressions.append(try parseExpression())
        } while accept(.comma)
        return expressions
    }

    mutating func parseOrderItems() throws(SQLSyntaxError) -> [OrderItem] {
        var items: [OrderItem] = []
        repeat {
            let expression = try parseExpression()
            var direction: OrderItem.Direction?
            if accept(.asc) {
                direction = .ascending
            } else if accept(.desc) {
                direction = .descending
            }
            var nulls: OrderItem.NullOrder?
            if accept(.nulls) {
                if accept(.first) {
                    nulls = .first
                } else if accept(.last) {
                    nulls = .last
                } else {
                    throw unexpected("FIRST or LAST")
                }
            }
            items.append(OrderItem(expression: expression, direction: direction, nulls: nulls))
        } while accept(.comma)
        return items
    }
}
