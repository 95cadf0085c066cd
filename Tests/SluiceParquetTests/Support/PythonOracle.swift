import Foundation
import SluiceTestSupport

@testable import SluiceParquet

/// Runs the test venv's Python (pyarrow, DuckDB) and returns what it prints.
enum PythonOracle {
    /// A Python run that exited non-zero, with its standard error.
    struct Failure: Error, CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        let standardError: String

        var description: String {
            "python \(arguments.prefix(1).joined()) exited with \(status): \(standardError)"
        }
    }

    /// The standard output of `python arguments`.
    ///
    /// - Throws: `Failure` when it exits non-zero.
    static func run(_ python: URL, _ arguments: [String]) async throws -> String {
        let result = try await ChildProcess.run(python, arguments)
        guard result.status == 0 else {
            throw Failure(arguments: arguments, status: result.status, standardError: result.stderr)
        }
        return result.stdout
    }

    /// The standard output of `Oracles/<script> arguments`.
    static func run(script: String, python: URL, _ arguments: [String]) async throws -> String {
        let path = MetadataTestSupport.repositoryRoot
            .appendingPathComponent("Tests/SluiceParquetTests/Oracles").appendingPathComponent(script).path
        return try await run(python, [path] + arguments)
    }

    /// The JSON objects `Oracles/<script> arguments` prints, one per line.
    static func jsonLines(script: String, python: URL, _ arguments: [String]) async throws -> [[String: Any]] {
        try await run(script: script, python: python, arguments).split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ParquetError(.invalidFile, "\(script): an output line is not a JSON object")
            }
            return object
        }
    }
}
