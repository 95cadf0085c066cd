import Testing

@testable import SluiceSQL

@Suite("SQL queries")
struct QueryParserTests {
    private func printed(_ sql: String) throws -> String {
        try SQLParser.parseQuery(sql).sql
    }

    private func select(_ sql: String) throws -> Select {
        guard case .select(let select) = try SQLParser.parseQuery(sql).body else {
            throw SQLSyntaxError("not a plain SELECT", at: SourceLocation(line: 1, column: 1, offset: 0), lineText: sql)
        }
        return select
    }

    @Test("select lists: DISTINCT and ALL, *, t.*, aliases with and without AS")
    func selectLists() throws {
        #expect(try printed("select all a, b x, c as y, t.*, * from t") == "SELECT a, b AS x, c AS y, t.*, * FROM t")
        #expect(try printed("SELECT DISTINCT a FROM t") == "SELECT DISTINCT a FROM t")
        #expect(try printed("SELECT lake.t.* FROM lake.t") == "SELECT lake.t.* FROM lake.t")
        #expect(try printed("SELECT 1") == "SELECT 1")
        let items = try select("SELECT a AS `total amount`, count(*) over FROM t").items
        #expect(items.map { $0.alias?.name } == ["total amount", "over"])
    }

    @Test("FROM: qualified names, aliases with column lists, subqueries, parenthesised joins")
    func fromClause() throws {
        #expect(try printed("SELECT * FROM lake.events e") == "SELECT * FROM lake.events AS e")
        #expect(try printed("SELECT * FROM t AS x (a, b)") == "SELECT * FROM t AS x(a, b)")
        #expect(try printed("SELECT * FROM (SELECT 1 AS a) sub") == "SELECT * FROM (SELECT 1 AS a) AS sub")
        #expect(try printed("SELECT * FROM (SELECT 1 AS a)") == "SELECT * FROM (SELECT 1 AS a)")
        #expect(
            try printed("SELECT * FROM ((SELECT 1) UNION (SELECT 2)) u")
                == "SELECT * FROM (SELECT 1 UNION SELECT 2) AS u")
        #expect(try printed("SELECT * FROM (a JOIN b ON a.k = b.k)") == "SELECT * FROM a JOIN b ON a.k = b.k")
        #expect(try printed("SELECT * FROM a, b c") == "SELECT * FROM a, b AS c")
    }

    @Test("every join kind, ON and USING")
    func joins() throws {
        let cases = [
            ("a JOIN b ON x", "a JOIN b ON x"), ("a INNER JOIN b ON x", "a JOIN b ON x"),
            ("a LEFT JOIN b ON x", "a LEFT JOIN b ON x"), ("a LEFT OUTER JOIN b ON x", "a LEFT JOIN b ON x"),
            ("a RIGHT OUTER JOIN b ON x", "a RIGHT JOIN b ON x"), ("a FULL OUTER JOIN b ON x", "a FULL JOIN b ON x"),
            ("a FULL JOIN b USING (k, l)", "a FULL JOIN b USING (k, l)"),
            ("a LEFT SEMI JOIN b ON x", "a LEFT SEMI JOIN b ON x"), ("a SEMI JOIN b ON x", "a LEFT SEMI JOIN b ON x"),
            ("a LEFT ANTI JOIN b ON x", "a LEFT ANTI JOIN b ON x"), ("a ANTI JOIN b ON x", "a LEFT ANTI JOIN b ON x"),
            ("a CROSS JOIN b", "a CROSS JOIN b"),
        ]
        for (from, expected) in cases {
            #expect(try printed("SELECT * FROM \(from)") == "SELECT * FROM \(expected)")
        }
        let joined = try select("SELECT * FROM a JOIN b ON a.k = b.k LEFT JOIN c USING (k)").from
        guard case .join(let outer) = joined.first, case .join(let inner) = outer.left else {
            Issue.record("joins should nest to the left: \(joined)")
            return
        }
        #expect(outer.kind == .left)
        #expect(
            outer.condition == .using([Identifier(name: "k", location: SourceLocation(line: 1, column: 1, offset: 0))]))
        #expect(inner.kind == .inner)
        #expect(outer.location == SourceLocation(line: 1, column: 37, offset: 36))
    }

    @Test("WHERE, GROUP BY expressions and ordinals, HAVING, ORDER BY with directions and null order, LIMIT")
    func clauses() throws {
        let query = try SQLParser.parseQuery(
            "SELECT k, count(*) FROM t WHERE v > 0 GROUP BY 1, lower(k) HAVING count(*) > 1 "
                + "ORDER BY 2 DESC NULLS FIRST, k ASC, v NULLS LAST LIMIT 10;")
        #expect(
            query.sql
                == "SELECT k, count(*) FROM t WHERE v > 0 GROUP BY 1, lower(k) HAVING count(*) > 1 "
                + "ORDER BY 2 DESC NULLS FIRST, k ASC, v NULLS LAST LIMIT 10")
        #expect(query.orderBy.map(\.direction) == [.descending, .ascending, nil])
        #expect(query.orderBy.map(\.nulls) == [.first, nil, .last])
        guard case .select(let select) = query.body else {
            Issue.record("expected a SELECT")
            return
        }
        #expect(select.groupBy.first?.kind == .literal(.number(NumericLiteral("1", .integer))))
        #expect(try printed("SELECT a FROM t LIMIT ALL") == "SELECT a FROM t")
    }

    @Test("INTERSECT binds tighter than UNION and EXCEPT, which associate to the left")
    func setOperationPrecedence() throws {
        let query = try SQLParser.parseQuery("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4")
        guard case .setOperation(let except) = query.body, except.op == .except,
            case .setOperation(let union) = except.left, union.op == .union,
            case .setOperation(let intersect) = union.right, intersect.op == .intersect
        else {
            Issue.record("wrong shape: \(query.sql)")
            return
        }
        #expect(try printed("SELECT 1 UNION (SELECT 2 UNION SELECT 3)") == "SELECT 1 UNION (SELECT 2 UNION SELECT 3)")
        #expect(
            try printed("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3")
                == "(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3")
        #expect(try printed("((SELECT 1)) MINUS ALL SELECT 2") == "SELECT 1 EXCEPT ALL SELECT 2")
    }

    @Test("ORDER BY and LIMIT after a set operation apply to all of it; inside parentheses to one side")
    func orderingSetOperations() throws {
        let query = try SQLParser.parseQuery("SELECT a FROM x UNION ALL SELECT a FROM y ORDER BY a LIMIT 5")
        guard case .setOperation(let union) = query.body else {
            Issue.record("expected a set operation")
            return
        }
        #expect(union.isAll)
        #expect(query.orderBy.count == 1)
        #expect(query.limit?.kind == .literal(.number(NumericLiteral("5", .integer))))
        let nested = try SQLParser.parseQuery("(SELECT a FROM x LIMIT 1) UNION SELECT a FROM y")
        guard case .setOperation(let operation) = nested.body, case .nested(let left) = operation.left else {
            Issue.record("expected a nested query on the left")
            return
        }
        #expect(left.limit != nil)
        #expect(nested.limit == nil)
    }

    @Test("WITH: several CTEs, column lists, AS optional, nested WITH")
    func commonTableExpressions() throws {
        let query = try SQLParser.parseQuery("WITH a(x) AS (SELECT 1), b (SELECT x FROM a) SELECT * FROM b")
        #expect(query.with.map(\.name.name) == ["a", "b"])
        #expect(query.with.first?.columns.map(\.name) == ["x"])
        #expect(query.sql == "WITH a(x) AS (SELECT 1), b AS (SELECT x FROM a) SELECT * FROM b")
        #expect(
            try printed("SELECT * FROM (WITH c AS (SELECT 1) SELECT * FROM c)")
                == "SELECT * FROM (WITH c AS (SELECT 1) SELECT * FROM c)")
    }

    @Test("VALUES as a query and as a FROM entry; a table may still be called values")
    func inlineTables() throws {
        let query = try SQLParser.parseQuery("VALUES (1, 'a'), (2, 'b')")
        guard case .values(let table) = query.body else {
            Issue.record("expected VALUES")
            return
        }
        #expect(table.rows.map(\.count) == [2, 2])
        #expect(try printed("values 1, 2") == "VALUES (1), (2)")
        #expect(try printed("SELECT * FROM VALUES (1), (2) t(a)") == "SELECT * FROM VALUES (1), (2) AS t(a)")
        #expect(try printed("SELECT values FROM values v") == "SELECT values FROM values AS v")
    }

    @Test("LIMIT … OFFSET …, and offset stays a usable column name")
    func offsets() throws {
        let query = try SQLParser.parseQuery("SELECT offset FROM t OFFSET 5")
        #expect(query.offset?.kind == .literal(.number(NumericLiteral("5", .integer))))
        #expect(query.sql == "SELECT offset FROM t OFFSET 5")
        #expect(try printed("SELECT a offset FROM t LIMIT 1 OFFSET 2") == "SELECT a AS offset FROM t LIMIT 1 OFFSET 2")
    }

    @Test("a trailing semicolon is fine; comments anywhere")
    func statementEnd() throws {
        #expect(try printed("SELECT 1 ; ;") == "SELECT 1")
        #expect(try printed("-- header\nSELECT /* inline */ 1 -- trailing") == "SELECT 1")
    }

    @Test("nodes keep their source location")
    func locations() throws {
        let query = try SQLParser.parseQuery("WITH c AS (SELECT 1)\nSELECT x\nFROM t\nWHERE y > 1")
        #expect(query.location == SourceLocation(line: 1, column: 1, offset: 0))
        guard case .select(let select) = query.body, case .table(let table) = select.from.first else {
            Issue.record("expected SELECT … FROM t")
            return
        }
        #expect(select.location == SourceLocation(line: 2, column: 1, offset: 21))
        #expect(table.name.location == SourceLocation(line: 3, column: 6, offset: 35))
        #expect(select.filter?.location == SourceLocation(line: 4, column: 9, offset: 45))
        #expect(query.with.first?.name.location == SourceLocation(line: 1, column: 6, offset: 5))
    }
}
