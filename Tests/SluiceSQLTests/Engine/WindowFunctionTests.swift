import Foundation
import SluiceCore
import SluiceSQL
import Testing

/// Window functions: results compared with DuckDB (orders spell out their null placement, which
/// differs between the engines by default), exact results for Spark-only forms, and the errors.
@Suite struct WindowFunctionTests {
    static let queries: [(sql: String, ordered: Bool)] = [
        (
            "SELECT id, row_number() OVER (PARTITION BY customer ORDER BY qty DESC NULLS LAST, id) AS rn, "
                + "rank() OVER (ORDER BY customer NULLS FIRST) AS r, dense_rank() OVER (ORDER BY customer NULLS FIRST) AS dr "
                + "FROM orders ORDER BY id", true
        ),
        (
            "SELECT id, percent_rank() OVER (ORDER BY day) AS pr, cume_dist() OVER (ORDER BY day) AS cd, "
                + "ntile(3) OVER (ORDER BY id) AS t, ntile(4) OVER (PARTITION BY customer ORDER BY id) AS t4 FROM orders ORDER BY id",
            true
        ),
        (
            "SELECT id, lag(qty) OVER (ORDER BY id) AS p, lead(qty, 2) OVER (ORDER BY id) AS n, "
                + "lag(price, 1, 0) OVER (PARTITION BY customer ORDER BY id) AS pd, lead(qty, -1) OVER (ORDER BY id) AS back "
                + "FROM orders ORDER BY id", true
        ),
        (
            "SELECT id, sum(qty) OVER (PARTITION BY customer) AS s, count(*) OVER () AS n, count(qty) OVER (PARTITION BY day) AS c, "
                + "max(price) OVER (PARTITION BY customer) AS hi, min(customer) OVER () AS lo, sum(amount) OVER (PARTITION BY day) AS a "
                + "FROM orders ORDER BY id", true
        ),
        (
            "SELECT id, sum(qty) OVER (ORDER BY day) AS running, count(*) OVER (ORDER BY day) AS peers, "
                + "sum(qty) OVER (ORDER BY day, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS by_row "
                + "FROM orders ORDER BY id", false
        ),
        (
            "SELECT id, sum(price) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS moving, "
                + "avg(qty) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS centred, "
                + "min(qty) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS rest, "
                + "max(qty) OVER (ORDER BY id ROWS BETWEEN 3 FOLLOWING AND 5 FOLLOWING) AS ahead, "
                + "count(qty) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) AS behind FROM orders ORDER BY id",
            true
        ),
        (
            "SELECT id, first_value(qty) OVER (PARTITION BY customer ORDER BY id) AS f, "
                + "last_value(qty) OVER (PARTITION BY customer ORDER BY id) AS l, "
                + "last_value(qty) OVER (PARTITION BY customer ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS lu "
                + "FROM orders ORDER BY id", true
        ),
        (
            "SELECT customer, count(*) AS n, sum(count(*)) OVER () AS total, rank() OVER (ORDER BY count(*) DESC, customer NULLS FIRST) AS r "
                + "FROM orders GROUP BY customer", false
        ),
        ("SELECT id, row_number() OVER (ORDER BY id) AS rn FROM nothing", false),
        (
            "SELECT k, s FROM (SELECT k, s, row_number() OVER (PARTITION BY k ORDER BY s DESC) AS rn FROM wide) t WHERE rn = 1",
            false
        ),
        (
            "SELECT k, s, rn FROM (SELECT *, row_number() OVER (PARTITION BY k % 7 ORDER BY k DESC, s) AS rn FROM wide) WHERE rn <= 3",
            false
        ),
        (
            "SELECT customer, id FROM (SELECT customer, id, row_number() OVER (PARTITION BY customer ORDER BY price DESC NULLS LAST) AS rn "
                + "FROM orders) WHERE rn < 3 AND customer IS NOT NULL", false
        ),
        (
            "SELECT id, qty FROM (SELECT id, qty, rank() OVER (PARTITION BY day ORDER BY qty DESC NULLS LAST) AS r FROM orders) WHERE r = 1",
            false
        ),
        (
            "SELECT id, sum(qty) OVER w AS s, row_number() OVER w AS rn FROM orders WINDOW w AS (ORDER BY id) ORDER BY id",
            true
        ),
        ("SELECT id FROM orders ORDER BY row_number() OVER (ORDER BY price DESC NULLS LAST, id)", true),
        (
            "SELECT id, avg(price) OVER (PARTITION BY customer ORDER BY id) AS a, max(price) OVER (ORDER BY day, id) AS m, "
                + "sum(amount) OVER (ORDER BY id) AS d, count(qty) OVER (ORDER BY day DESC ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS c, "
                + "sum(id) OVER (ORDER BY day RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS s FROM orders ORDER BY id",
            true
        ),
    ]

    @Test func runningFramesOfEveryAggregateGrowRowByRow() async throws {
        // Decimal sums and averages, collect_list and bool_or feed one accumulator as the frame grows.
        try await EngineFixture.expectRows(
            """
            SELECT id, sum(amount) OVER (ORDER BY id) AS s,
                   avg(amount) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS a,
                   collect_list(qty) OVER (ORDER BY id) AS l, bool_or(qty > 4) OVER (ORDER BY id) AS b
            FROM orders WHERE id <= 4 ORDER BY id
            """,
            [
                #"{"id":1,"s":"10.50","a":"12.583333","l":[3],"b":false}"#,
                #"{"id":2,"s":"30.50","a":"13.625000","l":[3],"b":false}"#,
                #"{"id":3,"s":"37.75","a":"7.250000","l":[3,5],"b":true}"#,
                #"{"id":4,"s":"37.75","a":null,"l":[3,5,2],"b":true}"#,
            ])
    }

