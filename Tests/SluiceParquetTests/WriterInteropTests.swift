import Foundation
import SluiceCore
import SluiceStorage
import Testing

@testable import SluiceParquet

/// Files Sluice writes, read by pyarrow and DuckDB (`Oracles/roundtrip_oracle.py`): the same
/// values, and the same statistics pyarrow writes for the same data.
@Suite struct WriterInteropTests {
    typealias Support = WriterTestSupport

    /// Columns DuckDB reads as another type, so they render differently, with the reason.
    static let duckdbDifferences: [String: String] = [:]

    /// Writes flat and nested sample data and compares what `engine` reads with what was written.
    private func compareValues(engine: String, codec: CompressionCodec) async throws {
        guard let python = MetadataTestSupport.venvPython else {
            print("skipped: .venv missing; run scripts/python-env to compare with pyarrow and DuckDB")
            return
        }
        try await MetadataTestSupport.withTemporaryStore { store in
            let fields = Support.flatFields + Support.nestedFields
            let batches = try (0..<3).map { try Support.batch(fields, rows: 400, seed: UInt64(30 + $0)) }
            let options = ParquetWriteOptions(codec: codec, rowGroupRows: 500, dataPageSize: 4096)
            try await Support.write(
                batches, schema: batches[0].schema, options: options, to: store, key: "interop.parquet")
            let path = store.root.appendingPathComponent("interop.parquet").path
            let lines = try await Support.runOracle(python: python, ["values", engine, path])
            #expect(lines.count == fields.count, "\(engine): one line per column")
            var compared = 0
            for line in lines {
                guard let name = line["column"] as? String, let expected = line["values"] as? [Any],
                    let index = fields.firstIndex(where: { $0.name == name })
                else {
                    Issue.record("\(engine): unexpected oracle line \(line)")
                    continue
                }
                if let reason = Self.duckdbDifferences[name], engine == "duckdb" {
                    print("not compared with duckdb: \(name): \(reason)")
                    continue
                }
                let field = fields[index]
                let arrays = batches.map { $0.columns[index] }
                let actual: [String]
                let wanted: [String]
                if field.dataType.isNested {
                    actual = arrays.flatMap(ColumnReaderTestSupport.nestedTokens)
                    wanted = expected.map {
                        ColumnReaderTestSupport.nestedToken(expected: $0, dataType: field.dataType)
                    }
                } else {
                    actual = arrays.flatMap(ColumnReaderTestSupport.tokens)
                    wanted = expected.map { ColumnReaderTestSupport.token(expected: $0, dataType: field.dataType) }
                }
                #expect(actual.count == wanted.count, "\(engine): \(name): row count")
                if let first = zip(actual, wanted).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
                    Issue.record(
                        "\(engine): \(name) (\(line["type"] ?? "?")) row \(first.offset): Sluice wrote \(first.element.0), \(engine) read \(first.element.1)"
                    )
                }
                compared += 1
            }
            #expect(compared >= fields.count - Self.duckdbDifferences.count)
        }
    }

    @Test(arguments: [CompressionCodec.snappy, .zstd, .gzip, .uncompressed])
    func pyarrowReadsWhatSluiceWrote(codec: CompressionCodec) async throws {
        try await compareValues(engine: "pyarrow", codec: codec)
    }

    @Test func duckdbReadsWhatSluiceWrote() async throws {
        try await compareValues(engine: "duckdb", codec: .snappy)
    }

    @Test func statisticsEqualThoseOfPyArrow() async throws {
        guard let python = MetadataTestSupport.venvPython else {
            print("skipped: .venv missing; run scripts/python-env to compare with pyarrow")
            return
        }
        try await MetadataTestSupport.withTemporaryStore { store in
            let fields = Support.flatFields + Support.nestedFields
            let batches = try (0..<2).map { try Support.batch(fields, rows: 600, seed: UInt64(40 + $0)) }
            let options = ParquetWriteOptions(rowGroupRows: 500)
            try await Support.write(
                batches, schema: batches[0].schema, options: options, to: store, key: "stats.parquet")
            let path = store.root.appendingPathComponent("stats.parquet").path
            let lines = try await Support.runOracle(python: python, ["stats", path])
            let leafCount = try ParquetSchema(elements: SchemaElementConversion.elements(for: Schema(fields))).columns
                .count
            #expect(lines.count == 3 * leafCount)
            var withMinMax = 0
            for line in lines {
                let ours = line["sluice"] as? [String: Any]
                let theirs = line["pyarrow"] as? [String: Any]
                let oursText = ours.map { "\($0.sorted { $0.key < $1.key })" } ?? "nil"
                let theirsText = theirs.map { "\($0.sorted { $0.key < $1.key })" } ?? "nil"
                #expect(
                    oursText == theirsText, "row group \(line["row_group"] ?? "?"), column \(line["column"] ?? "?")")
                if ours?["has_min_max"] as? Bool == true { withMinMax += 1 }
            }
            #expect(withMinMax == lines.count)
        }
    }
}

/// pyarrow restores the Arrow types parquet loses from the `ARROW:schema` entry Sluice writes.
/// Seconds come back as milliseconds, as they do from pyarrow's own files.
@Suite struct WriterArrowSchemaTests {
    @Test func pyarrowRestoresTimeZonesAndMetadata() async throws {
        guard let python = MetadataTestSupport.venvPython else {
            print("skipped: .venv missing; run scripts/python-env to compare with pyarrow")
            return
        }
        try await MetadataTestSupport.withTemporaryStore { store in
            let schema = Schema(
                [
                    Field("paris", .timestamp(.microsecond, timezone: "Europe/Paris")),
                    Field("seconds", .timestamp(.second)),
                    Field("tagged", .int64, metadata: ["unit": "cents"]),
                ], metadata: ["origin": "sluice"])
            let paris = TimestampBuilder(dataType: .timestamp(.microsecond, timezone: "Europe/Paris"), capacity: 1)
            paris.append(1_700_000_000_000_000)
            let seconds = TimestampBuilder(dataType: .timestamp(.second), capacity: 1)
            seconds.append(1_700_000_000)
            let tagged = Int64Builder(capacity: 1)
            tagged.append(42)
            let batch = try RecordBatch(schema: schema, columns: [paris.finish(), seconds.finish(), tagged.finish()])
            try await WriterTestSupport.write([batch], schema: schema, to: store, key: "arrow.parquet")
            let script = """
                import sys, pyarrow.parquet as pq
                t = pq.read_table(sys.argv[1])
                print(t.schema.to_string(show_field_metadata=True, show_schema_metadata=True))
                print(t.column("seconds")[0].value, t.column("paris")[0].value)
                """
            let text = try await PythonOracle.run(
                python, ["-c", script, store.root.appendingPathComponent("arrow.parquet").path])
            #expect(
                text == """
                    paris: timestamp[us, tz=Europe/Paris]
                    seconds: timestamp[ms]
                    tagged: int64
                      -- field metadata --
                      unit: 'cents'
                    -- schema metadata --
                    origin: 'sluice'
                    1700000000000 1700000000000000

                    """)
        }
    }
}
