import SluiceSQL
import Testing

/// sort_array, size and array_contains over collect_list's arrays, and isnan.
@Suite struct ArrayFunctionTests {
    @Test func sortSizeAndContains() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT customer, sort_array(collect_list(qty)) AS up, sort_array(collect_list(qty), false) AS down,
                   size(collect_list(qty)) AS n, array_contains(collect_list(qty), 5) AS has5
            FROM orders GROUP BY customer ORDER BY customer
            """,
            [
                #"{"customer":null,"up":[2,4],"down":[4,2],"n":2,"has5":false}"#,
                #"{"customer":"Dave","up":[0],"down":[0],"n":1,"has5":false}"#,
                #"{"customer":"alice","up":[3,5,9],"down":[9,5,3],"n":3,"has5":true}"#,
                #"{"customer":"bob","up":[1,6],"down":[6,1],"n":2,"has5":false}"#,
                #"{"customer":"carol","up":[7],"down":[7],"n":1,"has5":false}"#,
            ])
        try await EngineFixture.expectRows(
            "SELECT sort_array(split('b,c,a', ',')) AS s, cardinality(split('x', ',')) AS c",
            [#"{"s":["a","b","c"],"c":1}"#])
    }

    @Test func isNaN() async throws {
        try await EngineFixture.expectRows(
            "SELECT isnan(CAST('NaN' AS DOUBLE)) AS a, isnan(1.5) AS b, isnan(NULL) AS c, isnan(qty) AS d FROM orders WHERE id = 2",
            [#"{"a":true,"b":false,"c":false,"d":false}"#])
    }

    @Test func nonArraysAreRefused() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        for sql in ["SELECT size(qty) FROM orders", "SELECT sort_array(split('a', ','), 1) FROM orders"] {
            await #expect(throws: SQLAnalysisError.self, "\(sql)") { _ = try await fixture.rows(sql) }
        }
    }
}
