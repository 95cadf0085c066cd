import Foundation
import SluiceCompute
import SluiceCore
import SluiceSQL
import Testing

/// End-to-end queries over small parquet views, compared with the exact JSON lines expected.
@Suite struct QueryEngineTests {
    private func check(_ sql: String, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation)
        async throws
    {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let rows = try await fixture.rows(sql)
        #expect(rows == expected, "\(sql)", sourceLocation: sourceLocation)
    }

    private func failure(_ sql: String) async throws -> any Error {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        do {
            let rows = try await fixture.rows(sql)
            Issue.record("expected an error, got \(rows)")
            return CancellationError()
        } catch {
            return error
        }
    }

    @Test func filterAndProject() async throws {
        try await check(
            "SELECT id, customer FROM orders WHERE qty >= 5",
            [
                #"{"id":3,"customer":"alice"}"#, #"{"id":5,"customer":"carol"}"#, #"{"id":9,"customer":"alice"}"#,
                #"{"id":10,"customer":"bob"}"#,
            ])
    }

    @Test func wildcardKeepsEveryColumnInOrder() async throws {
        try await check(
            "SELECT * FROM orders WHERE id = 4",
            [#"{"id":4,"customer":null,"qty":2,"price":4.0,"amount":null,"day":"2026-01-01"}"#])
    }

    @Test func arithmeticWidensIntegersToDoubles() async throws {
        try await check(
            "SELECT id, qty * 2 AS twice, price + qty AS total, id - 1 AS prev FROM orders WHERE id <= 2",
            [#"{"id":1,"twice":6,"total":5.5,"prev":0}"#, #"{"id":2,"twice":null,"total":null,"prev":1}"#])
    }

    @Test func integerDivisionGivesDouble() async throws {
        try await check(
            "SELECT id / 2 AS half, id DIV 2 AS whole, id % 3 AS rest FROM orders WHERE id IN (1, 4)",
            [#"{"half":0.5,"whole":0,"rest":1}"#, #"{"half":2.0,"whole":2,"rest":1}"#])
    }

    @Test func threeValuedLogicKeepsOnlyTrueRows() async throws {
        // qty > 2 is null for id 2; NOT (null) stays null, so id 2 appears in neither query.
        try await check(
            "SELECT id FROM orders WHERE qty > 2 OR customer IS NULL ORDER BY id",
            ["1", "3", "4", "5", "7", "9", "10"].map { #"{"id":\#($0)}"# })
        try await check(
            "SELECT id FROM orders WHERE NOT (qty > 2) ORDER BY id", ["4", "6", "8"].map { #"{"id":\#($0)}"# })
    }

    @Test func inListAndBetween() async throws {
        try await check(
            "SELECT id FROM orders WHERE customer IN ('bob', 'carol') AND qty BETWEEN 1 AND 6 ORDER BY id",
            [#"{"id":6}"#, #"{"id":10}"#])
        try await check(
            "SELECT id FROM orders WHERE customer NOT IN ('alice', 'bob') ORDER BY id",
            [#"{"id":5}"#, #"{"id":8}"#])
    }

    @Test func caseEvaluatesBranchesLazily() async throws {
        try await check(
            "SELECT id, CASE WHEN qty <> 0 THEN 10 DIV qty WHEN qty IS NULL THEN -1 END AS r FROM orders WHERE id IN (1, 2, 8)",
            [#"{"id":1,"r":3}"#, #"{"id":2,"r":-1}"#, #"{"id":8,"r":null}"#])
        try await check(
            "SELECT CASE customer WHEN 'alice' THEN 1 WHEN 'bob' THEN 2 ELSE 0 END AS c FROM orders WHERE id <= 4",
            [#"{"c":1}"#, #"{"c":2}"#, #"{"c":1}"#, #"{"c":0}"#])
    }

    @Test func castAndTryCast() async throws {
        try await check(
            "SELECT CAST(id AS STRING) AS s, TRY_CAST(customer AS INT) AS n, CAST(amount AS DOUBLE) AS d FROM orders WHERE id = 1",
            [#"{"s":"1","n":null,"d":10.5}"#])
        let error = try await failure("SELECT CAST(customer AS INT) FROM orders")
        #expect("\(error)".contains("CAST_INVALID_INPUT"))
    }

    @Test func scalarFunctions() async throws {
        try await check(
            """
            SELECT coalesce(customer, 'nobody') AS who, upper(customer) AS up, lower('AbC') AS low,
                   length(customer) AS len, abs(price - 3) AS dist, round(price / 3, 2) AS r, round(amount, 1) AS ra
            FROM orders WHERE id IN (4, 8)
            """,
            [
                #"{"who":"nobody","up":null,"low":"abc","len":null,"dist":1.0,"r":1.33,"ra":null}"#,
                #"{"who":"Dave","up":"DAVE","low":"abc","len":4,"dist":7.0,"r":3.33,"ra":"100.0"}"#,
            ])
    }

    @Test func conditionalFunctions() async throws {
        try await check(
            """
            SELECT nvl(qty, -1) AS a, ifnull(customer, 'none') AS b, nullif(customer, 'bob') AS c,
                   if(price > 2, 'high', 'low') AS d
            FROM orders WHERE id IN (2, 4)
            """,
            [
                #"{"a":-1,"b":"bob","c":null,"d":"low"}"#,
                #"{"a":2,"b":"none","c":null,"d":"high"}"#,
            ])
    }

    @Test func unaliasedColumnsAreNamedAsSparkNamesThem() async throws {
        try await check(
            "SELECT o.id, qty * 2, -qty, id DIV 2, customer IS NULL, upper(customer), CAST(qty AS bigint), 'x' FROM orders o WHERE id = 1",
            [
                #"{"id":1,"(qty * 2)":6,"(- qty)":-3,"(id div 2)":0,"(customer IS NULL)":false,"upper(customer)":"ALICE","#
                    + #""CAST(qty AS BIGINT)":3,"x":"x"}"#
            ])
        try await check(
            "SELECT count(*), count(DISTINCT customer) FROM orders", [#"{"count(1)":10,"count(DISTINCT customer)":4}"#])
    }

    @Test func likeAndConcat() async throws {
        try await check(
            "SELECT id FROM orders WHERE customer LIKE 'a%e' OR customer ILIKE 'd_VE' OR customer NOT LIKE '%o%' ORDER BY id",
            ["1", "3", "8", "9"].map { #"{"id":\#($0)}"# })
        try await check(
            "SELECT customer || '-' || id AS tag, concat('#', qty) AS q FROM orders WHERE id IN (2, 4)",
            [#"{"tag":"bob-2","q":null}"#, ##"{"tag":null,"q":"#2"}"##])
        try await check(
            #"SELECT count(*) AS n FROM orders WHERE customer LIKE 'b\_b' OR customer LIKE '%'"#, [#"{"n":8}"#])
    }

    @Test func selectWithoutFrom() async throws {
        try await check(
            "SELECT 7 / 2 AS half, 7 DIV 2 AS whole, upper('a') || 'b' AS s, CAST('2026-01-02' AS DATE) AS d",
            [#"{"half":3.5,"whole":3,"s":"Ab","d":"2026-01-02"}"#])
        try await check("SELECT count(*) AS n, max(1) AS m", [#"{"n":1,"m":1}"#])
        let error = try await failure("SELECT 2147483647 + 1")
        #expect("\(error)".contains("ARITHMETIC_OVERFLOW"))
    }

    @Test func globalAggregates() async throws {
        try await check(
            "SELECT count(*) AS n, count(qty) AS nq, sum(qty) AS sq, avg(price) AS ap, min(customer) AS lo, max(day) AS hi FROM orders",
            [#"{"n":10,"nq":9,"sq":37,"ap":2.4166666666666665,"lo":"Dave","hi":"2026-01-05"}"#])
    }

    @Test func aggregatesOverEmptyInputGiveOneRow() async throws {
        try await check(
            "SELECT count(*) AS n, sum(qty) AS s, max(customer) AS m FROM orders WHERE id > 100",
            [#"{"n":0,"s":null,"m":null}"#])
        try await check("SELECT count(*) AS n FROM nothing", [#"{"n":0}"#])
        try await check("SELECT customer, count(*) AS n FROM nothing GROUP BY customer", [])
    }

    @Test func groupByMakesNullAGroup() async throws {
        try await check(
            "SELECT customer, count(*) AS n, sum(qty) AS q FROM orders GROUP BY customer ORDER BY customer",
            [
                #"{"customer":null,"n":2,"q":6}"#, #"{"customer":"Dave","n":1,"q":0}"#,
                #"{"customer":"alice","n":3,"q":17}"#, #"{"customer":"bob","n":3,"q":7}"#,
                #"{"customer":"carol","n":1,"q":7}"#,
            ])
    }

    @Test func groupByOrdinalAndExpressionWithHaving() async throws {
        try await check(
            "SELECT lower(customer) AS c, count(*) FROM orders GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC, c",
            [#"{"c":"alice","count(1)":3}"#, #"{"c":"bob","count(1)":3}"#, #"{"c":null,"count(1)":2}"#])
        try await check(
            "SELECT id % 2 AS parity, max(qty) - min(qty) AS spread FROM orders GROUP BY id % 2 ORDER BY parity",
            [#"{"parity":0,"spread":6}"#, #"{"parity":1,"spread":6}"#])
    }

    @Test func groupByAndHavingMayNameSelectAliases() async throws {
        try await check(
            "SELECT lower(customer) AS who, count(*) AS n FROM orders GROUP BY who HAVING n > 1 AND who IS NOT NULL ORDER BY who",
            [#"{"who":"alice","n":3}"#, #"{"who":"bob","n":3}"#])
        let error = try await failure("SELECT customer AS c FROM orders GROUP BY customer HAVING nn > 1")
        #expect((error as? SQLAnalysisError)?.message.hasPrefix(#"unknown column "nn""#) == true)
    }

    @Test func groupsSpanBatchesAndOutgrowTheTable() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let expected = (0..<1500).map { #"{"k":\#($0),"n":\#($0 < 500 ? 4 : 3)}"# }
        #expect(try await fixture.rows("SELECT k, count(*) AS n FROM wide GROUP BY k ORDER BY k") == expected)
        let bySubstring = try await fixture.rows(
            "SELECT s, count(*) AS n, min(k) AS lo FROM wide GROUP BY s HAVING lo < 3 ORDER BY lo")
        #expect(bySubstring == [#"{"s":"s0","n":4,"lo":0}"#, #"{"s":"s1","n":4,"lo":1}"#, #"{"s":"s2","n":4,"lo":2}"#])
        #expect(try await fixture.rows("SELECT count(DISTINCT s) AS d FROM wide") == [#"{"d":1500}"#])
    }

    @Test func countDistinct() async throws {
        try await check(
            "SELECT count(DISTINCT customer) AS c, count(DISTINCT day) AS d, sum(DISTINCT qty % 3) AS s FROM orders",
            [#"{"c":4,"d":5,"s":3}"#])
    }

    @Test func selectDistinct() async throws {
        try await check(
            "SELECT DISTINCT customer FROM orders ORDER BY customer DESC",
            [
                #"{"customer":"carol"}"#, #"{"customer":"bob"}"#, #"{"customer":"alice"}"#, #"{"customer":"Dave"}"#,
                #"{"customer":null}"#,
            ])
    }

    @Test func orderByNullDefaultsAndExplicitNulls() async throws {
        try await check(
            "SELECT id FROM orders WHERE id <= 4 ORDER BY price",
            [#"{"id":3}"#, #"{"id":2}"#, #"{"id":1}"#, #"{"id":4}"#])
        try await check(
            "SELECT id FROM orders WHERE id <= 4 ORDER BY price DESC",
            [#"{"id":4}"#, #"{"id":1}"#, #"{"id":2}"#, #"{"id":3}"#])
        try await check(
            "SELECT id FROM orders WHERE id <= 4 ORDER BY price ASC NULLS LAST",
            [#"{"id":2}"#, #"{"id":1}"#, #"{"id":4}"#, #"{"id":3}"#])
    }

    @Test func topNOrdersByAHiddenColumn() async throws {
        try await check(
            "SELECT customer FROM orders ORDER BY amount DESC, id LIMIT 3",
            [#"{"customer":"Dave"}"#, #"{"customer":"bob"}"#, #"{"customer":"alice"}"#])
        try await check("SELECT id FROM orders LIMIT 2", [#"{"id":1}"#, #"{"id":2}"#])
        try await check("SELECT id FROM orders ORDER BY id LIMIT 0", [])
    }

    @Test func decimalAggregatesKeepSparkTypes() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let result = try await QueryEngine().run(
            sql: "SELECT sum(amount) AS s, avg(amount) AS a, amount + 1 AS p FROM orders GROUP BY amount + 1 LIMIT 1",
            catalog: fixture.catalog)
        #expect(
            result.schema.fields.map(\.dataType) == [
                .decimal(precision: 20, scale: 2), .decimal(precision: 14, scale: 6), .decimal(precision: 11, scale: 2),
            ])
        try await check("SELECT sum(amount) AS s, avg(amount) AS a FROM orders", [#"{"s":"144.69","a":"16.076667"}"#])
    }

    @Test func datesCompareWithLiterals() async throws {
        try await check(
            "SELECT id FROM orders WHERE day >= DATE '2026-01-04' AND day < '2026-01-05' ORDER BY id",
            [#"{"id":8}"#, #"{"id":9}"#])
    }

    @Test func namesAreCaseInsensitive() async throws {
        try await check(
            "SELECT ID, O.Customer FROM ORDERS o WHERE o.CUSTOMER = 'carol'", [#"{"ID":5,"Customer":"carol"}"#])
    }

    @Test func overflowFailsUnderANSI() async throws {
        let error = try await failure("SELECT n + 1 FROM big")
        #expect(error is ComputeError)
        #expect("\(error)".contains("ARITHMETIC_OVERFLOW"))
        let sum = try await failure("SELECT sum(n) FROM big")
        #expect("\(sum)".contains("ARITHMETIC_OVERFLOW"))
    }

    @Test func divisionByZeroFails() async throws {
        let error = try await failure("SELECT id / 0 FROM orders")
        #expect("\(error)".contains("DIVIDE_BY_ZERO"))
        let integral = try await failure("SELECT qty DIV (qty - qty) FROM orders")
        #expect("\(integral)".contains("DIVIDE_BY_ZERO"))
    }

    @Test func unknownColumnSuggestsAndPoints() async throws {
        let error = try await failure("SELECT id,\n  custmer FROM orders")
        let analysis = try #require(error as? SQLAnalysisError)
        #expect(analysis.location.line == 2)
        #expect(analysis.location.column == 3)
        #expect(analysis.message.hasPrefix(#"unknown column "custmer" (did you mean "customer"?)"#))
        #expect(analysis.category == .usage)
        #expect(analysis.description.contains("  2 |   custmer FROM orders\n    |   ^"))
    }

    @Test func unknownFunctionIsNamedBeforeItsArguments() async throws {
        // qty is not grouped, but the misspelt function is the error to report.
        let error = try await failure("SELECT customer, lenght(qty) FROM orders GROUP BY customer")
        let analysis = try #require(error as? SQLAnalysisError)
        #expect(analysis.message == "unknown function lenght (did you mean length?)")
        #expect(analysis.location.column == 18)
        let aggregate = try #require(try await failure("SELECT sun(qty) FROM orders") as? SQLAnalysisError)
        #expect(aggregate.message == "unknown function sun (did you mean sum?)")
    }

    @Test func unknownTableSuggests() async throws {
        let error = try await failure("SELECT * FROM ordrs")
        let analysis = try #require(error as? SQLAnalysisError)
        #expect(analysis.message.contains(#"(did you mean "orders"?)"#))
        #expect(analysis.location.column == 15)
    }

    @Test func ungroupedColumnIsAnError() async throws {
        let error = try await failure("SELECT customer, qty, count(*) FROM orders GROUP BY customer")
        let analysis = try #require(error as? SQLAnalysisError)
        #expect(analysis.message.contains("GROUP BY"))
        #expect(analysis.location.column == 18)
    }

    @Test func unsupportedFormsPointAtThemselves() async throws {
        // VALUES, once the example here, is supported now (SetOperationTests).
        let offset = try #require(try await failure("SELECT id FROM orders LIMIT 1 OFFSET 2") as? SQLAnalysisError)
        #expect(offset.message.contains("not supported yet"))
        #expect(offset.location.column == 38)
        let aggregate = try #require(try await failure("SELECT id FROM orders WHERE 1 < max(id)") as? SQLAnalysisError)
        #expect(aggregate.message == "aggregate functions are not allowed in WHERE")
        #expect(aggregate.location.column == 33)
    }

    @Test func executeStreamsBatchesUnderTheQuerySchema() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let batches = try QueryEngine().execute(
            sql: "SELECT id AS k, price FROM orders WHERE id > 2", catalog: fixture.catalog)
        #expect(batches.schema.fields.map(\.name) == ["k", "price"])
        #expect(batches.schema.fields.map(\.dataType) == [.int64, .float64])
        var rows = 0
        for try await batch in batches {
            #expect(batch.schema.fields.map(\.name) == ["k", "price"])
            rows += batch.numRows
        }
        #expect(rows == 8)
    }

    @Test func explainShowsPrunedColumnsAndPushedPredicate() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let text = try QueryEngine().explain(
            sql: "SELECT customer FROM orders WHERE id > 8 ORDER BY customer LIMIT 5", catalog: fixture.catalog)
        #expect(text.contains("ParquetScan orders [id, customer] prune=[id > 8]"))
        #expect(text.contains("TopN 5"))
        #expect(text.contains("== Logical plan =="))
        try await check(
            "SELECT customer FROM orders WHERE id > 8 ORDER BY customer LIMIT 5",
            [#"{"customer":"alice"}"#, #"{"customer":"bob"}"#])
    }
}
