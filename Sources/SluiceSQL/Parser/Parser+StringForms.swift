extension Parser {
    /// Spark's keyword forms of two string functions, parsed (after the opening parenthesis) as the
    /// calls they mean: `trim([BOTH|LEADING|TRAILING] [characters] FROM s)` is `trim`, `ltrim` or
    /// `rtrim(s[, characters])`, and `substring(s FROM position [FOR length])` is
    /// `substring(s, position[, length])`. Nil, with nothing consumed, for the ordinary form.
    mutating func parseStringKeywordForm(_ name: QualifiedName, at location: SourceLocation) throws(SQLSyntaxError)
        -> Expression?
    {
        guard name.parts.count == 1, hasFromBeforeClosingParenthesis() else { return nil }
        let function = name.parts[0].name.lowercased()
        var arguments: [Expression]
        var callee = name
        switch function {
        case "trim":
            var option = "both"
            if case .word(let word, _) = current.kind, ["both", "leading", "trailing"].contains(word.lowercased()) {
                option = word.lowercased()
                advance()
            }
            let characters = at(.from) ? nil : try parseExpression()
            try expect(.from)
            arguments = [try parseExpression()] + (characters.map { [$0] } ?? [])
            let spelled = ["both": "trim", "leading": "ltrim", "trailing": "rtrim"][option] ?? "trim"
            callee = QualifiedName(parts: [Identifier(name: spelled, location: name.parts[0].location)])
        case "substring", "substr":
            arguments = [try parseExpression()]
            try expect(.from)
            arguments.append(try parseExpression())
            if case .word(let word, _) = current.kind, word.lowercased() == "for" {
                advance()
                arguments.append(try parseExpression())
            }
        default:
            return nil
        }
        try expect(.rightParenthesis)
        let call = FunctionCall(
            name: callee, arguments: arguments, isDistinct: false, filter: nil, ignoresNulls: false, over: nil)
        return Expression(kind: .function(call), location: location)
    }

    /// Whether a FROM comes before the parenthesis that closes the current one (outside nested ones).
    private func hasFromBeforeClosingParenthesis() -> Bool {
        var depth = 0
        var offset = 0
        while true {
            let token = peek(offset)
            switch token.kind {
            case .end: return false
            case .symbol(.leftParenthesis): depth += 1
            case .symbol(.rightParenthesis):
                if depth == 0 { return false }
                depth -= 1
            case _ where depth == 0 && token.keyword == .from: return true
            default: break
            }
            offset += 1
        }
    }
}
