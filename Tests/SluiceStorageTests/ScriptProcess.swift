import Foundation
import SluiceTestSupport

/// A Python script from `Scripts/` in a child process that announces its port with a first line
/// `PORT n`. `stop()` ends it; call it in a `defer` so a failing test does not leave it running.
// Unchecked: both fields are set once at start, and Process is thread-safe for what is used here.
final class ScriptProcess: @unchecked Sendable {
    let process: Process
    let port: Int

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// Starts `python3 Scripts/NAME ARGUMENTS` (python3 from `PATH`) and waits for its port, on a
    /// thread of its own: a blocking wait on the test runner's few cooperative threads would
    /// stall every other test running at the time.
    static func start(_ name: String, _ arguments: [String]) async throws -> ScriptProcess {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try startBlocking(name, arguments) })
            }
        }
    }

    private static func startBlocking(_ name: String, _ arguments: [String]) throws -> ScriptProcess {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Scripts/\(name)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        try process.run()
        let line = ChildProcess.firstLine(of: stdout.fileHandleForReading, timeout: .seconds(20))
        guard let line, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            ChildProcess.stop(process)
            throw ScriptProcessError(message: "\(name) printed no PORT line (got \(line ?? "nothing"))")
        }
        return ScriptProcess(process: process, port: port)
    }

    func stop() { ChildProcess.stop(process) }
}

struct ScriptProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
