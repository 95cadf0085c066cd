import SluiceCore
import SluiceSQL
import Testing

/// UNION, EXCEPT (MINUS) and INTERSECT with and without ALL, and VALUES lists, over the fixture's
/// `orders` (customers alice ×3, bob ×3, null ×2, carol, Dave) and `customers` (names alice, bob ×2,
/// erin, null, Dave): duplicates, nulls compared as equal, type widening, ORDER BY and LIMIT on the
/// whole, empty inputs and errors.
@Suite struct SetOperationTests {
    private func names(_ values: [String?]) -> [String] {
        values.map { value in value.map { #"{"customer":"\#($0)"}"# } ?? #"{"customer":null}"# }
    }

    @Test func unionAllKeepsDuplicatesAndNulls() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT customer FROM orders WHERE id <= 4 UNION ALL SELECT name FROM customers WHERE tier = 1
            ORDER BY customer NULLS FIRST
            """, names([nil, "alice", "alice", "alice", "bob", "erin"]))
    }

    @Test func unionRemovesDuplicatesWithNullsEqual() async throws {
        try await EngineFixture.expectRows(
            "SELECT customer FROM orders UNION SELECT name FROM customers ORDER BY 1",
            names([nil, "Dave", "alice", "bob", "carol", "erin"]))
        try await EngineFixture.expectRows(
            "SELECT customer FROM orders UNION DISTINCT SELECT name FROM customers WHERE tier = 1 ORDER BY 1",
            names([nil, "Dave", "alice", "bob", "carol", "erin"]))
    }

    @Test func exceptAndMinusKeepDistinctLeftRowsTheRightLacks() async throws {
        // The null customer is on both sides, so it goes.
        try await EngineFixture.expectRows(
            "SELECT customer FROM orders EXCEPT SELECT name FROM customers", names(["carol"]))
        try await EngineFixture.expectRows(
            "SELECT customer FROM orders MINUS SELECT name FROM customers", names(["carol"]))
        try await EngineFixture.expectRows(
            "SELECT customer FROM orders EXCEPT DISTINCT SELECT name FROM customers WHERE tier > 1 ORDER BY 1",
            names(["alice", "carol"]))
    }

    @Test func exceptAllSubtractsCounts() async throws {
        // orders: alice 3, bob 3, null 2, carol 1, Dave 1; customers: alice 1, bob 2, erin 1, null 1, Dave 1.
        try await EngineFixture.expectRows(
            "SELECT customer FROM orders EXCEPT ALL SELECT name FROM customers ORDER BY customer NULLS FIRST",
            names([nil, "alice", "alice", "bob", "carol"]))
    }

    @Test func intersectKeepsCommonRows() async throws {
        try await EngineFixture.expectRows(
            "SELECT customer FROM orders INTERSECT SELECT name FROM customers ORDER BY 1",
            names([nil, "Dave", "alice", "bob"]))
        try await EngineFixture.expectRows(
            "SELECT customer FROM orders INTERSECT ALL SELECT name FROM customers ORDER BY 1",
            names([nil, "Dave", "alice", "bob", "bob"]))
    }

    @Test func wholeRowsAreCompared() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT customer, qty FROM orders INTERSECT SELECT o.customer, o.qty FROM orders o
            WHERE o.id IN (1, 2, 4, 5) ORDER BY customer
            """,
            [
                #"{"customer":null,"qty":2}"#, #"{"customer":"alice","qty":3}"#, #"{"customer":"bob","qty":null}"#,
                #"{"customer":"carol","qty":7}"#,
            ])
    }

