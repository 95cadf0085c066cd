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
        let rows = 130  // more than one multi-row statement, plus single-row ones
        let key = Int64Builder(capacity: rows)
        let flag = BooleanBuilder(capacity: rows)
        let ratio = Float64Builder(capacity: rows)
        let price = Decimal128Builder(dataType: .decimal(precision: 10, scale: 2), capacity: rows)
        let day = Date32Builder(dataType: .date32, capacity: rows)
        let at = TimestampBuilder(dataType: .timestamp(.microsecond, timezone: "UTC"), capacity: rows)
        let raw = BinaryBuilder(capacity: rows)
        let note = StringBuilder(capacity: rows)
        let tags = ListBuilder(child: StringBuilder())
        for index in 0..<rows {
            key.append(Int64(index))
            flag.append(index % 2 == 0)
            ratio.append(Double(index) / 4)
            price.append(Int128(index * 100 + 5))
            day.append(Int32(20_412 + index))
            at.append(1_763_600_000_000_000 + Int64(index))
            raw.append([UInt8(index), 0, 255])
            if index == 3 { note.appendNull() } else { note.append("n\(index)") }
            tags.appendList {
                $0.append("a")
                $0.append("b\(index)")
            }
        }
        let fields = [
            Field("key", .int64, nullable: false), Field("flag", .boolean), Field("ratio", .float64),
            Field("price", .decimal(precision: 10, scale: 2)), Field("day", .date32),
            Field("at", .timestamp(.microsecond, timezone: "UTC")), Field("raw", .binary), Field("note", .string),
            Field("tags", .list(Field("item", .string))),
        ]
        let batch = try RecordBatch(
            schema: Schema(fields),
            columns: [
                key.finish(), flag.finish(), ratio.finish(), price.finish(), day.finish(), at.finish(), raw.finish(),
                note.finish(), tags.finish(),
            ])
        let source = try await fixture.writeResult(batch)
        let switcher = BlueGreenSwitch(
            store: fixture.store,
            spec: ServingTableSpec(
                table: "typed", key: ["key"], values: fields.dropFirst().map(\.name), typeOverrides: ["day": "INTEGER"]),
            logger: ServingFixture.silent)
        _ = try await switcher.save(source, wait: true)
        let columns = try #require(try await fixture.store.columns(of: "typed_1"))
        #expect(
            columns.description
                == "key (key INTEGER), values (flag INTEGER, ratio REAL, price TEXT, day INTEGER, at TEXT, raw BLOB, "
                + "note TEXT, tags TEXT)")
        let reader = ServingReader(store: fixture.store, table: "typed")
        let lookup = try await reader.getMany([["3"], ["129"], ["130"]])
        #expect(
            lookup.rows[0] == [
                .integer(3), .integer(0), .real(0.75), .text("3.05"), .integer(20_415),
                .text("2025-11-20T00:53:20.000003Z"), .blob([3, 0, 255]), .null, .text("[\"a\",\"b3\"]"),
            ])
        #expect(lookup.rows[1]?[4] == .integer(20_412 + 129))
        #expect(lookup.rows[2] == nil)
        #expect(lookup.jsonObject(at: 0)?.contains("\"raw\":\"AwD/\"") == true)
    }
}
