import Foundation

/// A Python script from the `Scripts/` folder beside the calling test file, in a child process that
/// announces its port with a first line `PORT n`. `stop()` ends it; call it in a `defer` so a
/// failing test does not leave it running.
// Unchecked: both fields are set once at start, and Process is thread-safe for what is used here.
public final class ScriptProcess: @unchecked Sendable {
    public let process: Process
    public let port: Int

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// Starts `python3 Scripts/NAME ARGUMENTS` (python3 from `PATH`; `Scripts/` beside `file`, the
    /// caller's source file) and waits for its port, on a thread of its own: a blocking wait on
    /// the test runner's few cooperative threads would stall every other test running at the time.
    public static func start(
        _ name: String, _ arguments: [String], beside file: String = #filePath
    ) async throws -> ScriptProcess {
        let script = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Scripts/\(name)")
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try startBlocking(script, arguments) })
            }
        }
    }

    private static func startBlocking(_ script: URL, _ arguments: [String]) throws -> ScriptProcess {
        let name = script.lastPathComponent
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

    public func stop() { ChildProcess.stop(process) }
}

public struct ScriptProcessError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
