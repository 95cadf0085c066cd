import SluiceCore

extension Parser {
    /// An expression at the loosest level (OR).
    mutating func parseExpression() throws(SQLSyntaxError) -> Expression {
        try descend()
        defer { depth -= 1 }
        var left = try parseAnd()
        var chained = 0
        defer { depth -= chained }
        while at(.or) {
            try descend()
            chained += 1
            let token = advance()
            left = Expression(kind: .binary(.or, left, try parseAnd()), location: token.location)
        }
        return left
    }

    private mutating func parseAnd() throws(SQLSyntaxError) -> Expression {
        var left = try parseNot()
        var chained = 0
        defer { depth -= chained }
        while at(.and) {
            try descend()
            chained += 1
            let token = advance()
            left = Expression(kind: .binary(.and, left, try parseNot()), location: token.location)
        }
        return left
    }

    private mutating func parseNot() throws(SQLSyntaxError) -> Expression {
        guard at(.not) || at(.bang) else { return try parsePredicate() }
        try descend()
        defer { depth -= 1 }
        let token = advance()
        return Expression(kind: .unary(.not, try parseNot()), location: token.location)
    }

    /// A value (arithmetic and comparisons) with at most one predicate after it, as Spark's
    /// grammar has it: `a = 1 IS NULL` tests the comparison.
    private mutating func parsePredicate() throws(SQLSyntaxError) -> Expression {
        let value = try parseValue(minimumPrecedence: .comparison)
        let predicateKeywords: [Keyword] = [.in, .between, .like, .ilike, .rlike, .regexp]
        var negated = false
        if at(.not), let next = peek(1).keyword, predicateKeywords.contains(next) {
            advance()
            negated = true
        }
        let token = current
        switch token.keyword {
        case .is where !negated:
            advance()
            return try parseIsPredicate(value, at: token)
        case .in:
            advance()
            try expect(.leftParenthesis)
            if at(.select) || at(.with) {
                let query = try parseQuery()
                try expect(.rightParenthesis)
                return Expression(kind: .inSubquery(value, query, negated: negated), location: token.location)
            }
            let list = try parseExpressionList()
            try expect(.rightParenthesis)
            return Expression(kind: .inList(value, list, negated: negated), location: token.location)
        case .between:
            advance()
            let low = try parseValue(minimumPrecedence: .comparison)
            try expect(.and)
            let high = try parseValue(minimumPrecedence: .comparison)
            return Expression(
                kind: .between(value, low: low, high: high, negated: negated), location: token.location)
        case .like, .ilike, .rlike, .regexp:
            advance()
            let op: PatternOperator = token.keyword == .like ? .like : (token.keyword == .ilike ? .ilike : .rlike)
            let pattern = try parseValue(minimumPrecedence: .comparison)
            var escape: String?
            if op != .rlike, accept(.escape) {
                guard case .string(let text) = current.kind, text.unicodeScalars.count == 1 else {
                    throw unexpected("a one-character string after ESCAPE")
                }
                advance()
                escape = text
            }
            let match = PatternMatch(op: op, value: value, pattern: pattern, escape: escape, negated: negated)
            return Expression(kind: .pattern(match), location: token.location)
        default:
            return value
        }
    }

    /// After `IS`: `[NOT] NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM x`.
    private mutating func parseIsPredicate(_ value: Expression, at token: Token) throws(SQLSyntaxError) -> Expression {
        let negated = accept(.not)
        let location = token.location
        if accept(.null) { return Expression(kind: .isNull(value, negated: negated), location: location) }
        if accept(.true) { return Expression(kind: .isBoolean(value, true, negated: negated), location: location) }
        if accept(.false) { return Expression(kind: .isBoolean(value, false, negated: negated), location: location) }
        if accept(.unknown) { return Expression(kind: .isBoolean(value, nil, negated: negated), location: location) }
        if accept(.distinct) {
            // IS NOT DISTINCT FROM is <=>; IS DISTINCT FROM is its negation.
            try expect(.from)
            let other = try parseValue(minimumPrecedence: .comparison)
            let same = Expression(kind: .binary(.nullSafeEqual, value, other), location: location)
            return negated ? same : Expression(kind: .unary(.not, same), location: location)
        }
        throw unexpected("NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM")
    }

