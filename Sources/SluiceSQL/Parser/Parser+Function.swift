extension Parser {
    /// After the name: `([DISTINCT] arguments) [FILTER (WHERE …)] [IGNORE|RESPECT NULLS] [OVER window]`;
    /// `count(*)` takes a wildcard argument.
    mutating func parseFunctionCall(_ name: QualifiedName, at location: SourceLocation) throws(SQLSyntaxError)
        -> Expression
    {
        try expect(.leftParenthesis)
        if let form = try parseStringKeywordForm(name, at: location) { return form }
        var isDistinct = false
        var arguments: [Expression] = []
        if !at(.rightParenthesis) {
            isDistinct = accept(.distinct)
            if !isDistinct { _ = accept(.all) }
            repeat {
                if let wildcard = parseWildcardIfPresent() {
                    arguments.append(wildcard)
                } else {
                    arguments.append(try parseExpression())
                }
            } while accept(.comma)
        }
        try expect(.rightParenthesis)
        var filter: Expression?
        if at(.filter), Self.isSymbol(peek(1), .leftParenthesis), peek(2).keyword == .where {
            advance()
            advance()
            advance()
            filter = try parseExpression()
            try expect(.rightParenthesis)
        }
        var ignoresNulls = false
        if at(.ignore) || at(.respect), peek(1).keyword == .nulls {
            ignoresNulls = advance().keyword == .ignore
            advance()
        }
        var over: OverClause?
        // OVER followed by anything else is an alias: `SELECT count(*) over FROM t`.
        if at(.over), Self.isSymbol(peek(1), .leftParenthesis) || Self.isName(peek(1)) {
            advance()
            if at(.leftParenthesis) {
                over = .specification(try parseWindowSpecification())
            } else {
                over = .named(try parseIdentifier("a window name"))
            }
        }
        let call = FunctionCall(
            name: name, arguments: arguments, isDistinct: isDistinct, filter: filter, ignoresNulls: ignoresNulls,
            over: over)
        return Expression(kind: .function(call), location: location)
    }

    /// `([PARTITION BY …] [ORDER BY …] [ROWS|RANGE frame])`.
    mutating func parseWindowSpecification() throws(SQLSyntaxError) -> WindowSpecification {
        let location = try expect(.leftParenthesis).location
        var partitionBy: [Expression] = []
        if accept(.partition) {
            try expect(.by)
            partitionBy = try parseExpressionList()
        }
        var orderBy: [OrderItem] = []
        if at(.order) {
            advance()
            try expect(.by)
            orderBy = try parseOrderItems()
        }
        var frame: WindowFrame?
        if at(.rows) || at(.range) {
            let units: WindowFrame.Units = advance().keyword == .rows ? .rows : .range
            if accept(.between) {
                let start = try parseFrameBound()
                try expect(.and)
                frame = WindowFrame(units: units, start: start, end: try parseFrameBound())
            } else {
                frame = WindowFrame(units: units, start: try parseFrameBound(), end: .currentRow)
            }
        }
        try expect(.rightParenthesis)
        return WindowSpecification(partitionBy: partitionBy, orderBy: orderBy, frame: frame, location: location)
    }

    /// `UNBOUNDED PRECEDING|FOLLOWING`, `CURRENT ROW`, `n PRECEDING|FOLLOWING`.
    private mutating func parseFrameBound() throws(SQLSyntaxError) -> FrameBound {
        if accept(.unbounded) {
            if accept(.preceding) { return .unboundedPreceding }
            if accept(.following) { return .unboundedFollowing }
            throw unexpected("PRECEDING or FOLLOWING")
        }
        if accept(.current) {
            try expect(.row)
            return .currentRow
        }
        let offset = try parseValue(minimumPrecedence: .comparison)
        if accept(.preceding) { return .preceding(offset) }
        if accept(.following) { return .following(offset) }
        throw unexpected("PRECEDING or FOLLOWING")
    }
}
