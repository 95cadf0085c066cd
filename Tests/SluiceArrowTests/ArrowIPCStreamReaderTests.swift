import Foundation
import SluiceCompute
import SluiceCore
import SluiceParquet
import SluiceStorage
import SluiceTestSupport
import Testing

@testable import SluiceArrow

/// Streams pyarrow writes (`Oracles/arrow_streams.py`), decoded and compared with the same tables
/// as parquet, read by Sluice's parquet reader (which the parquet corpus checks against pyarrow).
@Suite("Arrow IPC streams from pyarrow", .serialized)
struct ArrowIPCStreamReaderTests {
    /// The oracle's output folder, made once per suite; nil (and the tests skip) without the venv.
    private static let streams = AsyncOnce { () async -> URL? in
        guard let python = TestVenv.python else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-arrow-\(UUID().uuidString)")
        let script = TestVenv.repositoryRoot.appendingPathComponent("Tests/SluiceArrowTests/Oracles/arrow_streams.py")
        guard let result = try? await ChildProcess.run(python, [script.path, folder.path]), result.status == 0 else {
            return nil
        }
        return folder
    }

    private static func folder() async throws -> URL? {
        guard let folder = try await streams.value() else {
            print("skipping: no .venv with pyarrow (run scripts/python-env)")
            return nil
        }
        return folder
    }