    /// Binary operators from comparison up, by precedence climbing (all left-associative).
    mutating func parseValue(minimumPrecedence: ExpressionPrecedence) throws(SQLSyntaxError) -> Expression {
        var left = try parseUnary()
        var chained = 0
        defer { depth -= chained }
        while let op = binaryOperator(current), op.precedence >= minimumPrecedence {
            try descend()
            chained += 1
            let token = advance()
            let tighter = ExpressionPrecedence(rawValue: op.precedence.rawValue + 1) ?? .primary
            let right = try parseValue(minimumPrecedence: tighter)
            left = Expression(kind: .binary(op, left, right), location: token.location)
        }
        return left
    }

    private func binaryOperator(_ token: Token) -> BinaryOperator? {
        switch token.kind {
        case .symbol(let symbol):
            switch symbol {
            case .equal, .doubleEqual: return .equal
            case .nullSafeEqual: return .nullSafeEqual
            case .lessGreater, .notEqual: return .notEqual
            case .less: return .less
            case .lessOrEqual: return .lessOrEqual
            case .greater: return .greater
            case .greaterOrEqual: return .greaterOrEqual
            case .pipe: return .bitwiseOr
            case .caret: return .bitwiseXor
            case .ampersand: return .bitwiseAnd
            case .plus: return .add
            case .minus: return .subtract
            case .concat: return .concat
            case .star: return .multiply
            case .slash: return .divide
            case .percent: return .modulo
            default: return nil
            }
        case .word(_, .div): return .integerDivide
        default: return nil
        }
    }

    private mutating func parseUnary() throws(SQLSyntaxError) -> Expression {
        let op: UnaryOperator
        switch current.kind {
        case .symbol(.minus): op = .negate
        case .symbol(.plus): op = .plus
        case .symbol(.tilde): op = .bitwiseNot
        default: return try parsePostfix(try parsePrimary())
        }
        try descend()
        defer { depth -= 1 }
        let token = advance()
        return Expression(kind: .unary(op, try parseUnary()), location: token.location)
    }

    /// `x[i]`, `x.field`, `x::type`, repeated.
    private mutating func parsePostfix(_ base: Expression) throws(SQLSyntaxError) -> Expression {
        var expression = base
        while true {
            if at(.leftBracket) {
                let token = advance()
                let subscriptIndex = try parseExpression()
                try expect(.rightBracket)
                expression = Expression(kind: .subscript(expression, subscriptIndex), location: token.location)
            } else if at(.dot) {
                let token = advance()
                expression = Expression(kind: .field(expression, try parseNameAfterDot()), location: token.location)
            } else if at(.doubleColon) {
                let token = advance()
                expression = Expression(
                    kind: .cast(expression, try parseType(), isTry: false), location: token.location)
            } else {
                return expression
            }
        }
    }

    private mutating func parsePrimary() throws(SQLSyntaxError) -> Expression {
        let token = current
        let next = peek(1)
        switch token.kind {
        case .number(let number):
            advance()
            return Expression(kind: .literal(.number(number)), location: token.location)
        case .string:
            return Expression(kind: .literal(.string(parseStrings())), location: token.location)
        case .symbol(.leftParenthesis):
            advance()
            if at(.select) || at(.with) {
                let query = try parseQuery()
                try expect(.rightParenthesis)
                return Expression(kind: .subquery(query), location: token.location)
            }
            let inner = try parseExpression()
            try expect(.rightParenthesis)
            return inner
        case .word(_, let keyword):
            if let special = try parseKeywordForm(keyword, token: token, next: next) { return special }
            if Self.isSymbol(next, .leftParenthesis) {
                // Any word before '(' names a function, reserved or not: left(s, 2), if(c, a, b).
                advance()
                return try parseFunctionCall(QualifiedName(parts: [identifier(token)]), at: token.location)
            }
            return try parseNameOrCall()
        case .quotedIdentifier:
            return try parseNameOrCall()
        default:
            throw unexpected("an expression")
        }
    }

