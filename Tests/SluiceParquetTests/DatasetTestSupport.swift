import Foundation
import SluiceCore
import SluiceParquet
import SluiceStorage
import Testing

/// Runs `Oracles/dataset_oracle.py`, which writes the pruning and dataset fixtures with pyarrow
/// and prints what pyarrow reads, and compares batches with its output column by column.
enum DatasetTestSupport {
    /// The fixtures `dataset_oracle.py write` made in a temporary folder (removed afterwards), or
    /// nil with a message when the venv is absent.
    static func withFixtures(_ body: (_ root: URL, _ python: URL) async throws -> Void) async throws {
        guard let python = MetadataTestSupport.venvPython else {
            print("skipped: .venv missing; run scripts/python-env to compare with pyarrow")
            return
        }
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sluice-dataset-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await runOracle(python: python, ["write", root.path])
        try await body(root, python)
    }

    /// What pyarrow reads from `path` (`pq.read_table(path, filters=filters)`): column name and
    /// rendered values, in schema order.
    static func pyarrowRead(python: URL, _ path: String, filters: String? = nil) async throws -> [(String, [Any])] {
        try await runOracle(python: python, ["read", path] + (filters.map { [$0] } ?? [])).map { line in
            guard let column = line["column"] as? String, let values = line["values"] as? [Any] else {
                throw ParquetError(.invalidFile, "unexpected oracle line \(line)")
            }
            return (column, values)
        }
    }

    /// Every batch of a sequence.
    static func collect<S: AsyncSequence>(_ batches: S) async throws -> [RecordBatch] where S.Element == RecordBatch {
        var result: [RecordBatch] = []
        for try await batch in batches { result.append(batch) }
        return result
    }

    /// The tokens (`ColumnReaderTestSupport.tokens`) of column `name` over all `batches`.
    static func tokens(of name: String, in batches: [RecordBatch]) -> [String] {
        batches.flatMap { batch in batch.column(named: name).map(ColumnReaderTestSupport.tokens) ?? ["missing"] }
    }

    /// Expects `batches` to hold exactly pyarrow's columns, value by value, in order.
    static func expectEqual(
        _ batches: [RecordBatch], schema: Schema, _ expected: [(String, [Any])],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(schema.fields.map(\.name) == expected.map(\.0), sourceLocation: sourceLocation)
        for (name, values) in expected {
            guard let field = schema.field(named: name) else { continue }
            let expectedTokens = values.map { ColumnReaderTestSupport.token(expected: $0, dataType: field.dataType) }
            #expect(tokens(of: name, in: batches) == expectedTokens, "column \(name)", sourceLocation: sourceLocation)
        }
    }

    private static func runOracle(python: URL, _ arguments: [String]) async throws -> [[String: Any]] {
        try await PythonOracle.jsonLines(script: "dataset_oracle.py", python: python, arguments)
    }
}