    private static func read(_ name: String, in folder: URL) throws -> (Schema, [RecordBatch]) {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).arrows"))
        var reader = try ArrowIPCStreamReader(data: data)
        return (reader.schema, try reader.readAll())
    }

    private static func parquet(_ name: String, in folder: URL) async throws -> RecordBatch {
        let reader = try await ParquetFileReader.open(store: LocalObjectStore(root: folder), key: "\(name).parquet")
        var batches: [RecordBatch] = []
        for try await batch in reader.batches() { batches.append(batch) }
        return try RecordBatch.concatenate(batches)
    }

    /// A column as JSON lines (dictionaries decoded): how values compare whatever the names of
    /// list elements (`item` in Arrow, `element` in parquet) and with NaN equal to NaN.
    private static func rendered(_ column: any ColumnArray, name: String) throws -> String {
        let plain = try decodingDictionary(column)
        return RecordBatchJSONLines.render(try RecordBatch(columns: [name: plain]))
    }

    /// Parquet has no TIME in seconds: pyarrow stores `t_s` as milliseconds.
    private static let notInParquet: Set<String> = ["t_s"]

    /// Every column of the stream equals the parquet file's, by type (nested ones by value only)
    /// and value.
    private static func expectSameAsParquet(_ stream: String, parquet file: String, in folder: URL) async throws {
        let (schema, batches) = try read(stream, in: folder)
        let expected = try await parquet(file, in: folder)
        let decoded = try RecordBatch.concatenate(batches)
        #expect(decoded.numRows == expected.numRows)
        for (index, field) in schema.fields.enumerated() where !notInParquet.contains(field.name) {
            let want = try #require(expected.column(named: field.name), "\(field.name)")
            let got = decoded.column(at: index)
            if case .list = got.dataType {
            } else {
                #expect(got.dataType == want.dataType, "column \(field.name)")
            }
            #expect(try rendered(got, name: field.name) == rendered(want, name: field.name), "column \(field.name)")
        }
    }

    /// The streams of the every-type table, with the rows of their batches.
    private static let everyTypeStreams = [
        "every_type": [300, 300, 300, 100], "every_type_zstd": [400, 400, 200], "every_type_lz4": [350, 350, 300],
    ]

    @Test(
        "every type Sluice maps, with nulls, in several batches, uncompressed, ZSTD and LZ4_FRAME",
        arguments: everyTypeStreams.keys.sorted())
    func everyType(stream: String) async throws {
        guard let folder = try await Self.folder() else { return }
        try await Self.expectSameAsParquet(stream, parquet: "every_type", in: folder)
        let (schema, batches) = try Self.read(stream, in: folder)
        #expect(batches.map(\.numRows) == Self.everyTypeStreams[stream])
        #expect(schema.fields.first { $0.name == "ts_utc" }?.dataType == .timestamp(.microsecond, timezone: "UTC"))
        #expect(schema.fields.first { $0.name == "day64" }?.dataType == .date32)
        let seconds = try #require(batches.first?.column(named: "t_s") as? Time32Array)
        #expect(seconds.dataType == .time(.second))
        #expect((0..<3).map { seconds[$0] } == [0, 80, 160])
    }

    @Test("a slice, an empty table, and dictionaries (int8 and int32 indices, replaced between batches)")
    func slicesEmptyAndDictionaries() async throws {
        guard let folder = try await Self.folder() else { return }
        for name in ["sliced", "dictionary_int32", "dictionary_replaced"] {
            try await Self.expectSameAsParquet(name, parquet: name, in: folder)
        }
        let (schema, batches) = try Self.read("empty", in: folder)
        #expect(schema.fields.count == 33)
        #expect(batches.allSatisfy { $0.numRows == 0 })
        let (_, replaced) = try Self.read("dictionary_replaced", in: folder)
        #expect(
            try replaced.map { try Self.rendered($0.column(at: 0), name: "w") } == [
                "{\"w\":\"alpha\"}\n{\"w\":null}\n{\"w\":\"beta\"}\n{\"w\":\"alpha\"}\n",
                "{\"w\":\"gamma\"}\n{\"w\":\"gamma\"}\n{\"w\":null}\n{\"w\":\"delta\"}\n",
            ])
    }

    @Test("a stream whose Schema message has the same bytes as an earlier one reuses its decoded schema")
    func reusedSchema() async throws {
        guard let folder = try await Self.folder() else { return }
        func data(_ name: String) throws -> Data {
            try Data(contentsOf: folder.appendingPathComponent("\(name).arrows"))
        }
        let earlier = try ArrowIPCStreamReader(data: data("every_type")).streamSchema
        // every_type_zstd has the same schema; only its batches are compressed.
        var same = try ArrowIPCStreamReader(data: data("every_type_zstd"), reusing: earlier)
        #expect(same.streamSchema.metadata.sharesStorage(with: earlier.metadata))
        let fresh = try Self.read("every_type_zstd", in: folder)
        #expect(try same.readAll().map(RecordBatchJSONLines.render) == fresh.1.map(RecordBatchJSONLines.render))
        #expect(same.schema == fresh.0)
        let other = try ArrowIPCStreamReader(data: data("null_type"), reusing: earlier)
        #expect(!other.streamSchema.metadata.sharesStorage(with: earlier.metadata))
        #expect(other.schema == (try Self.read("null_type", in: folder)).0)
        #expect(other.schema != earlier.schema)
    }

    @Test("Arrow's Null type (Spark's NullType) reads as an all-null int32 column")
    func nullType() async throws {
        guard let folder = try await Self.folder() else { return }
        let (schema, batches) = try Self.read("null_type", in: folder)
        #expect(schema.fields.map(\.dataType) == [.int32, .int32])
        let batch = try #require(batches.first)
        #expect(batch.column(at: 0).nullCount == 5)
        #expect(RecordBatchJSONLines.line(batch, row: 2) == "{\"n\":null,\"i\":3}")
    }

    @Test(
        "truncated and damaged streams fail with ArrowIPCError, never crash",
        arguments: ["sliced", "every_type_zstd", "every_type_lz4"])
    func damagedStreams(stream: String) async throws {
        guard let folder = try await Self.folder() else { return }
        let data = try Data(contentsOf: folder.appendingPathComponent("\(stream).arrows"))
        let whole = try Self.read(stream, in: folder).1
        #expect(!whole.isEmpty)
        // Every cut inside the schema message, then a cut every 97 bytes.
        for length in Array(0..<600) + Array(stride(from: 600, to: data.count, by: 97)) {
            do {
                var reader = try ArrowIPCStreamReader(data: data.prefix(length))
                _ = try reader.readAll()
            } catch {
                #expect(!error.message.isEmpty, "cut at \(length): \(error)")
            }
        }
        // Half the damage lands in the first 4 KiB (the schema and the first batch's metadata), half
        // after the schema message (batches' metadata and bodies, compressed or not); and half the
        // readers reuse the undamaged stream's schema, as the Spark client does.
        let schema = try ArrowIPCStreamReader(data: data).streamSchema
        let schemaEnd = 8 + Int(data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 4, as: Int32.self) })
        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<3_000 {
            var damaged = data
            let region = attempt % 2 == 0 ? 0..<min(damaged.count, 4_096) : schemaEnd..<damaged.count
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                damaged[Int.random(in: region, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            do {
                var reader = try ArrowIPCStreamReader(data: damaged, reusing: attempt % 4 < 2 ? schema : nil)
                _ = try reader.readAll()
            } catch {
                #expect(!error.message.isEmpty, "\(error)")
            }
        }
    }
}
