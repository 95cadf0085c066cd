import SluiceCore
import Testing

@testable import SluiceSQL

@Suite("SQL syntax errors")
struct SyntaxErrorTests {
    /// The full text a user sees for `sql`, or a failure when it parses.
    private func message(_ sql: String) -> String {
        do {
            let query = try SQLParser.parseQuery(sql)
            return "parsed: \(query.sql)"
        } catch {
            return error.description
        }
    }

    @Test("a misspelt keyword read as an alias is blamed, with the keyword it resembles")
    func misspeltKeywordAfterAlias() {
        #expect(
            message("SELECT user_id,\n       score\n  FROM events\n GRUOP BY user_id") == """
                syntax error at line 4, column 2: expected GROUP, found 'GRUOP'
                  4 |  GRUOP BY user_id
                    |  ^^^^^
                """)
        #expect(
            message("SELECT a, b\nFROM t\n  WHER a > 1") == """
                syntax error at line 3, column 3: expected WHERE, found 'WHER'
                  3 |   WHER a > 1
                    |   ^^^^
                """)
        #expect(
            message("SELECT a, b FORM t") == """
                syntax error at line 1, column 13: expected FROM, found 'FORM'
                  1 | SELECT a, b FORM t
                    |             ^^^^
                """)
    }

    @Test("trailing input names what was expected and suggests a keyword")
    func trailingInput() {
        #expect(
            message("SELECT user_id\n  FROM events\n WHERE score > 1\n GRUOP BY user_id") == """
                syntax error at line 4, column 2: expected end of query, found 'GRUOP' (did you mean GROUP?)
                  4 |  GRUOP BY user_id
                    |  ^^^^^
                """)
        #expect(
            message("SELECT a FROM t WHERE a = 1 ODER BY a") == """
                syntax error at line 1, column 29: expected end of query, found 'ODER' (did you mean ORDER?)
                  1 | SELECT a FROM t WHERE a = 1 ODER BY a
                    |                             ^^^^
                """)
        #expect(
            message("SELEC a FROM t") == """
                syntax error at line 1, column 1: expected SELECT, WITH or '(', found 'SELEC' (did you mean SELECT?)
                  1 | SELEC a FROM t
                    | ^^^^^
                """)
    }

    @Test("missing pieces: a closing parenthesis, an operand, the end of the input")
    func missingPieces() {
        #expect(
            message("SELECT a\nFROM t\nWHERE (a = 1\nORDER BY a") == """
                syntax error at line 4, column 1: expected ')', found 'ORDER'
                  4 | ORDER BY a
                    | ^^^^^
                """)
        #expect(
            message("SELECT a +") == """
                syntax error at line 1, column 11: expected an expression, found end of query
                  1 | SELECT a +
                    |           ^
                """)
        #expect(
            message("SELECT CASE WHEN a THEN 1 FROM t") == """
                syntax error at line 1, column 27: expected END, found 'FROM'
                  1 | SELECT CASE WHEN a THEN 1 FROM t
                    |                           ^^^^
                """)
        #expect(
            message("") == "syntax error at line 1, column 1: empty query: expected SELECT or WITH\n  1 | \n    | ^")
    }

    @Test("lexical errors: unterminated strings and comments, unknown characters, bad numbers")
    func lexicalErrors() {
        #expect(
            message("SELECT 'abc\nFROM t") == """
                syntax error at line 1, column 8: unterminated string literal: no closing quote
                  1 | SELECT 'abc
                    |        ^
                """)
        #expect(
            message("SELECT a /* note\n FROM t") == """
                syntax error at line 1, column 10: unterminated comment: '/*' without a closing '*/'
                  1 | SELECT a /* note
                    |          ^^
                """)
        #expect(
            message("SELECT a\tFROM t WHERE a = “x”") == """
                syntax error at line 1, column 27: unexpected character '“'
                  1 | SELECT a\tFROM t WHERE a = “x”
                    |         \t                 ^
                """)
        #expect(
            message("SELECT 1.5L") == """
                syntax error at line 1, column 8: invalid number '1.5L'
                  1 | SELECT 1.5L
                    |        ^^^^
                """)
    }

    @Test("types, second statements and NATURAL JOIN")
    func otherErrors() {
        #expect(
            message("SELECT CAST(a AS strng) FROM t") == """
                syntax error at line 1, column 18: unknown type 'strng' (did you mean string?)
                  1 | SELECT CAST(a AS strng) FROM t
                    |                  ^^^^^
                """)
        #expect(
            message("SELECT 1; SELECT 2") == """
                syntax error at line 1, column 11: only one statement can run at a time; a second one starts here
                  1 | SELECT 1; SELECT 2
                    |           ^^^^^^
                """)
        #expect(
            message("SELECT * FROM a NATURAL JOIN b").hasPrefix(
                "syntax error at line 1, column 17: NATURAL JOIN is not supported"))
        #expect(
            message("SELECT CAST(a AS DECIMAL(40, 2)) FROM t").hasPrefix(
                "syntax error at line 1, column 26: DECIMAL(40, 2) is out of range"))
        #expect(
            message("SELECT * FROM t WHERE *").hasPrefix(
                "syntax error at line 1, column 23: expected an expression, found '*'"))
    }

    @Test("long lines are cut around the error")
    func longLines() {
        let sql = "SELECT " + (1...40).map { "c\($0)" }.joined(separator: ", ") + " FROM t WHERE ) x"
        let lines = message(sql).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("  1 | ...") && lines[1].count < 120)
        let caretLine = lines[2]
        let caretColumn = caretLine.distance(
            from: caretLine.startIndex, to: caretLine.firstIndex(of: "^") ?? caretLine.endIndex)
        let pointed = lines[1].dropFirst(caretColumn).first
        #expect(pointed == ")")
    }

    @Test("a syntax error is a usage error and can name its file")
    func categoryAndFile() throws {
        do {
            _ = try SQLParser.parseQuery("SELECT FROM")
            Issue.record("should not parse")
        } catch {
            #expect(error.category == .usage)
            #expect(FailureCategory(of: error) == .usage)
            let named = error.at(file: "jobs/job1/prepare.sql")
            #expect(
                named.summary
                    == "jobs/job1/prepare.sql: syntax error at line 1, column 8: expected an expression, found 'FROM'")
        }
    }
}
