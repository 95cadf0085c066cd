import Foundation
import SluiceCore
import SluiceSQL
import SluiceTestSupport
import Testing

/// Runs a query with DuckDB (the test venv's Python) over the fixture's parquet folders, each
/// registered as a view of the same name, and returns the rows as normalized text values.
enum DuckDBOracle {
    static let python: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent(".venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    private static let script = """
        import sys, json, duckdb
        root, views, sql = sys.argv[1], sys.argv[2].split(','), sys.argv[3]
        con = duckdb.connect()
        for view in views:
            con.execute(f"CREATE VIEW {view} AS SELECT * FROM read_parquet('{root}/{view}/*.parquet')")
        for row in con.execute(sql).fetchall():
            print(json.dumps([None if v is None else (v if isinstance(v, (int, float)) else str(v)) for v in row]))
        """

    /// Expects the engine's answer to `sql` over the engine fixture to equal DuckDB's (as multisets
    /// unless `ordered`); skips with a message without the test venv.
    static func expectEngineAgrees(
        _ sql: String, ordered: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        guard python != nil else {
            print("skipping: no test venv (run scripts/python-env)")
            return
        }
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        let result = try await QueryEngine().run(sql: sql, catalog: fixture.catalog)
        var ours = try result.batches.flatMap { batch in
            try (0..<batch.numRows).map { row in
                let line = RecordBatchJSONLines.line(batch, row: row)
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
                return batch.schema.fields.map { normalize(object[$0.name] ?? NSNull()) }
            }
        }
        var theirs = try await rows(sql, root: fixture.root, views: EngineFixture.viewNames)
        if !ordered {
            ours.sort { $0.lexicographicallyPrecedes($1) }
            theirs.sort { $0.lexicographicallyPrecedes($1) }
        }
        #expect(ours == theirs, "\(sql)", sourceLocation: sourceLocation)
    }

    /// The rows DuckDB returns, each value normalized by `normalize`.
    static func rows(_ sql: String, root: URL, views: [String]) async throws -> [[String]] {
        guard let python else { return [] }
        let result = try await ChildProcess.run(python, ["-c", script, root.path, views.joined(separator: ","), sql])
        guard result.status == 0 else {
            throw CocoaError(
                .fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "duckdb failed on \(sql): \(result.stderr)"])
        }
        let text = result.stdout
        return try text.split(separator: "\n").map { line in
            let values =
                try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]) as? [Any] ?? []
            return values.map(normalize)
        }
    }

    /// A value as comparable text: numbers (and numeric strings such as decimals) to 12 significant
    /// digits, null as `NULL`, anything else as its text.
    static func normalize(_ value: Any) -> String {
        if value is NSNull { return "NULL" }
        if let number = value as? NSNumber { return String(format: "%.12g", number.doubleValue) }
        if let text = value as? String {
            if let number = Double(text) { return String(format: "%.12g", number) }
            return text
        }
        return "\(value)"
    }
}
