import Foundation

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
    static func run(_ python: URL, script: String, input: String) throws -> [String] {
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
