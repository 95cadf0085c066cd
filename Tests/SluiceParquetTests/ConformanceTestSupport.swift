import Foundation
import SluiceParquet

/// Runs `Oracles/conformance_files.py`, which writes parquet files with pyarrow and DuckDB and,
/// beside each `NAME.parquet`, the rows pyarrow reads as `NAME.jsonl` in `RecordBatchJSONLines`'
/// text.
enum ConformanceTestSupport {
    /// Runs `body` with a fresh folder holding the generated cases `names` (every case when nil),
    /// removed afterwards; prints a message and skips `body` when the venv is absent.
    static func withGeneratedFiles(_ names: [String]? = nil, _ body: (URL) async throws -> Void) async throws {
        guard MetadataTestSupport.venvPython != nil else {
            print("skipped: .venv missing; run scripts/python-env to generate the conformance files")
            return
        }
        let directory = try makeFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await run(names, into: directory)
        try await body(directory)
    }

    /// `withGeneratedFiles` for a synchronous `body`; the venv must exist.
    static func generate(_ names: [String]? = nil, _ body: (URL) throws -> Void) async throws {
        let directory = try makeFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await run(names, into: directory)
        try body(directory)
    }

    private static func makeFolder() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sluice-conformance-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private static func run(_ names: [String]?, into directory: URL) async throws {
        guard let python = MetadataTestSupport.venvPython else {
            throw ParquetError(.invalidFile, "no .venv: run scripts/python-env")
        }
        _ = try await PythonOracle.run(script: "conformance_files.py", python: python, [directory.path] + (names ?? []))
    }

    /// The names of the `*.parquet` files in `directory`, sorted.
    static func parquetFiles(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".parquet") }.sorted()
    }
}
