import Foundation
import SluiceTestSupport

/// Runs Python oracles from the test venv (`scripts/python-env`): the venv's interpreter has pyarrow
/// and duckdb, and the standard `decimal` module computes exactly as Java's BigDecimal does.
enum OracleTestSupport {
    /// `.venv/bin/python` at the repository root, when it exists.
    static var venvPython: URL? {
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent()  // SluiceComputeTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        let url = root.appendingPathComponent(".venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// Runs `script` with `input` on stdin and returns its stdout lines.
    static func run(_ python: URL, script: String, input: String) async throws -> [String] {
        let result = try await ChildProcess.run(python, ["-c", script], input: Data(input.utf8))
        return result.stdout.split(separator: "\n").map(String.init)
    }
}