    @Test func offsetsPastEveryPartitionGiveTheDefault() async throws {
        try await EngineFixture.expectRows(
            """
            SELECT id, lead(qty, 9223372036854775807, -1) OVER (ORDER BY id) AS n,
                   lag(qty, 9223372036854775807, -2) OVER (ORDER BY id) AS p,
                   lag(qty, -9223372036854775807, -3) OVER (ORDER BY id) AS q
            FROM orders WHERE id <= 2 ORDER BY id
            """,
            [#"{"id":1,"n":-1,"p":-2,"q":-3}"#, #"{"id":2,"n":-1,"p":-2,"q":-3}"#])
    }

    @Test(arguments: 0..<queries.count)
    func matchesDuckDB(_ index: Int) async throws {
        let (sql, ordered) = Self.queries[index]
        try await DuckDBOracle.expectEngineAgrees(sql, ordered: ordered)
    }

    @Test func ignoreNullsSkipsNullValues() async throws {
        // qty by id: 3, null, 5, 2, 7, 1, 4, 0, 9, 6; customer alice = ids 1, 3, 9.
        try await EngineFixture.expectRows(
            "SELECT id, lag(qty) IGNORE NULLS OVER (ORDER BY id) AS p, lead(qty, 1) IGNORE NULLS OVER (ORDER BY id) AS n, "
                + "first_value(customer) IGNORE NULLS OVER (ORDER BY id DESC ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS c "
                + "FROM orders WHERE id <= 4 ORDER BY id",
            [
                #"{"id":1,"p":null,"n":5,"c":"alice"}"#, #"{"id":2,"p":3,"n":5,"c":"bob"}"#,
                #"{"id":3,"p":3,"n":2,"c":"alice"}"#, #"{"id":4,"p":5,"n":null,"c":"alice"}"#,
            ])
    }

    @Test func rangeFrameIncludesPeers() async throws {
        // day offsets: ids 1 and 4 share day 0, so both see two rows.
        try await EngineFixture.expectRows(
            "SELECT id, count(*) OVER (ORDER BY day) AS upto, count(*) OVER (ORDER BY day ROWS UNBOUNDED PRECEDING) AS rows_upto "
                + "FROM orders WHERE id IN (1, 4, 2) ORDER BY id",
            [
                #"{"id":1,"upto":2,"rows_upto":1}"#, #"{"id":2,"upto":3,"rows_upto":3}"#,
                #"{"id":4,"upto":2,"rows_upto":2}"#,
            ])
    }

    @Test func latestPerKeyPlansTopNPerGroup() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let text = try QueryEngine().explain(
            sql:
                "SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY k ORDER BY s DESC) AS rn FROM wide) WHERE rn = 1",
            catalog: fixture.catalog)
        #expect(text.contains("TopNPerGroup 1"), "\(text)")
        let ranked = try QueryEngine().explain(
            sql: "SELECT * FROM (SELECT *, rank() OVER (PARTITION BY k ORDER BY s DESC) AS r FROM wide) WHERE r = 1",
            catalog: fixture.catalog)
        #expect(!ranked.contains("TopNPerGroup"), "\(ranked)")
        let rows = try await fixture.rows(
            "SELECT k, rn FROM (SELECT *, row_number() OVER (PARTITION BY k ORDER BY s DESC) AS rn FROM wide) WHERE rn = 2 AND k = 3"
        )
        #expect(rows == [#"{"k":3,"rn":2}"#])
    }

    @Test func partitionFilterMovesBelowTheWindow() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let text = try QueryEngine().explain(
            sql: "SELECT * FROM (SELECT k, sum(k) OVER (PARTITION BY k) AS s FROM wide) t WHERE k = 3",
            catalog: fixture.catalog)
        #expect(text.contains("pushed=[(k#0 = 3)]") || text.contains("pushed=[(k#0 = CAST"), "\(text)")
    }

    @Test(arguments: [
        ("SELECT id FROM orders WHERE row_number() OVER (ORDER BY id) = 1", "allowed only in SELECT and ORDER BY"),
        ("SELECT count(*) FROM orders GROUP BY rank() OVER (ORDER BY id)", "allowed only in SELECT and ORDER BY"),
        (
            "SELECT customer FROM orders GROUP BY customer HAVING rank() OVER (ORDER BY customer) = 1",
            "allowed only in SELECT and ORDER BY"
        ),
        ("SELECT row_number() OVER (PARTITION BY customer) FROM orders", "needs a window with ORDER BY"),
        ("SELECT sum(qty) OVER w FROM orders", "unknown window w"),
        ("SELECT sum(rank() OVER (ORDER BY id)) OVER () FROM orders", "allowed only in SELECT and ORDER BY"),
        ("SELECT count(DISTINCT qty) OVER () FROM orders", "DISTINCT is not allowed"),
        ("SELECT lag(qty, qty) OVER (ORDER BY id) FROM orders", "must be an integer constant"),
        ("SELECT upper(id) OVER (ORDER BY id) FROM orders", "upper is not a window function"),
        ("SELECT sum(qty) OVER (ORDER BY id RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM orders", "RANGE frames"),
    ])
    func errors(_ sql: String, _ message: String) async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        do {
            let rows = try await fixture.rows(sql)
            Issue.record("expected an error for \(sql), got \(rows)")
        } catch let error as SQLAnalysisError {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
