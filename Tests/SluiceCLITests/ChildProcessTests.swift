import Foundation
import SluiceTestSupport
import Testing

/// The child-process runner every test target uses: a hung child must fail its test, not stall
/// the run, and no child may wait on the test runner's standard input.
@Suite("Running child processes in tests")
struct ChildProcessTests {
    @Test("input reaches the child's standard input; without input it reads an empty one")
    func standardInput() async throws {
        let cat = URL(fileURLWithPath: "/bin/cat")
        #expect(try await ChildProcess.run(cat, [], input: Data("a\nb\n".utf8)).stdout == "a\nb\n")
        // With the runner's own stdin (a terminal or a pipe left open) this would never end.
        let empty = try await ChildProcess.run(cat, [], limit: .seconds(20))
        #expect(empty.status == 0 && empty.stdout.isEmpty)
    }

    @Test("both streams and the exit status come back, however much is written")
    func outputAndStatus() async throws {
        let script = "head -c 300000 /dev/zero | tr '\\0' x; echo oops >&2; exit 3"
        let result = try await ChildProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
        #expect(result.status == 3)
        #expect(result.stdout.count == 300_000)
        #expect(result.stderr == "oops\n")
    }

    @Test("a child that outruns its limit is stopped and reported with what it wrote")
    func timeLimit() async throws {
        let started = ContinuousClock.now
        let error = try await #require(throws: ChildProcessTimeout.self) {
            try await ChildProcess.run(
                URL(fileURLWithPath: "/bin/sh"), ["-c", "echo waiting >&2; exec sleep 600"], limit: .milliseconds(500))
        }
        #expect(error.description.contains("sh -c echo waiting >&2; exec sleep 600 still ran after"))
        #expect(error.stderrTail == "waiting\n")
        // SIGABRT ends sh at once; the bound is loose because other tests share the machine.
        #expect(ContinuousClock.now - started < .seconds(120))
    }

    @Test("a cancelled wait kills the child and throws CancellationError")
    func cancelledWait() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-child-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        let run = Task {
            try await ChildProcess.run(
                URL(fileURLWithPath: "/bin/sh"), ["-c", "echo $$ > '\(pidFile.path)'; exec sleep 600"])
        }
        var pid: Int32?
        // Long: the child may wait for a free slot (ChildProcessSlots) behind other tests' children.
        let deadline = ContinuousClock.now + .seconds(900)
        while pid == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            pid = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap {
                Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        let child = try #require(pid, "the child never wrote its pid")
        run.cancel()
        await #expect(throws: CancellationError.self) { try await run.value }
        // Killed and reaped: gone, or at most a zombie Foundation has yet to collect.
        let state = try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8)
        #expect(state == nil || state?.contains(") Z ") == true, "\(state ?? "")")
    }
}
