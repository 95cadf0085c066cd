import Foundation
import SluiceCore
import SluiceServing
import Testing

@Suite("Result columns in SQLite")
struct SQLiteTypeMappingTests {
    @Test("every column type maps to a SQLite type and reads back as the text sluice prints, nulls as nulls")
    func typeMapping() async throws {
        let fixture = try await ServingFixture()
        defer { fixture.remove() }
        // More than one multi-row statement, plus single-row ones.
        let source = try await fixture.writeResult(try TypedResult.batch(rows: 130))
        let fields = TypedResult.fields
        let switcher = BlueGreenSwitch(
            store: fixture.store,
            spec: ServingTableSpec(
                table: "typed", key: ["key"], values: fields.dropFirst().map(\.name), typeOverrides: ["day": "INTEGER"]),
            logger: ServingFixture.silent)
        _ = try await switcher.save(source, wait: true)
        let columns = try #require(try await fixture.store.columns(of: "typed_1"))
        #expect(
            columns.description
                == "key (key INTEGER), values (small INTEGER, flag INTEGER, ratio REAL, price TEXT, day INTEGER, "
                + "at TEXT, raw BLOB, note TEXT, tags TEXT)")
        let reader = ServingReader(store: fixture.store, table: "typed")
        let lookup = try await reader.getMany([["3"], ["129"], ["130"]])
        #expect(
            lookup.rows[0] == [
                .integer(3), .integer(3000), .integer(0), .real(0.75), .text("3.05"), .integer(20_415),
                .text("2025-11-20T00:53:20.000003Z"), .blob([3, 0, 255]), .null, .text("[\"a\",\"b3\"]"),
            ])
        #expect(lookup.rows[1]?[5] == .integer(20_412 + 129))
        #expect(lookup.rows[2] == nil)
        #expect(lookup.jsonObject(at: 0)?.contains("\"raw\":\"AwD/\"") == true)
    }
}
