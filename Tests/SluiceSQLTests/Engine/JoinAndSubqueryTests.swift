import SluiceSQL
import Testing

/// CTEs, subqueries in FROM and joins over the fixture's `orders` and `customers`, with the exact rows
/// expected.
@Suite struct JoinAndSubqueryTests {
    @Test func cteShadowsAView() async throws {
        // `big` is also a view (with column n only).
        try await EngineFixture.expectRows(
            "WITH big AS (SELECT id, qty FROM orders WHERE qty >= 5) SELECT id FROM big ORDER BY id",
            EngineFixture.idRows([3, 5, 9, 10]))
    }

    @Test func ctesSeeEarlierOnesTakeColumnNamesAndRepeat() async throws {
        try await EngineFixture.expectRows(
            """
            WITH a (k, q) AS (SELECT id, qty FROM orders WHERE id <= 3), b AS (SELECT k FROM a WHERE q IS NOT NULL)
            SELECT a.k, a.q FROM a JOIN b ON a.k = b.k ORDER BY a.k
            """, [#"{"k":1,"q":3}"#, #"{"k":3,"q":5}"#])
    }

    @Test func subqueryWithColumnAliases() async throws {
        try await EngineFixture.expectRows(
            "SELECT t.c, t.n FROM (SELECT customer, count(*) FROM orders GROUP BY customer) AS t (c, n) WHERE t.n > 1 ORDER BY c",
            [#"{"c":null,"n":2}"#, #"{"c":"alice","n":3}"#, #"{"c":"bob","n":3}"#])
        let error = try await EngineFixture.analysisFailure("SELECT * FROM (SELECT id, qty FROM orders) t (a)")
        #expect(error.message == "1 column names given for 2 columns")
        #expect(error.location.column == 47)
    }

    @Test func innerJoinRepeatsDuplicateKeysAndDropsNullKeys() async throws {
        try await EngineFixture.expectRows(
            "SELECT o.id, c.tier FROM orders o JOIN customers c ON o.customer = c.name ORDER BY o.id, c.tier",
            [(1, 1), (2, 2), (2, 3), (3, 1), (6, 2), (6, 3), (8, 2), (9, 1), (10, 2), (10, 3)].map {
                #"{"id":\#($0.0),"tier":\#($0.1)}"#
            })
        // alice 3 × 3, bob 3 × 3, carol and Dave 1 each; the two null customers match nothing.
        try await EngineFixture.expectRows(
            "SELECT count(*) AS n FROM orders a JOIN orders b ON a.customer = b.customer", [#"{"n":20}"#])
    }

    @Test func keysOfDifferentTypesAreCoerced() async throws {
        try await EngineFixture.expectRows(
            "SELECT a.id AS a, b.id AS b FROM orders a INNER JOIN orders b ON a.qty = b.id ORDER BY a.id",
            [(1, 3), (3, 5), (4, 2), (5, 7), (6, 1), (7, 4), (9, 9), (10, 6)].map { #"{"a":\#($0.0),"b":\#($0.1)}"# })
    }

    @Test func leftJoinPadsWithNullsAndAppliesTheResidual() async throws {
        try await EngineFixture.expectRows(
            "SELECT o.id, c.region FROM orders o LEFT JOIN customers c ON o.customer = c.name AND c.tier < 3 WHERE o.id <= 5 ORDER BY o.id",
            [
                #"{"id":1,"region":"north"}"#, #"{"id":2,"region":"south"}"#, #"{"id":3,"region":"north"}"#,
                #"{"id":4,"region":null}"#, #"{"id":5,"region":null}"#,
            ])
    }

    @Test func rightJoinKeepsUnmatchedBuildRows() async throws {
        try await EngineFixture.expectRows(
            "SELECT o.id, c.name FROM orders o RIGHT JOIN customers c ON o.customer = c.name AND o.qty > 4 ORDER BY c.name, o.id",
            [
                #"{"id":null,"name":null}"#, #"{"id":null,"name":"Dave"}"#, #"{"id":3,"name":"alice"}"#,
                #"{"id":9,"name":"alice"}"#, #"{"id":10,"name":"bob"}"#, #"{"id":10,"name":"bob"}"#,
                #"{"id":null,"name":"erin"}"#,
            ])
    }

    @Test func fullJoinUsingMergesTheKey() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT customer, o.id, c.tier FROM orders o FULL JOIN (SELECT name AS customer, tier FROM customers) c
            USING (customer) WHERE o.id IS NULL OR o.id > 7 ORDER BY customer, c.tier
            """,
            [
                #"{"customer":null,"id":null,"tier":5}"#, #"{"customer":"Dave","id":8,"tier":2}"#,
                #"{"customer":"alice","id":9,"tier":1}"#, #"{"customer":"bob","id":10,"tier":2}"#,
                #"{"customer":"bob","id":10,"tier":3}"#, #"{"customer":"erin","id":null,"tier":1}"#,
            ])
        // `*` shows the key once, first; the sides' copies stay reachable by qualified name.
        try await EngineFixture.expectRows(
            """
            SELECT *, c.customer AS theirs FROM (SELECT id, customer FROM orders WHERE id = 1) o
            JOIN (SELECT name AS customer, tier FROM customers) c USING (customer)
            """, [#"{"customer":"alice","id":1,"tier":1,"theirs":"alice"}"#])
    }

    @Test func semiAndAntiJoinsKeepLeftRowsOnce() async throws {
        try await EngineFixture.expectRows(
            "SELECT * FROM (SELECT id FROM orders) o LEFT SEMI JOIN customers c ON o.id = c.tier ORDER BY id",
            EngineFixture.idRows([1, 2, 3, 5]))
        try await EngineFixture.expectRows(
            "SELECT id FROM orders o LEFT ANTI JOIN customers c ON o.customer = c.name ORDER BY id",
            EngineFixture.idRows([4, 5, 7]))
    }

    @Test func crossAndCommaJoins() async throws {
        try await EngineFixture.expectRows("SELECT count(*) AS n FROM orders, customers", [#"{"n":60}"#])
        try await EngineFixture.expectRows(
            "SELECT o.id, c.name FROM orders o CROSS JOIN customers c WHERE o.id = 1 AND c.tier = 1 ORDER BY c.name",
            [#"{"id":1,"name":"alice"}"#, #"{"id":1,"name":"erin"}"#])
        try await EngineFixture.expectRows(
            "SELECT a.id AS a, b.id AS b FROM orders a JOIN orders b ON a.id < b.id AND b.id <= 3 ORDER BY a, b",
            [#"{"a":1,"b":2}"#, #"{"a":1,"b":3}"#, #"{"a":2,"b":3}"#])
    }

    @Test func emptySides() async throws {
        try await EngineFixture.expectRows(
            "SELECT o.id, n.id AS other FROM orders o LEFT JOIN nothing n ON o.id = n.id WHERE o.id < 3 ORDER BY o.id",
            [#"{"id":1,"other":null}"#, #"{"id":2,"other":null}"#])
        try await EngineFixture.expectRows(
            "SELECT n.id, c.name FROM nothing n RIGHT JOIN customers c ON n.customer = c.name WHERE c.tier = 3",
            [#"{"id":null,"name":"bob"}"#])
    }

    @Test func commaJoinWithWhereBecomesAHashJoinWithPushedFilters() async throws {
        let sql = "SELECT o.id FROM orders o, customers c WHERE o.customer = c.name AND c.tier = 3 ORDER BY o.id"
        try await EngineFixture.expectRows(sql, EngineFixture.idRows([2, 6, 10]))
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let text = try QueryEngine().explain(sql: sql, catalog: fixture.catalog)
        #expect(text.contains("HashJoin Inner keys=[customer#1 = name#0]"), "\(text)")
        #expect(text.contains("prune=[tier = 3]"), "\(text)")
    }

    @Test func whereAboveAnOuterJoinMovesOnlyToTheSideNeverPadded() async throws {
        // c.tier IS NULL must see the padded rows, so it stays above the join.
        try await EngineFixture.expectRows(
            "SELECT o.id FROM orders o LEFT JOIN customers c ON o.customer = c.name WHERE c.tier IS NULL ORDER BY o.id",
            EngineFixture.idRows([4, 5, 7]))
        let sql = "SELECT o.id, c.region FROM orders o LEFT JOIN customers c ON o.customer = c.name WHERE o.id > 8"
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let text = try QueryEngine().explain(sql: sql, catalog: fixture.catalog)
        #expect(text.contains("ParquetScan orders [id, customer] prune=[id > 8]"), "\(text)")
    }

    @Test func columnsOnlyAFilterReadsAreDroppedBeforeTheJoin() async throws {
        let sql = "SELECT o.id, c.tier FROM orders o JOIN customers c ON o.customer = c.name WHERE c.region <> 'none'"
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let text = try QueryEngine().explain(sql: sql, catalog: fixture.catalog)
        // region is read by the pushed-down filter only: the join carries name and tier.
        #expect(text.contains("    Project name#0, tier#1\n      Filter (region#2 <> 'none')"), "\(text)")
        // alice's 3 orders, and bob's 3 against both bobs; Dave's region is null.
        let rows = try await fixture.rows(sql + " ORDER BY o.id, c.tier")
        #expect(rows.count == 9, "\(rows)")
    }

    @Test func integerKeysJoinWhetherDenseOrSparse() async throws {
        // wide's k (0 to 1499, each 3 or 4 times) is dense: indexed directly, duplicates chained;
        // big's n (1 and Int64.max) is sparse: hashed slots. Negative keys miss both.
        try await EngineFixture.expectRows(
            "SELECT count(*) AS n, sum(v.k) AS s FROM wide w JOIN wide v ON w.k = v.k WHERE w.k IN (0, 7, 1499)",
            [#"{"n":41,"s":13603}"#])
        try await EngineFixture.expectRows(
            "SELECT o.id, b.n FROM orders o JOIN big b ON o.id = b.n", [#"{"id":1,"n":1}"#])
        try await EngineFixture.expectRows(
            "SELECT count(*) AS n FROM orders o JOIN big b ON -o.id = b.n", [#"{"n":0}"#])
    }

    @Test func innerJoinBuildsOnTheSmallerSide() async throws {
        let sql =
            "SELECT c.name, o.id FROM customers c JOIN orders o ON c.name = o.customer WHERE o.id > 8 ORDER BY o.id"
        try await EngineFixture.expectRows(
            sql, [#"{"name":"alice","id":9}"#, #"{"name":"bob","id":10}"#, #"{"name":"bob","id":10}"#])
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let text = try QueryEngine().explain(sql: sql, catalog: fixture.catalog)
        let physical = try #require(text.range(of: "== Physical plan ==")).upperBound
        let probe = try #require(text.range(of: "ParquetScan orders", range: physical..<text.endIndex))
        let build = try #require(text.range(of: "ParquetScan customers", range: physical..<text.endIndex))
        #expect(probe.lowerBound < build.lowerBound, "\(text)")
    }

    @Test func largeJoinOutputComesInBoundedBatches() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        // 5,000 rows × the 120 rows with k < 30, through a residual that keeps a third of the pairs.
        let batches = try QueryEngine().execute(
            sql: "SELECT a.k FROM wide a CROSS JOIN wide b WHERE b.k < 30 AND (a.k + b.k) % 3 = 0",
            catalog: fixture.catalog)
        var rows = 0
        var largest = 0
        for try await batch in batches {
            rows += batch.numRows
            largest = max(largest, batch.numRows)
        }
        #expect(rows == 200_000)
        #expect(largest <= 65_536)
    }

    @Test func ambiguousAndUnknownNamesPointAtThemselves() async throws {
        let ambiguous = try await EngineFixture.analysisFailure(
            "SELECT customer FROM orders a JOIN orders b ON a.id = b.id")
        #expect(ambiguous.message == #"column "customer" is ambiguous"#)
        #expect(ambiguous.location.column == 8)
        let unknown = try await EngineFixture.analysisFailure(
            "SELECT id FROM orders o JOIN customers c USING (customr)")
        #expect(unknown.message.contains(#"did you mean "customer"?"#))
        #expect(unknown.location.column == 49)
    }
}
