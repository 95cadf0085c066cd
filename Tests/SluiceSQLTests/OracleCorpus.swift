import Foundation
import SluiceCore
import SluiceTestSupport

/// The SQL oracle corpus: the Spark SQL queries of `Oracle/queries.sql`, the parquet tables
/// `Oracle/generate_data.py` writes, and DuckDB's answers from `Oracle/duckdb_oracle.py`.
///
/// The engine's comparison test runs each query over `Loaded.dataFolder` (one view per subfolder,
/// named after it) and compares its rows with `Loaded.expected[name]`: as multisets, in order when
/// `Query.ordered`, floats with a relative tolerance. Queries with `sparkDiffers` are checked
/// against Spark, not DuckDB.
enum OracleCorpus {
    /// One query of the corpus.
    struct Query: Sendable {
        /// Unique; starts with its category (`join_left_semi`, `win_lag_lead`).
        let name: String
        /// The Spark SQL text, without the trailing `;`.
        let sql: String
        /// Whether the row order is part of the answer (the query orders by a unique key).
        let ordered: Bool
        /// How DuckDB's semantics differ from Spark's for this query; nil when they agree.
        let sparkDiffers: String?
        /// DuckDB's spelling of the same query, when Spark's syntax or functions are not DuckDB's.
        let duckDBSQL: String?
        /// Why DuckDB cannot answer the query at all; nil when it can.
        let duckDBSkip: String?

        /// The category, the name's first word (`join`, `win`, `latest`).
        var category: String { String(name.prefix { $0 != "_" }) }
    }

    /// DuckDB's answer to one query.
    enum Expectation: Sendable {
        case rows(columns: [String], types: [String], rows: [[OracleValue]])
        /// DuckDB failed with this message.
        case error(String)
        /// The query is marked `duckdb_skip`.
        case skipped(String)
    }

    /// Generated data plus every query and DuckDB's answer to it.
    struct Loaded: Sendable {
        /// A fresh temporary folder with one subfolder of parquet files per table; the caller
        /// removes it (`removeData()`).
        let dataFolder: URL
        let queries: [Query]
        /// DuckDB's answers by query name.
        let expected: [String: Expectation]
        let generationSeconds: Double
        let oracleSeconds: Double

        func removeData() {
            try? FileManager.default.removeItem(at: dataFolder)
        }
    }

    /// A problem with the corpus file or an oracle run.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()  // SluiceSQLTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
    static let folder = repositoryRoot.appendingPathComponent("Tests/SluiceSQLTests/Oracle")

    /// `.venv/bin/python` at the repository root, when `scripts/python-env` has made it.
    static var venvPython: URL? {
        let url = repositoryRoot.appendingPathComponent(".venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// The queries of `Oracle/queries.sql`, in file order.
    static func queries() throws -> [Query] {
        try parse(String(contentsOf: folder.appendingPathComponent("queries.sql"), encoding: .utf8))
    }

    /// Generates the tables into a fresh temporary folder and runs DuckDB over every query; nil
    /// when the venv is absent.
    static func load() async throws -> Loaded? {
        guard let python = venvPython else { return nil }
        let queries = try queries()
        let dataFolder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sluice-sql-oracle-\(UUID().uuidString)", isDirectory: true)
        let started = ContinuousClock.now
        _ = try await run(python, [folder.appendingPathComponent("generate_data.py").path, dataFolder.path])
        let generated = ContinuousClock.now
        let output = try await run(
            python,
            [
                folder.appendingPathComponent("duckdb_oracle.py").path, dataFolder.path,
                folder.appendingPathComponent("queries.sql").path,
            ])
        let (generation, oracle) = (generated - started, ContinuousClock.now - generated)
        var expected: [String: Expectation] = [:]
        for line in output.split(separator: "\n") {
            let answer = try JSONDecoder().decode(OracleLine.self, from: Data(line.utf8))
            expected[answer.name] = answer.expectation
        }
        return Loaded(
            dataFolder: dataFolder, queries: queries, expected: expected,
            generationSeconds: generation.inSeconds, oracleSeconds: oracle.inSeconds)
    }

    /// The queries of a corpus text. A header line starts each query:
    /// `-- name: NAME | ordered: true|false | spark_differs: REASON`, optionally followed by
    /// `-- duckdb: SQL` and `-- duckdb_skip: WHY`; the query runs to the next header.
    static func parse(_ text: String) throws -> [Query] {
        var queries: [Query] = []
        var header: (name: String, ordered: Bool, differs: String?)?
        var duckDBSQL: String?
        var duckDBSkip: String?
        var lines: [Substring] = []

        func finish() {
            guard let current = header else { return }
            var sql = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if sql.hasSuffix(";") { sql.removeLast() }
            queries.append(
                Query(
                    name: current.name, sql: sql.trimmingCharacters(in: .whitespacesAndNewlines),
                    ordered: current.ordered, sparkDiffers: current.differs, duckDBSQL: duckDBSQL,
                    duckDBSkip: duckDBSkip))
        }

        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("-- name:") {
                finish()
                header = try parseHeader(line, line: number + 1)
                (duckDBSQL, duckDBSkip, lines) = (nil, nil, [])
            } else if header == nil {
                continue  // the file's preamble
            } else if lines.isEmpty, let sql = value(of: "-- duckdb:", in: line) {
                duckDBSQL = sql
            } else if lines.isEmpty, let reason = value(of: "-- duckdb_skip:", in: line) {
                duckDBSkip = reason
            } else if !lines.isEmpty || !line.allSatisfy(\.isWhitespace) {
                lines.append(line)
            }
        }
        finish()
        return queries
    }

    private static func parseHeader(_ line: Substring, line number: Int) throws -> (String, Bool, String?) {
        let fields = line.dropFirst("--".count).split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count == 3, let name = value(of: "name:", in: fields[0]), !name.isEmpty,
            let ordered = value(of: "ordered:", in: fields[1]), ["true", "false"].contains(ordered),
            let differs = value(of: "spark_differs:", in: fields[2])
        else {
            throw Failure(description: "queries.sql line \(number): malformed header '\(line)'")
        }
        return (name, ordered == "true", differs.isEmpty ? nil : differs)
    }

    /// The trimmed text after `prefix` when `text` starts with it.
    private static func value(of prefix: String, in text: some StringProtocol) -> String? {
        guard text.hasPrefix(prefix) else { return nil }
        return text.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    }

    /// The standard output of `python arguments`; throws with standard error when it exits non-zero.
    private static func run(_ python: URL, _ arguments: [String]) async throws -> String {
        let result = try await ChildProcess.run(python, arguments)
        guard result.status == 0 else {
            throw Failure(description: "\(arguments.prefix(1).joined()) exited with \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// One line of `duckdb_oracle.py`.
    private struct OracleLine: Decodable {
        let name: String
        let columns: [String]?
        let types: [String]?
        let rows: [[OracleValue]]?
        let error: String?
        let skipped: String?

        var expectation: Expectation {
            if let skipped { return .skipped(skipped) }
            if let error { return .error(error) }
            return .rows(columns: columns ?? [], types: types ?? [], rows: rows ?? [])
        }
    }
}
