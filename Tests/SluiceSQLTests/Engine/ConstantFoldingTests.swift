import SluiceSQL
import Testing

/// Column-free parts of expressions are computed at planning, so the scan can prune with them;
/// parts that would fail are left to fail only where they run.
@Suite struct ConstantFoldingTests {
    @Test func foldedPredicatesReachTheScan() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let text = try QueryEngine().explain(
            sql: "SELECT id, qty * (2 + 3) AS q FROM orders WHERE qty > 1 + 2 AND day >= CAST('2026-01-02' AS DATE)",
            catalog: fixture.catalog)
        #expect(text.contains("prune=["), "\(text)")
        #expect(text.contains("> 3"), "\(text)")
        #expect(text.contains("* 5"), "\(text)")
        #expect(!text.contains("1 + 2") && !text.contains("2 + 3") && !text.contains("CAST('2026"), "\(text)")
        let rows = try await fixture.rows(
            "SELECT id, qty * (2 + 3) AS q FROM orders WHERE qty > 1 + 2 AND day >= CAST('2026-01-02' AS DATE) ORDER BY id"
        )
        #expect(
            rows == [
                #"{"id":3,"q":25}"#, #"{"id":5,"q":35}"#, #"{"id":7,"q":20}"#, #"{"id":9,"q":45}"#,
                #"{"id":10,"q":30}"#,
            ])
    }

    @Test func aFailingConstantFailsOnlyWhereItRuns() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let rows = try await fixture.rows(
            "SELECT CASE WHEN id > 100 THEN 1 / 0 ELSE 0 END AS x FROM orders WHERE id = 1")
        #expect(rows == [#"{"x":0.0}"#])
        await #expect(throws: (any Error).self) { _ = try await fixture.rows("SELECT 1 / 0 AS x FROM orders") }
        let always = try QueryEngine().explain(sql: "SELECT id FROM orders WHERE 1 < 2", catalog: fixture.catalog)
        #expect(!always.contains("Filter"), "\(always)")
    }
}