    @Test func intersectBindsTighterThanUnion() async throws {
        try await EngineFixture.expectRows(
            "SELECT 1 AS x UNION ALL SELECT 2 INTERSECT SELECT 2 ORDER BY x", [#"{"x":1}"#, #"{"x":2}"#])
    }

    @Test func typesWidenToACommonTypeAndNamesComeFromTheFirstBranch() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let sql = """
            SELECT qty AS x FROM orders WHERE id = 1 UNION ALL SELECT id FROM orders WHERE id = 2
            UNION ALL SELECT price FROM orders WHERE id = 4 ORDER BY x
            """
        let result = try await QueryEngine().run(sql: sql, catalog: fixture.catalog)
        #expect(result.schema.fields.map(\.name) == ["x"])
        #expect(result.schema.fields.map(\.dataType) == [.float64])
        #expect(try await fixture.rows(sql) == [#"{"x":2.0}"#, #"{"x":3.0}"#, #"{"x":4.0}"#])
        let decimal = try await QueryEngine().run(
            sql: "SELECT amount FROM orders UNION ALL SELECT qty FROM orders", catalog: fixture.catalog)
        #expect(decimal.schema.fields.map(\.dataType) == [.decimal(precision: 12, scale: 2)])
        #expect(decimal.rowCount == 20)
        // An untyped NULL column takes the other side's type.
        #expect(
            try await fixture.rows("SELECT NULL AS s UNION ALL SELECT 'a' ORDER BY s")
                == [#"{"s":null}"#, #"{"s":"a"}"#])
    }

    @Test func orderByAndLimitApplyToTheWholeResult() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT id AS a, qty FROM orders WHERE id <= 3 UNION ALL SELECT id, qty FROM orders WHERE id >= 9
            ORDER BY qty DESC LIMIT 2
            """, [#"{"a":9,"qty":9}"#, #"{"a":10,"qty":6}"#])
        try await EngineFixture.expectRows(
            "(SELECT id FROM orders ORDER BY id DESC LIMIT 2) UNION ALL (SELECT id FROM orders ORDER BY id LIMIT 1) ORDER BY id",
            [#"{"id":1}"#, #"{"id":9}"#, #"{"id":10}"#])
        let error = try await EngineFixture.analysisFailure(
            "SELECT id AS a FROM orders UNION ALL SELECT id AS b FROM orders ORDER BY b")
        #expect(error.message.contains("unknown column \"b\""), "\(error.message)")
    }

    @Test func emptyInputs() async throws {
        try await EngineFixture.expectRows(
            "SELECT id FROM nothing UNION ALL SELECT id FROM orders WHERE id = 1", [#"{"id":1}"#])
        try await EngineFixture.expectRows(
            "SELECT count(*) AS n FROM (SELECT id FROM orders EXCEPT SELECT id FROM nothing) t", [#"{"n":10}"#])
        try await EngineFixture.expectRows("SELECT id FROM orders INTERSECT SELECT id FROM nothing", [])
        try await EngineFixture.expectRows("SELECT id FROM nothing EXCEPT ALL SELECT id FROM orders", [])
        try await EngineFixture.expectRows("SELECT id FROM nothing UNION SELECT id FROM nothing", [])
    }

    @Test func mismatchedColumnsFailAtTheOperator() async throws {
        let count = try await EngineFixture.analysisFailure("SELECT id, qty FROM orders UNION SELECT id FROM orders")
        #expect(count.message == "UNION needs the same number of columns on both sides: the first has 2, the second 1")
        #expect(count.location.column == 28)
        let types = try await EngineFixture.analysisFailure(
            "SELECT day FROM orders EXCEPT SELECT customer = 'x' FROM orders")
        #expect(types.message.hasPrefix("EXCEPT cannot combine column 1 (day) of types"), "\(types.message)")
        #expect(types.location.column == 24)
    }

    @Test func valuesListsNameTheirColumnsCol1AndOn() async throws {
        try await EngineFixture.expectRows(
            "VALUES (1, 'a'), (2, NULL)", [#"{"col1":1,"col2":"a"}"#, #"{"col1":2,"col2":null}"#])
        try await EngineFixture.expectRows(
            "SELECT x, y FROM (VALUES (1, 2), (3, NULL)) AS t(x, y) WHERE x > 1", [#"{"x":3,"y":null}"#])
        try await EngineFixture.expectRows(
            "SELECT t.b FROM VALUES ('p', 1), ('q', 2) AS t(a, b) WHERE t.a = 'q'", [#"{"b":2}"#])
        try await EngineFixture.expectRows(
            "SELECT count(*) AS n, sum(a) AS s FROM orders, VALUES (1), (2) t(a)", [#"{"n":20,"s":30}"#])
        try await EngineFixture.expectRows(
            "SELECT col1 FROM VALUES 3, 1, 2 ORDER BY col1", [#"{"col1":1}"#, #"{"col1":2}"#, #"{"col1":3}"#])
        try await EngineFixture.expectRows(
            "VALUES (1) UNION ALL SELECT id FROM orders WHERE id = 2 ORDER BY 1", [#"{"col1":1}"#, #"{"col1":2}"#])
    }

    @Test func valuesWidenEachColumn() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let result = try await QueryEngine().run(
            sql: "VALUES (1, 'a'), (CAST(2 AS BIGINT), NULL), (NULL, 'c')", catalog: fixture.catalog)
        #expect(result.schema.fields.map(\.dataType) == [.int64, .string])
        #expect(result.rowCount == 3)
    }

    @Test func valuesRowsMustHaveOneWidth() async throws {
        let error = try await EngineFixture.analysisFailure("SELECT * FROM VALUES (1, 2), (3) AS t")
        #expect(error.message == "the rows of VALUES must have the same number of values: the first has 2, this one 1")
        #expect(error.location.column == 31)
    }
}
