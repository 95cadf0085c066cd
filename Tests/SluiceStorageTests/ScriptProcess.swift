import Foundation

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
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        try process.run()
        let line = firstLine(of: stdout.fileHandleForReading, timeout: .seconds(20))
        guard let line, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            stop(process)
            throw ScriptProcessError(message: "\(name) printed no PORT line (got \(line ?? "nothing"))")
        }
        return ScriptProcess(process: process, port: port)
    }

    func stop() { Self.stop(process) }

    /// SIGTERM, then SIGKILL if the child has not stopped within five seconds: a child started
    /// from a test thread may inherit a mask that blocks SIGTERM.
    private static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The first line `handle` yields, read on yet another thread so the wait can time out.
    private static func firstLine(of handle: FileHandle, timeout: DispatchTimeInterval) -> String? {
        let box = LineBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var bytes: [UInt8] = []
            while !bytes.contains(UInt8(ascii: "\n")) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                bytes += chunk
            }
            box.set(String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self))
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        return box.value
    }
}

struct ScriptProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A line handed from the reading thread, behind a lock.
private final class LineBox: @unchecked Sendable {
    private let lock = NSLock()
    private var line: String?

    func set(_ value: String) { lock.withLock { line = value } }
    var value: String? { lock.withLock { line } }
}
