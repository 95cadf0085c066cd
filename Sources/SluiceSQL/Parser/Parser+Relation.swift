extension Parser {
    /// A FROM entry: a table or subquery followed by any number of joins (left-deep, as in Spark).
    mutating func parseRelation() throws(SQLSyntaxError) -> TableReference {
        try descend()
        defer { depth -= 1 }
        var left = try parseRelationPrimary()
        var chained = 0
        defer { depth -= chained }
        while let (kind, location) = try parseJoinKind() {
            try descend()
            chained += 1
            let right = try parseRelationPrimary()
            var condition: Join.Condition?
            if accept(.on) {
                condition = .on(try parseExpression())
            } else if accept(.using) {
                condition = .using(try parseIdentifierList())
            }
            left = .join(Join(kind: kind, left: left, right: right, condition: condition, location: location))
        }
        return left
    }

    /// The join keywords up to and including JOIN, or nil when no join follows.
    private mutating func parseJoinKind() throws(SQLSyntaxError) -> (Join.Kind, SourceLocation)? {
        let location = current.location
        let kind: Join.Kind
        switch current.keyword {
        case .join:
            kind = .inner
        case .inner:
            advance()
            kind = .inner
        case .cross:
            advance()
            kind = .cross
        case .left:
            advance()
            if accept(.semi) {
                kind = .leftSemi
            } else if accept(.anti) {
                kind = .leftAnti
            } else {
                _ = accept(.outer)
                kind = .left
            }
        case .right:
            advance()
            _ = accept(.outer)
            kind = .right
        case .full:
            advance()
            _ = accept(.outer)
            kind = .full
        case .semi:
            advance()
            kind = .leftSemi
        case .anti:
            advance()
            kind = .leftAnti
        case .natural:
            throw source.error("NATURAL JOIN is not supported: name the columns with JOIN … USING (…)", at: current)
        default:
            return nil
        }
        try expect(.join)
        return (kind, location)
    }

    private mutating func parseRelationPrimary() throws(SQLSyntaxError) -> TableReference {
        if at(.leftParenthesis) {
            if startsQuery(after: index) {
                advance()
                let query = try parseQuery()
                try expect(.rightParenthesis)
                return .subquery(DerivedTable(query: query, alias: try parseTableAlias()))
            }
            advance()
            let relation = try parseRelation()
            try expect(.rightParenthesis)
            return relation
        }
        if at(.values), Self.startsInlineRow(peek(1)) {
            let table = try parseInlineTable()
            return .values(table, alias: try parseTableAlias())
        }
        let name = try parseQualifiedName("a table name")
        return .table(TableName(name: name, alias: try parseTableAlias()))
    }

    /// `VALUES (…`, `VALUES 1`, `VALUES 'a'`: rows, not a table named `values`.
    private static func startsInlineRow(_ token: Token) -> Bool {
        switch token.kind {
        case .symbol(.leftParenthesis), .symbol(.minus), .number, .string: return true
        default: return false
        }
    }

    /// True when the parentheses opening at `position` hold a query (`((SELECT …`, `(VALUES (…`), not a join.
    func startsQuery(after position: Int) -> Bool {
        var offset = position - index
        while Self.isSymbol(peek(offset), .leftParenthesis) { offset += 1 }
        let keyword = peek(offset).keyword
        return keyword == .select || keyword == .with || (keyword == .values && Self.startsInlineRow(peek(offset + 1)))
    }

    /// `[AS] alias [(columns)]`.
    private mutating func parseTableAlias() throws(SQLSyntaxError) -> TableAlias? {
        let name: Identifier
        if accept(.as) {
            name = try parseIdentifier("an alias")
        } else if startsImplicitAlias() {
            implicitAliasIndex = index
            name = identifier(advance())
        } else {
            return nil
        }
        let columns = at(.leftParenthesis) ? try parseIdentifierList() : []
        return TableAlias(name: name, columns: columns)
    }
}
