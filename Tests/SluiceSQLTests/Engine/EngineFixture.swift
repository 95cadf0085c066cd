import Foundation
import SluiceCore
import SluiceParquet
import SluiceSQL
import SluiceStorage
import Testing

/// Small parquet views in a fresh temporary folder, and helpers that run queries over them.
///
/// `orders` (two files, row groups of 4 rows): id bigint, customer string, qty int, price double,
/// amount decimal(10,2), day date — with nulls in every nullable column. `big` holds bigints near
/// the maximum. `nothing` is a file without rows. `wide` has 5,000 rows in row groups of 1,000: k is
/// row % 1500 and s the same as text (`s7`), so groups span batches. `customers` (name string,
/// tier int, region string) joins `orders.customer` to `name`: bob twice, erin without orders, a null
/// name, and no carol.
struct EngineFixture {
    let root: URL
    let catalog: Catalog

    /// The views every fixture registers.
    static let viewNames = ["orders", "big", "nothing", "wide", "customers"]

    static let day0: Int32 = 20454  // 2026-01-01

    static func make() async throws -> EngineFixture {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let store = LocalObjectStore(root: root)
        let schema = Schema([
            Field("id", .int64, nullable: false), Field("customer", .string), Field("qty", .int32),
            Field("price", .float64), Field("amount", .decimal(precision: 10, scale: 2)), Field("day", .date32),
        ])
        func orders(
            _ ids: [Int64], _ customers: [String?], _ qty: [Int32?], _ price: [Double?], _ cents: [Int128?],
            _ days: [Int32]
        ) throws -> RecordBatch {
            try RecordBatch(
                schema: schema,
                columns: [
                    Int64Array(ids), StringArray(customers), Int32Array(qty), Float64Array(price),
                    Decimal128Array(cents, dataType: .decimal(precision: 10, scale: 2)),
                    Date32Array(days.map { day0 + $0 }, dataType: .date32),
                ])
        }
        var options = ParquetWriteOptions()
        options.rowGroupRows = 4
        try await write(
            [
                orders(
                    [1, 2, 3, 4, 5, 6, 7, 8], ["alice", "bob", "alice", nil, "carol", "bob", nil, "Dave"],
                    [3, nil, 5, 2, 7, 1, 4, 0], [2.5, 1.25, nil, 4.0, 3.5, 0.5, 2.0, 10.0],
                    [1050, 2000, 725, nil, 110, 333, 500, 10000], [0, 1, 2, 0, 1, 4, 2, 3])
            ], schema: schema, options: options, store: store, key: "orders/part-0.parquet")
        try await write(
            [orders([9, 10], ["alice", "bob"], [9, 6], [1.0, -3.0], [1, -250], [3, 4])], schema: schema,
            options: options, store: store, key: "orders/part-1.parquet")
        let bigSchema = Schema([Field("n", .int64)])
        try await write(
            [try RecordBatch(schema: bigSchema, columns: [Int64Array([1, Int64.max])])], schema: bigSchema,
            options: options, store: store, key: "big/part-0.parquet")
        try await write([], schema: schema, options: options, store: store, key: "nothing/part-0.parquet")
        let wideSchema = Schema([Field("k", .int64), Field("s", .string)])
        var wideOptions = ParquetWriteOptions()
        wideOptions.rowGroupRows = 1000
        try await write(
            [
                try RecordBatch(
                    schema: wideSchema,
                    columns: [
                        Int64Array((0..<5000).map { Int64($0 % 1500) }),
                        StringArray((0..<5000).map { "s\($0 % 1500)" }),
                    ])
            ], schema: wideSchema, options: wideOptions, store: store, key: "wide/part-0.parquet")
        let customerSchema = Schema([Field("name", .string), Field("tier", .int32), Field("region", .string)])
        try await write(
            [
                try RecordBatch(
                    schema: customerSchema,
                    columns: [
                        StringArray(["alice", "bob", "bob", "erin", nil, "Dave"]), Int32Array([1, 2, 3, 1, 5, 2]),
                        StringArray(["north", "south", "east", "west", "none", nil]),
                    ])
            ], schema: customerSchema, options: options, store: store, key: "customers/part-0.parquet")
        var catalog = Catalog()
        for name in viewNames {
            catalog.register(name, try await TableSource.parquet(store: store, prefix: name + "/"))
        }
        return EngineFixture(root: root, catalog: catalog)
    }

    private static func write(
        _ batches: [RecordBatch], schema: Schema, options: ParquetWriteOptions, store: LocalObjectStore, key: String
    ) async throws {
        let writer = try await ParquetFileWriter(schema: schema, options: options, store: store, key: key)
        for batch in batches { try await writer.write(batch) }
        _ = try await writer.close()
    }

    /// The result rows as JSON lines.
    func rows(_ sql: String, options: QueryOptions = QueryOptions()) async throws -> [String] {
        let result = try await QueryEngine(options: options).run(sql: sql, catalog: catalog)
        return result.batches.flatMap { batch in (0..<batch.numRows).map { RecordBatchJSONLines.line(batch, row: $0) } }
    }

    /// Expects `sql` to return exactly `expected` (JSON lines, in order).
    static func expectRows(
        _ sql: String, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        let fixture = try await make()
        defer { fixture.remove() }
        let rows = try await fixture.rows(sql)
        #expect(rows == expected, "\(sql)", sourceLocation: sourceLocation)
    }

    /// The analysis error `sql` fails with (recording an issue when it runs).
    static func analysisFailure(_ sql: String) async throws -> SQLAnalysisError {
        let fixture = try await make()
        defer { fixture.remove() }
        do {
            let rows = try await fixture.rows(sql)
            Issue.record("expected an error, got \(rows)")
        } catch let error as SQLAnalysisError {
            return error
        }
        throw CancellationError()
    }

    /// JSON lines of a result with one column `id`.
    static func idRows(_ values: [Int]) -> [String] { values.map { #"{"id":\#($0)}"# } }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
