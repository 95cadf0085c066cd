import Foundation

/// What tests that start servers as child processes share: reading the line a child announces
/// itself with, and stopping it for sure.
public enum ChildProcess {
    /// SIGTERM, then SIGKILL if the child has not stopped within five seconds: a child started
    /// from a test thread may inherit a signal mask that blocks SIGTERM.
    public static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        if !waitForExit(of: process, limit: .seconds(5)) {
            kill(process.processIdentifier, SIGKILL)
            _ = waitForExit(of: process, limit: .seconds(10))
        }
    }

    /// Whether `process` ended within `limit`. Polls rather than calling `waitUntilExit()`, which
    /// never returns if Foundation misses the exit.
    public static func waitForExit(of process: Process, limit: Duration) -> Bool {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            guard ContinuousClock.now < deadline else { return false }
            usleep(20_000)
        }
        return true
    }

    /// The first line `handle` yields (without its newline), read on another thread so the wait
    /// can time out; `nil` on timeout.
    public static func firstLine(of handle: FileHandle, timeout: DispatchTimeInterval) -> String? {
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

/// A line handed from the reading thread, behind a lock.
private final class LineBox: @unchecked Sendable {
    private let lock = NSLock()
    private var line: String?

    func set(_ value: String) { lock.withLock { line = value } }
    var value: String? { lock.withLock { line } }
}
