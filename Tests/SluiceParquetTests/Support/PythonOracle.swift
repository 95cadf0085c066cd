import Foundation

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
    static func run(_ python: URL, _ arguments: [String]) throws -> String {
        // Both streams go to files read after the exit: a read blocked on a pipe can fail with
        // EINTR when another test's child exits, which Foundation's pipe reading turns into a trap.
        let output = try TemporaryOutput()
        let errors = try TemporaryOutput()
        defer {
            output.remove()
            errors.remove()
        }
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        process.standardOutput = output.handle
        process.standardError = errors.handle
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(arguments: arguments, status: process.terminationStatus, standardError: errors.text)
        }
        return output.text
    }

    /// A temporary file a child process writes one of its streams to.
    private struct TemporaryOutput {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-oracle-\(UUID().uuidString)")
        let handle: FileHandle

        init() throws {
            FileManager.default.createFile(atPath: url.path, contents: nil)
            handle = try FileHandle(forWritingTo: url)
        }

        var text: String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

        func remove() {
            try? handle.close()
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// The standard output of `Oracles/<script> arguments`.
    static func run(script: String, python: URL, _ arguments: [String]) throws -> String {
        let path = MetadataTestSupport.repositoryRoot
            .appendingPathComponent("Tests/SluiceParquetTests/Oracles").appendingPathComponent(script).path
        return try run(python, [path] + arguments)
    }

    /// The JSON objects `Oracles/<script> arguments` prints, one per line.
    static func jsonLines(script: String, python: URL, _ arguments: [String]) throws -> [[String: Any]] {
        try run(script: script, python: python, arguments).split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ParquetError(.invalidFile, "\(script): an output line is not a JSON object")
            }
            return object
        }
    }
}