    /// Literals and forms that start with a keyword; nil when the word is just a name here.
    private mutating func parseKeywordForm(_ keyword: Keyword?, token: Token, next: Token) throws(SQLSyntaxError)
        -> Expression?
    {
        let location = token.location
        let nextIsString = Self.isString(next)
        switch keyword {
        case .null:
            advance()
            return Expression(kind: .literal(.null), location: location)
        case .true, .false:
            advance()
            return Expression(kind: .literal(.boolean(keyword == .true)), location: location)
        case .case:
            return try parseCase()
        case .cast, .tryCast:
            guard Self.isSymbol(next, .leftParenthesis) else { return nil }
            advance()
            advance()
            let value = try parseExpression()
            try expect(.as)
            let type = try parseType()
            try expect(.rightParenthesis)
            return Expression(kind: .cast(value, type, isTry: keyword == .tryCast), location: location)
        case .exists:
            guard Self.isSymbol(next, .leftParenthesis) else { return nil }
            advance()
            advance()
            let query = try parseQuery()
            try expect(.rightParenthesis)
            return Expression(kind: .exists(query), location: location)
        case .date, .timestamp, .timestampLTZ, .timestampNTZ:
            guard nextIsString else { return nil }
            advance()
            let text = parseStrings()
            let literal: Literal =
                keyword == .date ? .date(text) : (keyword == .timestampNTZ ? .timestampNTZ(text) : .timestamp(text))
            return Expression(kind: .literal(literal), location: location)
        case .interval:
            guard nextIsString || Self.startsNumber(next) || Self.isSymbol(next, .minus) else { return nil }
            advance()
            return Expression(kind: .literal(.interval(try parseIntervalParts())), location: location)
        case .currentDate, .currentTimestamp:
            guard !Self.isSymbol(next, .leftParenthesis) else { return nil }
            advance()
            let call = FunctionCall(
                name: QualifiedName(parts: [identifier(token)]), arguments: [], isDistinct: false, filter: nil,
                ignoresNulls: false, over: nil)
            return Expression(kind: .function(call), location: location)
        default:
            return nil
        }
    }

    private static func startsNumber(_ token: Token) -> Bool {
        if case .number = token.kind { return true }
        return false
    }

    private static func isString(_ token: Token) -> Bool {
        if case .string = token.kind { return true }
        return false
    }

    /// Adjacent string literals form one string, as in Spark (`'a' 'b'` is `'ab'`).
    private mutating func parseStrings() -> String {
        var text = ""
        while case .string(let part) = current.kind {
            text += part
            advance()
        }
        return text
    }

    /// `a`, `t.a`, `s.field.sub`, or a qualified function call `db.f(x)`.
    private mutating func parseNameOrCall() throws(SQLSyntaxError) -> Expression {
        let location = current.location
        var parts = [try parseIdentifier("an expression")]
        while at(.dot), Self.isWordOrQuoted(peek(1)) {
            advance()
            parts.append(try parseNameAfterDot())
        }
        let name = QualifiedName(parts: parts)
        if at(.leftParenthesis) { return try parseFunctionCall(name, at: location) }
        return Expression(kind: .column(name), location: location)
    }

    private static func isWordOrQuoted(_ token: Token) -> Bool {
        switch token.kind {
        case .word, .quotedIdentifier: return true
        default: return false
        }
    }

    /// `CASE [operand] WHEN … THEN … [ELSE …] END`.
    private mutating func parseCase() throws(SQLSyntaxError) -> Expression {
        let location = advance().location
        let operand = at(.when) ? nil : try parseExpression()
        var branches: [CaseExpression.Branch] = []
        while accept(.when) {
            let condition = try parseExpression()
            try expect(.then)
            branches.append(CaseExpression.Branch(when: condition, then: try parseExpression()))
        }
        if branches.isEmpty { throw unexpected("WHEN") }
        let otherwise = accept(.else) ? try parseExpression() : nil
        try expect(.end)
        let expression = CaseExpression(operand: operand, branches: branches, otherwise: otherwise)
        return Expression(kind: .case(expression), location: location)
    }

    /// After `INTERVAL`: one or more `value unit` pairs (`3 DAYS`, `'3' DAY`, `1 DAY 2 HOURS`).
    private mutating func parseIntervalParts() throws(SQLSyntaxError) -> [IntervalPart] {
        var parts: [IntervalPart] = []
        repeat {
            var value: String
            let negative = accept(Symbol.minus)
            switch current.kind {
            case .number(let number) where number.kind == .integer || number.kind == .decimal:
                value = number.text
            case .string(let text) where !negative:
                value = text.trimmingSpaces
            default:
                throw unexpected("an interval value such as 3 or '3'")
            }
            advance()
            if negative { value = "-" + value }
            guard case .word(let word, _) = current.kind, let unit = IntervalUnit(word: word) else {
                throw unexpected("an interval unit (YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND)")
            }
            advance()
            parts.append(IntervalPart(value: value, unit: unit))
        } while Self.startsNumber(current) || Self.isString(current)
        return parts
    }
}
