import SluiceCore

/// Reads Spark SQL text into syntax trees.
///
/// One query per text: a trailing `;` is allowed, a second statement after it is an error (the
/// prepare task and `sluice query` run exactly one query).
public enum SQLParser {
    /// The query in `sql`, e.g. the contents of a job's `prepare.sql`.
    public static func parseQuery(_ sql: String) throws(SQLSyntaxError) -> Query {
        var parser = try Parser(sql)
        return try parser.parseStatement()
    }

    /// A single expression, e.g. `amount * 2 > 10`.
    public static func parseExpression(_ sql: String) throws(SQLSyntaxError) -> Expression {
        var parser = try Parser(sql)
        let expression = try parser.parseExpression()
        try parser.expectEnd()
        return expression
    }

    /// A type name as CAST accepts it, e.g. `decimal(18, 2)` or `array<struct<a:int>>`.
    public static func parseType(_ sql: String) throws(SQLSyntaxError) -> SQLType {
        var parser = try Parser(sql)
        let type = try parser.parseType()
        try parser.expectEnd()
        return type
    }
}

/// A recursive-descent parser over the token array, with precedence climbing for operators.
struct Parser {
    let source: SourceText
    let tokens: [Token]
    var index = 0
    /// The token last taken as an alias without `AS`: a misspelt keyword (`FORM`, `WHER`) is read
    /// that way, and the error that follows blames it rather than the token after it.
    var implicitAliasIndex: Int?
    /// The height of the tree being built: one per nested rule and one per operator in a chain.
    /// Bounded because the parser, the printer, equality and the planner all recurse over the tree,
    /// and a generated query must fail with a message rather than overflow the stack.
    var depth = 0
    static let maximumDepth = 500

    init(_ sql: String) throws(SQLSyntaxError) {
        var lexer = SQLLexer(source: SourceText(bytes: Array(sql.utf8)))
        tokens = try lexer.tokenize()
        source = lexer.source
    }

    var current: Token { tokens[index] }

    func peek(_ offset: Int) -> Token {
        tokens[min(index + offset, tokens.count - 1)]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func at(_ keyword: Keyword) -> Bool { current.keyword == keyword }

    func at(_ symbol: Symbol) -> Bool { current.kind == .symbol(symbol) }

    static func isSymbol(_ token: Token, _ symbol: Symbol) -> Bool { token.kind == .symbol(symbol) }

    mutating func accept(_ keyword: Keyword) -> Bool {
        guard at(keyword) else { return false }
        advance()
        return true
    }

    mutating func accept(_ symbol: Symbol) -> Bool {
        guard at(symbol) else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func expect(_ keyword: Keyword) throws(SQLSyntaxError) -> Token {
        guard at(keyword) else { throw unexpected(keyword.rawValue) }
        return advance()
    }

    @discardableResult
    mutating func expect(_ symbol: Symbol) throws(SQLSyntaxError) -> Token {
        guard at(symbol) else { throw unexpected("'\(symbol.rawValue)'") }
        return advance()
    }

    /// Called on entry to each recursive rule, paired with `depth -= 1` on exit.
    mutating func descend() throws(SQLSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw source.error(
                "the query nests more than \(Self.maximumDepth) levels deep (parentheses, subqueries or a chain of "
                    + "operators); simplify it, e.g. IN (…) instead of a long OR chain", at: current)
        }
    }

    mutating func expectEnd() throws(SQLSyntaxError) {
        guard current.kind == .end else { throw unexpected("end of query") }
    }

    /// `SELECT …; SELECT …` is refused rather than silently running only one of them.
    mutating func parseStatement() throws(SQLSyntaxError) -> Query {
        if current.kind == .end { throw source.error("empty query: expected SELECT or WITH", at: current) }
        let query = try parseQuery()
        var sawSemicolon = false
        while accept(.semicolon) { sawSemicolon = true }
        if sawSemicolon, current.kind != .end {
            throw source.error("only one statement can run at a time; a second one starts here", at: current)
        }
        try expectEnd()
        return query
    }

    // MARK: Names

    /// A token that can start a name: a backquoted identifier or an unreserved word.
    static func isName(_ token: Token) -> Bool {
        switch token.kind {
        case .quotedIdentifier: return true
        case .word(_, let keyword): return !(keyword?.isReserved ?? false)
        default: return false
        }
    }

    mutating func parseIdentifier(_ what: String = "a name") throws(SQLSyntaxError) -> Identifier {
        guard Self.isName(current) else { throw unexpected(what) }
        return identifier(advance())
    }

    /// After a dot any word is a name (`t.order`): nothing else could follow there.
    mutating func parseNameAfterDot() throws(SQLSyntaxError) -> Identifier {
        switch current.kind {
        case .word, .quotedIdentifier: return identifier(advance())
        default: throw unexpected("a name")
        }
    }

    func identifier(_ token: Token) -> Identifier {
        switch token.kind {
        case .word(let text, _), .quotedIdentifier(let text): return Identifier(name: text, location: token.location)
        default: return Identifier(name: source.text(of: token), location: token.location)
        }
    }

    /// `a`, `a.b`, `lake.events`.
    mutating func parseQualifiedName(_ what: String) throws(SQLSyntaxError) -> QualifiedName {
        var parts = [try parseIdentifier(what)]
        while at(.dot) {
            advance()
            parts.append(try parseNameAfterDot())
        }
        return QualifiedName(parts: parts)
    }

    // MARK: Errors

    /// Keywords a misspelling is checked against for "did you mean", clause keywords first so
    /// they win ties (`WHER` is one edit from both WHERE and WHEN).
    private static let suggestedKeywords: [String] = {
        let clauses: [Keyword] = [
            .select, .from, .where, .group, .having, .order, .limit, .join, .union, .except, .intersect, .window,
            .with,
        ]
        return clauses.map(\.rawValue) + Keyword.allCases.filter { !clauses.contains($0) }.map(\.rawValue)
    }()

    /// `expected X, found 'Y'`, pointing at the current token, with a keyword suggestion when the
    /// found word is a near miss. When the previous word was taken as an alias and is itself a near
    /// miss (`SELECT a FORM t`), that word is what the user got wrong, so the error names it.
    func unexpected(_ expected: String) -> SQLSyntaxError {
        if let aliasIndex = implicitAliasIndex, aliasIndex == index - 1,
            case .word(let text, nil) = tokens[aliasIndex].kind, text.count >= 4,
            let keyword = ClosestMatch.suggestion(for: text, among: Self.suggestedKeywords)
        {
            return source.error("expected \(keyword), found '\(text)'", at: tokens[aliasIndex])
        }
        var message = "expected \(expected), found \(describe(current))"
        if case .word(let text, nil) = current.kind, text.count >= 3,
            let keyword = ClosestMatch.suggestion(for: text, among: Self.suggestedKeywords), keyword != expected
        {
            message += " (did you mean \(keyword)?)"
        }
        return source.error(message, at: current)
    }

    func describe(_ token: Token) -> String {
        let text = source.text(of: token)
        let shown = text.count > 40 ? String(text.prefix(37)) + "..." : text
        switch token.kind {
        case .end: return "end of query"
        case .string: return "string \(shown)"
        default: return "'\(shown)'"
        }
    }
}
