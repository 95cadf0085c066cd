import Testing

@testable import SluiceSQL

@Suite("SQL lexer")
struct LexerTests {
    private func kinds(_ sql: String) throws -> [TokenKind] {
        try SQLLexer.tokens(in: sql).map(\.kind)
    }

    @Test("words keep their spelling and know their keyword, whatever the case")
    func words() throws {
        #expect(
            try kinds("select Foo FROM _x1") == [
                .word("select", .select), .word("Foo", nil), .word("FROM", .from), .word("_x1", nil), .end,
            ])
    }

    @Test("tokens carry 1-based line and column, columns counted in characters")
    func positions() throws {
        let tokens = try SQLLexer.tokens(in: "SELECT a,\n  'é' AS b\r\nFROM t")
        let places = tokens.map { [$0.location.line, $0.location.column, $0.location.offset, $0.length] }
        #expect(
            places == [
                [1, 1, 0, 6], [1, 8, 7, 1], [1, 9, 8, 1],
                [2, 3, 12, 4], [2, 7, 17, 2], [2, 10, 20, 1],
                [3, 1, 23, 4], [3, 6, 28, 1], [3, 7, 29, 0],
            ])
    }

    @Test("numbers take Spark's suffixes; a point makes a decimal, an exponent a double")
    func numbers() throws {
        #expect(
            try kinds("1 1L 1s 1Y 1.5D 2.5f 1BD 1.50 .5 1e3 1.5E-2 1e3bd 1.") == [
                .number(NumericLiteral("1", .integer)), .number(NumericLiteral("1", .bigint)),
                .number(NumericLiteral("1", .smallint)), .number(NumericLiteral("1", .tinyint)),
                .number(NumericLiteral("1.5", .double)), .number(NumericLiteral("2.5", .float)),
                .number(NumericLiteral("1", .decimal)), .number(NumericLiteral("1.50", .decimal)),
                .number(NumericLiteral(".5", .decimal)), .number(NumericLiteral("1e3", .double)),
                .number(NumericLiteral("1.5E-2", .double)), .number(NumericLiteral("1e3", .decimal)),
                .number(NumericLiteral("1.", .decimal)), .end,
            ])
    }

    @Test("digits followed by letters that are no suffix form a name, as in Spark")
    func digitLedNames() throws {
        #expect(try kinds("1st_touch") == [.word("1st_touch", nil), .end])
    }

    @Test("strings: both quotes, Spark's backslash escapes, raw strings")
    func strings() throws {
        #expect(
            try kinds(#"'it\'s' "say \"hi\"" 'a\nb\tc' '\u0041\101' 'x\%y\_z' '\q' r'\n' R"\d+""#) == [
                .string("it's"), .string("say \"hi\""), .string("a\nb\tc"), .string("AA"), .string(#"x\%y\_z"#),
                .string("q"), .string(#"\n"#), .string(#"\d+"#), .end,
            ])
        #expect(try kinds("'multi\nline' x") == [.string("multi\nline"), .word("x", nil), .end])
    }

    @Test("backquoted identifiers: `` stands for one backquote")
    func quotedIdentifiers() throws {
        #expect(
            try kinds("`a b` `x``y` `select`") == [
                .quotedIdentifier("a b"), .quotedIdentifier("x`y"), .quotedIdentifier("select"), .end,
            ])
    }

    @Test("line comments and nested block comments are skipped, and lines still count")
    func comments() throws {
        let tokens = try SQLLexer.tokens(in: "a -- one\n/* two /* nested */\n still */ b /*+ hint */ c--end")
        #expect(tokens.map(\.kind) == [.word("a", nil), .word("b", nil), .word("c", nil), .end])
        #expect(tokens[1].location == SourceLocation(line: 3, column: 11, offset: 39))
    }

    @Test("operators take the longest match")
    func symbols() throws {
        #expect(
            try kinds("<=> <= <> < >= > == = != ! :: : || | & ^ ~ ( ) [ ] , . ; * + - / %") == [
                .nullSafeEqual, .lessOrEqual, .lessGreater, .less, .greaterOrEqual, .greater, .doubleEqual, .equal,
                .notEqual, .bang, .doubleColon, .colon, .concat, .pipe, .ampersand, .caret, .tilde, .leftParenthesis,
                .rightParenthesis, .leftBracket, .rightBracket, .comma, .dot, .semicolon, .star, .plus, .minus,
                .slash, .percent,
            ].map { TokenKind.symbol($0) } + [.end])
        #expect(try kinds("a-1") == [.word("a", nil), .symbol(.minus), .number(NumericLiteral("1", .integer)), .end])
    }

    @Test("lexing errors point at the offending text")
    func errors() {
        #expect(throws: SQLSyntaxError.self) { try SQLLexer.tokens(in: "SELECT 'abc") }
        #expect(throws: SQLSyntaxError.self) { try SQLLexer.tokens(in: "SELECT `abc") }
        #expect(throws: SQLSyntaxError.self) { try SQLLexer.tokens(in: "/* /* */") }
        #expect(throws: SQLSyntaxError.self) { try SQLLexer.tokens(in: "SELECT 1.5L") }
        #expect(throws: SQLSyntaxError.self) { try SQLLexer.tokens(in: "SELECT ’x’") }
    }
}
