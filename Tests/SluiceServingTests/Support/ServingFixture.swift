import Foundation
import Logging
import SluiceCore
import SluiceParquet
import SluiceServing
import SluiceStorage

/// A lake folder and a serving store (a SQLite database or a ScyllaDB keyspace) in a fresh
/// temporary folder, with helpers that write complete results of `key` (string) → `value` (int64)
/// rows.
struct ServingFixture {
    let backend: ServingBackend
    let root: URL
    let lake: LocalObjectStore
    let store: any ServingStore
    let resultPrefix = "results/scores/"

    static let silent = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    /// Short gaps so tests can flip several times in a second or two.
    static let quickTiming = ServingTiming(pointerTTL: 0.05, requestTimeout: 0.05, margin: 0.05)

    init(
        _ backend: ServingBackend = .sqlite, timing: ServingTiming = ServingFixture.quickTiming,
        tune: (inout ScyllaConfiguration) -> Void = { _ in }
    ) async throws {
        self.backend = backend
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-serving-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        lake = LocalObjectStore(root: root.appendingPathComponent("lake"))
        store = try await backend.makeStore(root: root, timing: timing, tune: tune)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
        let store = store
        Task { try? await store.shutdown() }
    }

    /// The store type names of this backend for SQLite's INTEGER, REAL and TEXT.
    var integerType: String { backend.isScylla ? "bigint" : "INTEGER" }
    var realType: String { backend.isScylla ? "double" : "REAL" }
    var textType: String { backend.isScylla ? "text" : "TEXT" }
    /// The ScyllaDB keyspace of this fixture.
    var keyspace: String { (store as? ScyllaServingStore)?.keyspace ?? "" }

    func switcher(
        table: String = "scores", validation: LoadValidation = LoadValidation(), types: [String: String] = [:],
        values: [String] = ["value"]
    ) -> BlueGreenSwitch {
        BlueGreenSwitch(
            store: store, spec: ServingTableSpec(table: table, key: ["key"], values: values, typeOverrides: types),
            validation: validation, timing: store.timing, logger: Self.silent)
    }

    /// Writes a complete result whose rows are `key-<i>` → `value(i)` for `i` in `keys`, in
    /// parts of `rowsPerPart` rows, and opens it for loading.
    func writeResult(
        keys: Range<Int>, rowsPerPart: Int = 10_000_000, extraColumn: Bool = false, value: (Int) -> Int64
    ) async throws -> LoadSource {
        var fields = [Field("key", .string, nullable: false), Field("value", .int64)]
        if extraColumn { fields.append(Field("note", .string)) }
        let schema = Schema(fields)
        let keyBuilder = StringBuilder(capacity: keys.count)
        let valueBuilder = Int64Builder(capacity: keys.count)
        let noteBuilder = StringBuilder(capacity: extraColumn ? keys.count : 0)
        for index in keys {
            keyBuilder.append(Self.key(index))
            valueBuilder.append(value(index))
            if extraColumn { noteBuilder.append("n\(index)") }
        }
        var columns: [any ColumnArray] = [keyBuilder.finish(), valueBuilder.finish()]
        if extraColumn { columns.append(noteBuilder.finish()) }
        return try await writeResult(try RecordBatch(schema: schema, columns: columns), rowsPerPart: rowsPerPart)
    }

    /// Writes `batch` as a new complete result and opens it for loading.
    func writeResult(_ batch: RecordBatch, rowsPerPart: Int = 10_000_000) async throws -> LoadSource {
        // Run IDs sort by time: wait a millisecond so each result is newer than the last.
        try await Task.sleep(for: .milliseconds(2))
        let dataset = ResultDataset(prefix: resultPrefix, runID: RunID.make())
        _ = try await ResultPartWriter(dataset: dataset, store: lake, schema: batch.schema, rowsPerPart: rowsPerPart)
            .write(SingleBatch(batch: batch))
        return try await newestSource()
    }

    func newestSource() async throws -> LoadSource {
        guard let result = try await ResultCatalog.newestCompleteResult(in: lake, prefix: resultPrefix) else {
            throw FixtureError.noResult
        }
        return try await LoadSource.open(result, in: lake)
    }

    static func key(_ index: Int) -> String { "key-\(index)" }

    enum FixtureError: Error {
        case noResult
    }
}

/// One batch as an async sequence, for `ResultPartWriter`.
struct SingleBatch: AsyncSequence, Sendable {
    let batch: RecordBatch

    func makeAsyncIterator() -> Iterator { Iterator(batch: batch) }

    struct Iterator: AsyncIteratorProtocol {
        var batch: RecordBatch?

        mutating func next() async throws -> RecordBatch? {
            defer { batch = nil }
            return batch
        }
    }
}
