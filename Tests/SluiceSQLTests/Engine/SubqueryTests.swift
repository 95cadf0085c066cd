import SluiceCompute
import SluiceSQL
import Testing

/// Subqueries in expressions over the fixture's `orders` (qty 3, null, 5, 2, 7, 1, 4, 0, 9, 6 for
/// ids 1 to 10) and `customers` (alice 1, bob 2, bob 3, erin 1, a null name 5, Dave 2 as name and
/// tier): scalar subqueries, uncorrelated and correlated; IN and NOT IN with Spark's null rules;
/// EXISTS and NOT EXISTS; and the errors for what cannot be planned.
@Suite struct SubqueryTests {
    @Test func uncorrelatedScalarSubqueriesInWhereAndSelect() async throws {
        // avg(qty) is 37 / 9.
        try await EngineFixture.expectRows(
            "SELECT id FROM orders WHERE qty > (SELECT avg(qty) FROM orders) ORDER BY id",
            EngineFixture.idRows([3, 5, 9, 10]))
        try await EngineFixture.expectRows(
            "SELECT id, qty - (SELECT min(qty) FROM orders) AS d FROM orders WHERE id <= 3 ORDER BY id",
            [#"{"id":1,"d":3}"#, #"{"id":2,"d":null}"#, #"{"id":3,"d":5}"#])
        try await EngineFixture.expectRows(
            "SELECT id FROM orders ORDER BY abs(qty - (SELECT max(qty) FROM orders)) NULLS LAST LIMIT 2",
            EngineFixture.idRows([9, 5]))
    }

    @Test func scalarSubqueryWithoutRowsIsNull() async throws {
        try await EngineFixture.expectRows(
            "SELECT (SELECT max(id) FROM nothing) AS m, (SELECT count(*) FROM nothing) AS c, (SELECT id FROM orders WHERE id > 99) AS x",
            [#"{"m":null,"c":0,"x":null}"#])
    }

    @Test func scalarSubqueryWithTwoRowsFails() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        do {
            let rows = try await fixture.rows("SELECT id, (SELECT name FROM customers WHERE tier = 1) AS n FROM orders")
            Issue.record("expected an error, got \(rows)")
        } catch let error as ComputeError {
            #expect(error.message.contains("SCALAR_SUBQUERY_TOO_MANY_ROWS"), "\(error)")
        }
    }

    @Test func correlatedScalarSubqueriesAggregatePerOuterRow() async throws {
        // No orders for erin and the null name: count gives 0 there, max null.
        try await EngineFixture.expectRows(
            """
            SELECT c.name, (SELECT count(*) FROM orders o WHERE o.customer = c.name) AS n,
              (SELECT max(o.qty) FROM orders o WHERE c.name = o.customer) AS q,
              (SELECT count(o.qty) + 1 FROM orders o WHERE o.customer = c.name AND o.id > 2) AS later
            FROM customers c ORDER BY c.tier, c.name
            """,
            [
                #"{"name":"alice","n":3,"q":9,"later":3}"#, #"{"name":"erin","n":0,"q":null,"later":1}"#,
                #"{"name":"Dave","n":1,"q":0,"later":2}"#, #"{"name":"bob","n":3,"q":6,"later":3}"#,
                #"{"name":"bob","n":3,"q":6,"later":3}"#, #"{"name":null,"n":0,"q":null,"later":1}"#,
            ])
    }

    @Test func inSubqueryBecomesASemiJoin() async throws {
        // bob is twice in customers; each order still comes once.
        try await EngineFixture.expectRows(
            "SELECT id FROM orders WHERE customer IN (SELECT name FROM customers WHERE tier >= 2) ORDER BY id",
            EngineFixture.idRows([2, 6, 8, 10]))
        // qty (INT) against id (BIGINT).
        try await EngineFixture.expectRows(
            "SELECT id FROM orders WHERE qty IN (SELECT id FROM orders WHERE id < 3) ORDER BY id",
            EngineFixture.idRows([4, 6]))
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let plan = try QueryEngine().explain(
            sql: "SELECT id FROM orders WHERE customer IN (SELECT name FROM customers)", catalog: fixture.catalog)
        #expect(plan.contains("HashJoin LeftSemi keys=[customer#1 = name#0]"), "\(plan)")
    }

    @Test func notInIsNullAware() async throws {
        // A null name makes every NOT IN null or false.
        try await EngineFixture.expectRows(
            "SELECT id FROM orders WHERE customer NOT IN (SELECT name FROM customers)", [])
        // Without it, the null customers (4 and 7) still give null.
        try await EngineFixture.expectRows(
            "SELECT id FROM orders WHERE customer NOT IN (SELECT name FROM customers WHERE name IS NOT NULL)",
            EngineFixture.idRows([5]))
        // Against no rows NOT IN is true, even for null.
        try await EngineFixture.expectRows(
            "SELECT count(*) AS n FROM orders WHERE customer NOT IN (SELECT name FROM customers WHERE tier > 9)",
            [#"{"n":10}"#])
    }

    @Test func inAsAValueIsTrueFalseOrNull() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT id, customer IN (SELECT name FROM customers WHERE name IS NOT NULL) AS i,
              qty NOT IN (SELECT tier FROM customers) AS ni, qty IN (SELECT id FROM nothing) AS e
            FROM orders WHERE id IN (1, 2, 4, 5) ORDER BY id
            """,
            [
                #"{"id":1,"i":true,"ni":false,"e":false}"#, #"{"id":2,"i":true,"ni":null,"e":false}"#,
                #"{"id":4,"i":null,"ni":false,"e":false}"#, #"{"id":5,"i":false,"ni":true,"e":false}"#,
            ])
        try await EngineFixture.expectRows(
            "SELECT count(*) AS n FROM orders WHERE customer IN (SELECT name FROM customers) OR id = 5", [#"{"n":8}"#])
    }

    @Test func correlatedInAndInsideAggregates() async throws {
        // Orders whose qty is the tier of a customer of the same name.
        try await EngineFixture.expectRows(
            "SELECT id FROM orders o WHERE qty IN (SELECT tier + 2 FROM customers c WHERE c.name = o.customer)",
            EngineFixture.idRows([1]))
        try await EngineFixture.expectRows(
            "SELECT id FROM orders o WHERE qty IN (SELECT tier - 2 FROM customers c WHERE o.customer = c.name) ORDER BY id",
            EngineFixture.idRows([6, 8]))
        // No customer row for a key means an empty subquery: NOT IN is true, even for the null customers.
        try await EngineFixture.expectRows(
            "SELECT id FROM orders o WHERE qty NOT IN (SELECT tier - 2 FROM customers c WHERE c.name = o.customer) ORDER BY id",
            EngineFixture.idRows([1, 3, 4, 5, 7, 9, 10]))
        try await EngineFixture.expectRows(
            "SELECT count(CASE WHEN customer IN (SELECT name FROM customers WHERE tier = 1) THEN 1 END) AS n FROM orders",
            [#"{"n":3}"#])
    }

    @Test func existsAndNotExists() async throws {
        try await EngineFixture.expectRows(
            "SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer = c.name AND o.qty > 4) ORDER BY name",
            [#"{"name":"alice"}"#, #"{"name":"bob"}"#, #"{"name":"bob"}"#])
        try await EngineFixture.expectRows(
            "SELECT name FROM customers c WHERE NOT EXISTS (SELECT * FROM orders o WHERE o.customer = c.name) ORDER BY tier",
            [#"{"name":"erin"}"#, #"{"name":null}"#])
        try await EngineFixture.expectRows(
            "SELECT count(*) AS n FROM orders WHERE EXISTS (SELECT 1 FROM nothing)", [#"{"n":0}"#])
        try await EngineFixture.expectRows(
            "SELECT count(*) AS n FROM orders WHERE NOT EXISTS (SELECT 1 FROM nothing)", [#"{"n":10}"#])
        try await EngineFixture.expectRows(
            "SELECT count(*) AS n FROM orders WHERE EXISTS (SELECT 1 FROM customers WHERE tier = 3)", [#"{"n":10}"#])
    }

    @Test func existsAsAValue() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT name, EXISTS (SELECT 1 FROM orders o WHERE o.customer = c.name AND o.qty > 4) AS big
            FROM customers c ORDER BY tier, name
            """,
            [
                #"{"name":"alice","big":true}"#, #"{"name":"erin","big":false}"#, #"{"name":"Dave","big":false}"#,
                #"{"name":"bob","big":true}"#, #"{"name":"bob","big":true}"#, #"{"name":null,"big":false}"#,
            ])
        try await EngineFixture.expectRows(
            """
            SELECT id FROM orders o
            WHERE o.qty = 0 OR EXISTS (SELECT 1 FROM customers c WHERE c.name = o.customer AND c.tier = 3) ORDER BY id
            """, EngineFixture.idRows([2, 6, 8, 10]))
    }

    @Test func subqueriesThatCannotBePlannedFailAtTheirLocation() async throws {
        let inequality = try await EngineFixture.analysisFailure(
            "SELECT id FROM orders o WHERE EXISTS (SELECT 1 FROM customers c WHERE c.tier > o.qty)")
        #expect(inequality.message.hasPrefix("a condition on outer columns in a subquery must be an equality"))
        #expect(inequality.location.column == 78)
        let notAggregated = try await EngineFixture.analysisFailure(
            "SELECT (SELECT c.tier FROM customers c WHERE c.name = o.customer) AS t FROM orders o")
        #expect(notAggregated.message.hasPrefix("a correlated scalar subquery must aggregate"))
        #expect(notAggregated.location.column == 8)
        let twoColumns = try await EngineFixture.analysisFailure(
            "SELECT id FROM orders WHERE id IN (SELECT id, qty FROM orders)")
        #expect(twoColumns.message == "the subquery must return one column, not 2")
        let having = try await EngineFixture.analysisFailure(
            "SELECT customer FROM orders GROUP BY customer HAVING count(*) > (SELECT count(*) FROM customers)")
        #expect(having.message.hasPrefix("in a query with GROUP BY or aggregates, subqueries are supported only"))
        #expect(having.location.column == 65)
        let inOn = try await EngineFixture.analysisFailure(
            "SELECT o.id FROM orders o JOIN customers c ON c.tier = (SELECT max(tier) FROM customers)")
        #expect(inOn.message == "subqueries are not supported here (for now)")
    }
}
