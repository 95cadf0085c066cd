import Testing

@testable import SluiceSQL

@Suite("SQL parser robustness")
struct ParserRobustnessTests {
    @Test("every prefix of every corpus query parses or fails with a syntax error, never a crash")
    func prefixes() {
        var failures = 0
        for sql in ETLQueries.all {
            let characters = Array(sql)
            for length in stride(from: 0, to: characters.count, by: 3) {
                do {
                    _ = try SQLParser.parseQuery(String(characters[0..<length]))
                } catch {
                    failures += 1
                    #expect(error.location.line >= 1 && error.location.column >= 1)
                }
            }
        }
        #expect(failures > 1000)
    }

    @Test("deep nesting and long chains are refused with an error instead of exhausting the stack")
    func deepNesting() throws {
        let limit = Parser.maximumDepth
        let nested = String(repeating: "(", count: limit - 10) + "1" + String(repeating: ")", count: limit - 10)
        #expect(try SQLParser.parseExpression(nested).sql == "1")
        let chain = Array(repeating: "a", count: limit - 10).joined(separator: " OR ")
        let parsedChain = try SQLParser.parseExpression(chain)
        #expect(parsedChain.sql == chain)
        #expect(parsedChain == parsedChain)
        let subqueries =
            String(repeating: "SELECT * FROM (", count: limit / 2 - 10) + "SELECT 1"
            + String(repeating: ")", count: limit / 2 - 10)
        let query = try SQLParser.parseQuery(subqueries)
        #expect(try SQLParser.parseQuery(query.sql) == query)

        let tooDeep: [String] = [
            String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
            String(repeating: "-", count: 5000) + "1",
            String(repeating: "NOT ", count: 5000) + "a",
            Array(repeating: "a", count: 5000).joined(separator: " + "),
            Array(repeating: "a", count: 5000).joined(separator: " AND "),
            "CAST(x AS " + String(repeating: "array<", count: 3000) + "int" + String(repeating: ">", count: 3000) + ")",
        ]
        for sql in tooDeep {
            #expect(throws: SQLSyntaxError.self) { try SQLParser.parseExpression(sql) }
        }
        let tooDeepQueries = [
            String(repeating: "SELECT * FROM (", count: 3000) + "SELECT 1" + String(repeating: ")", count: 3000),
            Array(repeating: "SELECT 1", count: 3000).joined(separator: " UNION ALL "),
            "SELECT * FROM t" + String(repeating: " JOIN t ON TRUE", count: 3000),
        ]
        for sql in tooDeepQueries {
            #expect(throws: SQLSyntaxError.self) { try SQLParser.parseQuery(sql) }
        }
    }
}
