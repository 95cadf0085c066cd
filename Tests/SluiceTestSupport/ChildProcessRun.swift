import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What a child process run to its end left behind.
public struct ChildProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// A child that outran its time limit: it was stopped, and this carries the end of what it wrote
/// to standard error, which for a Swift program holds the stacks of its threads.
public struct ChildProcessTimeout: Error, CustomStringConvertible {
    public var command: String
    public var limit: Duration
    public var stderrTail: String

    public var description: String {
        "\(command) still ran after \(limit) and was stopped; the end of its standard error:\n\(stderrTail)"
    }
}

extension ChildProcess {
    /// Runs `executable` to its end and returns its exit status and output.
    ///
    /// Both streams go to temporary files, not pipes: reading one pipe while the child fills the
    /// other blocks, and Foundation traps when a pipe read is interrupted by another test's child
    /// exiting. Standard input is `input`, or empty: a child must never wait on the test runner's.
    /// A child still running after `limit` gets SIGABRT (the Swift runtime then prints every
    /// thread's stack, asked for by `SWIFT_BACKTRACE`, unless the child inherited a signal mask
    /// that blocks it), then SIGKILL, and the call throws `ChildProcessTimeout`: a hung child
    /// fails its test instead of stalling the whole run. A cancelled wait kills the child and
    /// throws `CancellationError`.
    ///
    /// The wait sleeps between checks instead of blocking its thread: the test runner has as many
    /// cooperative threads as cores (two in CI), and a test blocked for minutes on a child would
    /// starve every other test's async work (a gRPC call then misses its deadline). At most one
    /// child per core runs at once (`ChildProcessSlots`); the time limit starts when it does.
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
        input: Data? = nil, limit: Duration = .seconds(900)
    ) async throws -> ChildProcessResult {
        try await ChildProcessSlots.shared.withSlot {
            try await runInSlot(
                executable, arguments, in: directory, environment: environment, input: input, limit: limit)
        }
    }

    private static func runInSlot(
        _ executable: URL, _ arguments: [String], in directory: URL?, environment: [String: String]?,
        input: Data?, limit: Duration
    ) async throws -> ChildProcessResult {
        let files = try StreamFiles(input: input)
        defer { files.remove() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = environment ?? ProcessInfo.processInfo.environment
        if env["SWIFT_BACKTRACE"] == nil {
            env["SWIFT_BACKTRACE"] = "enable=yes,threads=all,interactive=no,color=no,registers=none,images=none"
        }
        process.environment = env
        process.standardInput = try files.inputHandle()
        process.standardOutput = files.stdoutHandle
        process.standardError = files.stderrHandle
        let exited = ExitFlag()
        process.terminationHandler = { _ in exited.set() }
        try process.run()

        if let status = await waitForStatus(of: process, exited, limit: limit) {
            return ChildProcessResult(status: status, stdout: files.stdout, stderr: files.stderr)
        }
        if Task.isCancelled {
            // A cancelled task's sleeps end at once, so there is no waiting for stacks. A killed
            // child ends within milliseconds: the short blocking wait holds its thread no longer.
            kill(process.processIdentifier, SIGKILL)
            let deadline = ContinuousClock.now + .seconds(2)
            while status(of: process, exited) == nil, ContinuousClock.now < deadline { usleep(5_000) }
            throw CancellationError()
        }
        // Bounded waits only, here too.
        kill(process.processIdentifier, SIGABRT)
        if await waitForStatus(of: process, exited, limit: .seconds(15)) == nil {
            kill(process.processIdentifier, SIGKILL)
            _ = await waitForStatus(of: process, exited, limit: .seconds(10))
        }
        let command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
        throw ChildProcessTimeout(command: command, limit: limit, stderrTail: String(files.stderr.suffix(20_000)))
    }

    /// The child's exit status (the signal number if a signal ended it), or `nil` if it still runs
    /// after `limit` or the waiting task is cancelled. Checks start 5 ms apart and back off to
    /// 100 ms, so short children return quickly.
    private static func waitForStatus(
        of process: Process, _ exited: ExitFlag, limit: Duration
    ) async -> Int32? {
        let deadline = ContinuousClock.now + limit
        var pause = Duration.milliseconds(5)
        while true {
            if let status = status(of: process, exited) { return status }
            guard ContinuousClock.now < deadline, (try? await Task.sleep(for: pause)) != nil else { return nil }
            pause = min(pause * 2, .milliseconds(100))
        }
    }

    /// The child's exit status if it has ended. Foundation's termination handler sets `exited`;
    /// should Foundation miss an exit, the kernel's own record of it (a child not yet reaped)
    /// counts too, read with `WNOWAIT` so that Foundation can still reap it.
    private static func status(of process: Process, _ exited: ExitFlag) -> Int32? {
        if exited.isSet { return process.terminationStatus }
        var info = siginfo_t()
        let pid = process.processIdentifier
        if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info._sifields._sigchld.si_pid == pid {
            return info._sifields._sigchld.si_status
        }
        return nil
    }
}

/// Set by Foundation's termination handler, on a thread of its own.
private final class ExitFlag: Sendable {
    private let value = Atomic(false)

    func set() { value.store(true, ordering: .releasing) }

    var isSet: Bool { value.load(ordering: .acquiring) }
}

/// The temporary files a child's standard streams are read from and written to.
private struct StreamFiles {
    let folder: URL
    let stdoutHandle: FileHandle
    let stderrHandle: FileHandle
    private let hasInput: Bool

    init(input: Data?) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["stdout", "stderr"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
        }
        stdoutHandle = try FileHandle(forWritingTo: folder.appendingPathComponent("stdout"))
        stderrHandle = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr"))
        hasInput = input != nil
        if let input { try input.write(to: folder.appendingPathComponent("stdin")) }
    }

    func inputHandle() throws -> FileHandle {
        hasInput ? try FileHandle(forReadingFrom: folder.appendingPathComponent("stdin")) : FileHandle.nullDevice
    }

    var stdout: String { text("stdout") }
    var stderr: String { text("stderr") }

    private func text(_ name: String) -> String {
        String(decoding: (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
    }

    func remove() {
        try? stdoutHandle.close()
        try? stderrHandle.close()
        try? FileManager.default.removeItem(at: folder)
    }
}
