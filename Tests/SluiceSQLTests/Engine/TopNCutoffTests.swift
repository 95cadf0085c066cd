import Foundation
import SluiceCore
import SluiceParquet
import SluiceSQL
import SluiceStorage
import Testing

/// A top-N over a parquet scan skips the row groups whose statistics show they cannot hold a top
/// row (`ParquetDataset.topNCutoff`), and answers exactly as the full sort does.
@Suite struct TopNCutoffTests {
    /// Top-Ns whose order is total (a tiebreaker last), over every type the cutoff handles and
    /// some it leaves alone (floats, nulls sorting first), across files and row groups of 4 rows.
    static let orderings = [
        "id DESC", "id", "qty DESC, id", "qty DESC NULLS FIRST, id", "qty, id", "qty NULLS LAST, id",
        "amount DESC, id", "day DESC, id", "day, id DESC", "customer DESC, id", "customer, id", "price DESC, id",
    ]

    @Test(arguments: [1, 2])
    func limitsAgreeWithTheFullSort(threads: Int) async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let options = QueryOptions(threads: threads)
        for ordering in Self.orderings {
            let all = try await fixture.rows(
                "SELECT id, qty, customer FROM orders ORDER BY \(ordering)", options: options)
            for limit in [1, 3, 5, 9, 10, 20] {
                let top = try await fixture.rows(
                    "SELECT id, qty, customer FROM orders ORDER BY \(ordering) LIMIT \(limit)", options: options)
                #expect(top == Array(all.prefix(limit)), "ORDER BY \(ordering) LIMIT \(limit), \(threads) threads")
            }
        }
        // Repeated values across row groups: ties at the cutoff stay.
        let wide = try await fixture.rows("SELECT k, s FROM wide ORDER BY k DESC, s", options: options)
        let wideTop = try await fixture.rows("SELECT k, s FROM wide ORDER BY k DESC, s LIMIT 12", options: options)
        #expect(wideTop == Array(wide.prefix(12)))
    }

    @Test func statisticsGiveTheCutoff() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-topn-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let store = LocalObjectStore(root: root)
        // Five row groups of 100 rising values; the third holds nulls.
        let schema = Schema([Field("v", .int64), Field("w", .int64)])
        var options = ParquetWriteOptions()
        options.rowGroupRows = 100
        let writer = try await ParquetFileWriter(
            schema: schema, options: options, store: store, key: "t/part-0.parquet")
        var values: [Int64?] = (0..<500).map { Int64($0) }
        for row in stride(from: 200, to: 300, by: 2) { values[row] = nil }
        try await writer.write(
            try RecordBatch(schema: schema, columns: [Int64Array(values), Int64Array((0..<500).map { Int64($0) })]))
        _ = try await writer.close()
        let dataset = try await ParquetDataset.open(store: store, prefix: "t/", threads: 1)

        func cutoff(_ descending: Bool, nullsFirst: Bool = false, count: Int) async throws -> ParquetPredicate? {
            try await dataset.topNCutoff(column: "v", descending: descending, nullsFirst: nullsFirst, count: count)
        }
        #expect(try await cutoff(true, count: 10) == .compare("v", .greaterOrEqual, .integer(400)))
        #expect(try await cutoff(true, count: 150) == .compare("v", .greaterOrEqual, .integer(300)))
        #expect(try await cutoff(false, count: 100) == .compare("v", .lessOrEqual, .integer(99)))
        // The third group has only 50 non-null values (its minimum is 201): 251 rows need the
        // second group too.
        #expect(try await cutoff(true, count: 250) == .compare("v", .greaterOrEqual, .integer(201)))
        #expect(try await cutoff(true, count: 251) == .compare("v", .greaterOrEqual, .integer(100)))
        #expect(try await cutoff(true, count: 451) == nil)
        // Nulls sorting first would be top rows, and the column has some.
        #expect(try await cutoff(true, nullsFirst: true, count: 10) == nil)
        #expect(
            try await dataset.topNCutoff(column: "w", descending: false, nullsFirst: true, count: 10)
                == .compare("w", .lessOrEqual, .integer(99)))
        let narrowed = try await ParquetDataset.open(
            store: store, prefix: "t/", predicate: try await cutoff(true, count: 10), threads: 1)
        let slices = try await narrowed.slices(1)
        #expect(slices.map(\.rows) == [100], "one row group of five is read")
    }
}
