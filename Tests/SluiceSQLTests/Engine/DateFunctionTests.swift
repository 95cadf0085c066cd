import SluiceCore
import SluiceSQL
import Testing

/// Date functions over the engine fixture.
@Suite struct DateFunctionTests {
    @Test func toDateOfStringsDatesAndTimestamps() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let rows = try await fixture.rows(
            """
            SELECT to_date('2026-11-20') AS s, to_date(day) AS d,
                   to_date(TIMESTAMP '2026-11-20 23:59:59.5') AS t, to_date(NULL) AS n
            FROM orders WHERE id = 4
            """)
        #expect(rows == [#"{"s":"2026-11-20","d":"2026-01-01","t":"2026-11-20","n":null}"#])
    }

    @Test func toDateRefusesOtherTypesAndBadText() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        await #expect(throws: SQLAnalysisError.self) { _ = try await fixture.rows("SELECT to_date(qty) FROM orders") }
        await #expect(throws: (any Error).self) { _ = try await fixture.rows("SELECT to_date('nope') FROM orders") }
    }
}
