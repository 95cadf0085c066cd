import Foundation
import SluiceCore
import SluiceParquet
import SluiceStorage
import Synchronization
import Testing

/// `ParquetFileReader` over the parquet-testing corpus: projection, parallel in-order decoding,
/// errors and the number of ranged reads.
@Suite struct FileReaderTests {
    /// The corpus store, or nil (with a message) when the corpus is absent.
    static func corpusStore() -> LocalObjectStore? {
        guard let directory = MetadataTestSupport.corpusDirectory else {
            print("skipping: parquet-testing corpus not found (set PARQUET_TESTING_DATA)")
            return nil
        }
        return LocalObjectStore(root: directory)
    }

    /// Every batch of `key` read with `threads`.
    static func readAll(_ store: any ObjectStore, _ key: String, columns: [String]? = nil, threads: Int)
        async throws -> (ParquetFileReader, [RecordBatch])
    {
        let reader = try await ParquetFileReader.open(store: store, key: key, columns: columns, threads: threads)
        var batches: [RecordBatch] = []
        for try await batch in reader.batches() { batches.append(batch) }
        return (reader, batches)
    }

    @Test func everyCorpusFileReadsWholeAndInOrder() async throws {
        guard let store = Self.corpusStore(), let directory = MetadataTestSupport.corpusDirectory else { return }
        var read = 0
        // large_string_map.brotli holds a 1 GiB page of map keys: refused as a decompression bomb.
        for file in try MetadataTestSupport.corpusFiles(in: directory)
        where !file.contains("corrupt") && file != "large_string_map.brotli.parquet" {
            let footer: ParquetFooter
            do { footer = try await ParquetFooter.read(from: store, key: file) } catch { continue }
            guard let schema = try? ParquetSchema(metadata: footer.metadata) else { continue }
            // Every top-level field, nested ones included.
            let flat = schema.root.children.map(\.name)
            guard !flat.isEmpty else { continue }
            let single: [RecordBatch]
            do {
                single = try await Self.readAll(store, file, columns: flat, threads: 1).1
            } catch let error as ParquetError where error.kind == .unsupported || error.kind == .decompressionFailed {
                continue
            }
            let parallel = try await Self.readAll(store, file, columns: flat, threads: 4).1
            #expect(single.count == footer.metadata.rowGroups.count, "\(file)")
            // A few corpus files state a num_rows that contradicts their row groups; those count.
            let groupRows = footer.metadata.rowGroups.reduce(0) { $0 + Int($1.numRows) }
            let expected = groupRows == Int(footer.metadata.numRows) ? Int(footer.metadata.numRows) : groupRows
            #expect(single.reduce(0) { $0 + $1.numRows } == expected, "\(file)")
            // Compared as text: NaN values never compare equal as arrays.
            #expect(
                single.map(RecordBatchJSONLines.render) == parallel.map(RecordBatchJSONLines.render),
                "\(file): threads 1 and 4 differ")
            #expect(single.first?.schema.fields.map(\.name) ?? flat == flat, "\(file)")
            read += 1
        }
        #expect(read > 30)
    }

    @Test func projectionKeepsTheRequestedOrder() async throws {
        guard let store = Self.corpusStore() else { return }
        let (reader, batches) = try await Self.readAll(
            store, "alltypes_plain.parquet", columns: ["string_col", "id"], threads: 2)
        #expect(reader.schema.fields.map(\.name) == ["string_col", "id"])
        #expect(batches.reduce(0) { $0 + $1.numRows } == 8)
        let ids = try #require(batches.first?.column(named: "id", as: Int32Array.self))
        #expect(Array(ids) == [4, 5, 6, 7, 2, 3, 0, 1])
    }

    @Test func multipleRowGroupsComeOutInOrderWithManyThreads() async throws {
        guard let store = Self.corpusStore() else { return }
        // nation.dict-malformed has one row group; alltypes_tiny_pages has one too: use a file
        // written here with many row groups would need the writer, so compare per row group instead.
        let reader = try await ParquetFileReader.open(store: store, key: "alltypes_tiny_pages.parquet", threads: 8)
        var index = 0
        for try await batch in reader.batches() {
            #expect(batch == (try await reader.readRowGroup(index)))
            index += 1
        }
        #expect(index == reader.rowGroupCount)
    }

    @Test func unknownColumnIsNamedWithTheFilesColumns() async throws {
        guard let store = Self.corpusStore() else { return }
        let error = await #expect(throws: ParquetError.self) {
            _ = try await ParquetFileReader.open(store: store, key: "alltypes_plain.parquet", columns: ["id", "nope"])
        }
        #expect(error?.column == "nope")
        #expect(error?.description.contains("bool_col") == true)
    }

    @Test func nestedColumnsAreAssembled() async throws {
        guard let store = Self.corpusStore() else { return }
        let (reader, batches) = try await Self.readAll(
            store, "list_columns.parquet", columns: ["utf8_list", "int64_list"], threads: 1)
        #expect(reader.projectedFields.map(\.isNested) == [true, true])
        let batch = try #require(batches.first)
        let lines = (0..<batch.numRows).map { RecordBatchJSONLines.line(batch, row: $0) }
        #expect(
            lines == [
                #"{"utf8_list":["abc","efg","hij"],"int64_list":[1,2,3]}"#,
                #"{"utf8_list":null,"int64_list":[null,1]}"#,
                #"{"utf8_list":["efg",null,"hij","xyz"],"int64_list":[4]}"#,
            ])
        // A map of maps: the entries are structs of key and value.
        let maps = try await Self.readAll(store, "nested_maps.snappy.parquet", columns: ["a"], threads: 1).1
        let first = try #require(maps.first)
        #expect(first.column(at: 0) is MapArray)
        #expect(
            RecordBatchJSONLines.line(first, row: 0)
                == #"{"a":[{"key":"a","value":[{"key":1,"value":true},{"key":2,"value":false}]}]}"#)
    }

    @Test func oneRangedGetPerChunkOrPerCoalescedSpan() async throws {
        guard let base = Self.corpusStore() else { return }
        let store = GetCountingStore(base: base)
        let key = "alltypes_tiny_pages.parquet"
        let columns = ["id", "int_col", "string_col"]
        let footer = try await ParquetFooter.read(from: store, key: key)

        store.reset()
        let separate = try ParquetFileReader(
            store: store, key: key, footer: footer, columns: columns, maxCoalesceGap: 0)
        for try await _ in separate.batches() {}
        // Projected chunks are not adjacent, so without coalescing each costs one request.
        #expect(store.gets == columns.count * separate.rowGroupCount)

        store.reset()
        let coalesced = try ParquetFileReader(store: store, key: key, footer: footer, columns: columns)
        var planned = 0
        for index in 0..<coalesced.rowGroupCount { planned += try coalesced.fetchPlan(rowGroup: index).requests.count }
        for try await _ in coalesced.batches() {}
        #expect(store.gets == planned)
        #expect(planned == coalesced.rowGroupCount)  // the whole file is far smaller than 1 MiB
    }

    @Test func fetchPlanMergesOnlySmallGaps() {
        let plan = ColumnChunkFetchPlan(ranges: [300..<400, 0..<100, 100..<200, 5_000_000..<5_000_010], maxGap: 150)
        #expect(plan.requests.map(\.range) == [0..<400, 5_000_000..<5_000_010])
        #expect(plan.requests[0].chunks.map(\.index) == [1, 2, 0])
        let strict = ColumnChunkFetchPlan(ranges: [0..<100, 100..<200, 300..<400], maxGap: 0)
        #expect(strict.requests.map(\.range) == [0..<200, 300..<400])
    }
}

/// Counts the `get` requests made through it.
private final class GetCountingStore: ObjectStore {
    let base: LocalObjectStore
    private let count = Mutex(0)

    init(base: LocalObjectStore) { self.base = base }

    var gets: Int { count.withLock { $0 } }
    func reset() { count.withLock { $0 = 0 } }

    var displayLocation: String { base.displayLocation }
    func listPage(prefix: String, delimiter: String?, continuationToken: String?) async throws -> ObjectListPage {
        try await base.listPage(prefix: prefix, delimiter: delimiter, continuationToken: continuationToken)
    }
    func head(_ key: String) async throws -> ObjectInfo? { try await base.head(key) }
    func get(_ key: String, range: Range<Int64>?) async throws -> [UInt8] {
        count.withLock { $0 += 1 }
        return try await base.get(key, range: range)
    }
    func makeWriter(for key: String) async throws -> any ObjectWriter { try await base.makeWriter(for: key) }
    func delete(_ key: String) async throws { try await base.delete(key) }
    func shutdown() async throws {}
}
