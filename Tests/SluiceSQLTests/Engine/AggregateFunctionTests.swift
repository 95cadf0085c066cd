import SluiceSQL
import Testing

/// first, last, collect_list/collect_set, bool_and/bool_or, count_if and approx_count_distinct over
/// the engine fixture (`orders` is read in file order: ids 1 to 10).
@Suite struct AggregateFunctionTests {
    @Test func firstAndLastFollowInputOrderAndCanSkipNulls() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT customer, first(qty) AS f, last(qty) AS l, first(qty) IGNORE NULLS AS fi, last(qty, true) AS li
            FROM orders GROUP BY customer ORDER BY customer
            """,
            [
                #"{"customer":null,"f":2,"l":4,"fi":2,"li":4}"#, #"{"customer":"Dave","f":0,"l":0,"fi":0,"li":0}"#,
                #"{"customer":"alice","f":3,"l":9,"fi":3,"li":9}"#, #"{"customer":"bob","f":null,"l":6,"fi":1,"li":6}"#,
                #"{"customer":"carol","f":7,"l":7,"fi":7,"li":7}"#,
            ])
    }

    @Test func firstAndLastAcrossBatchesWithManyGroups() async throws {
        // wide: 5,000 rows in batches of 1,000; k = row % 1500, s = "s" || k.
        try await EngineFixture.expectRows(
            """
            SELECT count(*) AS n, count_if(f = k) AS first_ok, count_if(l = concat('s', k)) AS last_ok
            FROM (SELECT k, first(k) AS f, last(s) AS l FROM wide GROUP BY k)
            """,
            [#"{"n":1500,"first_ok":1500,"last_ok":1500}"#])
    }

    @Test func collectListKeepsInputOrderAndSkipsNulls() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT customer, collect_list(qty) AS qs, collect_list(CASE WHEN qty > 100 THEN qty END) AS none
            FROM orders GROUP BY customer ORDER BY customer
            """,
            [
                #"{"customer":null,"qs":[2,4],"none":[]}"#, #"{"customer":"Dave","qs":[0],"none":[]}"#,
                #"{"customer":"alice","qs":[3,5,9],"none":[]}"#, #"{"customer":"bob","qs":[1,6],"none":[]}"#,
                #"{"customer":"carol","qs":[7],"none":[]}"#,
            ])
        try await EngineFixture.expectRows(
            "SELECT collect_set(customer) AS names, collect_list(customer) AS all_names FROM orders",
            [
                #"{"names":["alice","bob","carol","Dave"],"all_names":["alice","bob","alice","carol","bob","Dave","alice","bob"]}"#
            ])
    }

    @Test func booleanAggregatesAndCountIf() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT customer, bool_and(qty > 2) AS a, bool_or(qty > 5) AS o, every(qty >= 0) AS e, count_if(qty > 2) AS c
            FROM orders GROUP BY customer ORDER BY customer
            """,
            [
                #"{"customer":null,"a":false,"o":false,"e":true,"c":1}"#,
                #"{"customer":"Dave","a":false,"o":false,"e":true,"c":0}"#,
                #"{"customer":"alice","a":true,"o":true,"e":true,"c":3}"#,
                #"{"customer":"bob","a":false,"o":true,"e":true,"c":1}"#,
                #"{"customer":"carol","a":true,"o":true,"e":true,"c":1}"#,
            ])
        try await EngineFixture.expectRows(
            "SELECT bool_and(qty > 2) AS a, bool_or(qty > 2) AS o FROM orders WHERE id > 100",
            [#"{"a":null,"o":null}"#])
    }

    @Test func approxCountDistinctIsExactForSmallGroupsAndCloseForLargeOnes() async throws {
        try await EngineFixture.expectRows(
            "SELECT customer, approx_count_distinct(qty) AS d FROM orders GROUP BY customer ORDER BY customer",
            [
                #"{"customer":null,"d":2}"#, #"{"customer":"Dave","d":1}"#, #"{"customer":"alice","d":3}"#,
                #"{"customer":"bob","d":2}"#, #"{"customer":"carol","d":1}"#,
            ])
        // 1,500 distinct values: the default sketch (512 registers) has a standard error of about 5 %;
        // a finer one (relativeSD 0.01, 2^14 registers) is within 1 %.
        try await EngineFixture.expectRows(
            """
            SELECT abs(approx_count_distinct(k) - 1500) < 225 AS coarse,
                   abs(approx_count_distinct(s, 0.01) - 1500) < 45 AS fine
            FROM wide
            """,
            [#"{"coarse":true,"fine":true}"#])
    }

    @Test func badArgumentsAreAnalysisErrors() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        for sql in [
            "SELECT first(qty, 1) FROM orders", "SELECT bool_and(qty) FROM orders",
            "SELECT sum(qty) IGNORE NULLS FROM orders", "SELECT approx_count_distinct(qty, 0.5) FROM orders",
            "SELECT count_if(customer) FROM orders", "SELECT collect_list(qty, 2) FROM orders",
        ] {
            await #expect(throws: SQLAnalysisError.self, "\(sql)") { _ = try await fixture.rows(sql) }
        }
    }
}
