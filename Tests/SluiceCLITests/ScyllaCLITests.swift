import CQLTestServer
import Foundation
import SluiceTestSupport
import Testing

/// The serving commands on `type: scylla`, against a CQLTestServer in this process.
@Suite("Serving from ScyllaDB on the command line", .timeLimit(.minutes(10)))
struct ScyllaCLITests {
    /// The demo project with its serving connection moved to a fresh keyspace on `server`.
    private static func scyllaProject(_ server: CQLTestServer) async throws -> (ScratchFolder, URL, keyspace: String) {
        let scratch = try ScratchFolder()
        let project = scratch.url.appendingPathComponent("demo")
        let demo = try await SluiceBinary.run(["demo", "--directory", project.path], in: scratch.url)
        #expect(demo.status == 0, "\(demo.stderr)")
        let keyspace = "cli_\(UUID().uuidString.prefix(8).lowercased())"
        let file = project.appendingPathComponent("sluice.yaml")
        var lines = try String(contentsOf: file, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.contains("serving: { type: sqlite") }) else {
            throw ProjectError(message: "the demo's sluice.yaml has no sqlite serving connection")
        }
        lines[index] = """
              serving: { type: scylla, contact_points: ["127.0.0.1:\(server.port)"], keyspace: \(keyspace), \
            create_keyspace: true, replication_factor: 1, pointer_ttl: 100ms, request_timeout: 100ms, flip_margin: 100ms, \
            write_timeout: 60s, lock_lease: 180s }
            """
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        return (scratch, project, keyspace)
    }

    struct ProjectError: Error {
        var message: String
    }

    @Test("run, get, status (with auto_snapshot), rollback and serve; the Python reader of docs/readers.md agrees")
    func commands() async throws {
        let server = try await CQLTestServer.start()
        defer { Task { await server.stop() } }
        let (scratch, project, keyspace) = try await Self.scyllaProject(server)
        defer { scratch.remove() }
        let save = try await SluiceBinary.run(["run", "job1", "save-data", "--date", "2026-11-21"], in: project)
        #expect(save.status == 0, "\(save.stderr)")
        #expect(save.stderr.contains("rows/s") || save.stdout.contains("rows/s"), "\(save.stdout)\(save.stderr)")

        let get = try await SluiceBinary.run(["get", "user_scores", "1", "2", "--log-level", "error"], in: project)
        #expect(get.status == 0, "\(get.stderr)")
        #expect(get.stdout.hasPrefix("{\"user_id\":1,\"score\":"))
        #expect(get.stdout.split(separator: "\n").count == 2)
        let missing = try await SluiceBinary.run(["get", "user_scores", "999999", "--log-level", "error"], in: project)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasSuffix("error: user_scores: no row for key 999999\n"))

        if let python = TestVenv.python {
            let script = TestVenv.repositoryRoot.appendingPathComponent("docs/examples/sluice_scylla_reader.py")
            let read = try await SluiceBinary.run(
                executable: python,
                [script.path, "127.0.0.1:\(server.port)", keyspace, "user_scores", "1", "2", "999999"], in: project)
            #expect(read.status == 1, "\(read.stderr)")
            // The driver lists value columns by name; the values must be the same.
            func objects(_ text: String) -> [NSDictionary?] {
                text.split(separator: "\n").map {
                    try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? NSDictionary
                }
            }
            #expect(objects(read.stdout) == objects(get.stdout) + [nil])
            #expect(read.stdout.hasSuffix("\nnull\n"))
        }

        let status = try await SluiceBinary.run(["status", "job1"], in: project)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("  active      user_scores_1 (version 1)\n"), "\(status.stdout)")
        #expect(status.stdout.contains("note        auto_snapshot is on"))

        let prepare = try await SluiceBinary.run(["run", "job1", "prepare-data", "--date", "2026-11-21"], in: project)
        #expect(prepare.status == 0, "\(prepare.stderr)")
        let second = try await SluiceBinary.run(["run", "job1", "save-data", "--date", "2026-11-21"], in: project)
        #expect(second.status == 0, "\(second.stderr)")
        let rollback = try await SluiceBinary.run(["rollback", "job1", "save-data"], in: project)
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(rollback.stdout.contains("from user_scores_1, version 3"))

        let serve = try ServeProcess.start(project: project, scratch: scratch)
        defer { serve.stop() }
        let one = try serve.request("GET", "/v1/user_scores/1")
        #expect(one.status == 200, "\(one.body)")
        #expect(one.body == String(get.stdout.split(separator: "\n")[0]) + "\n")
    }

    @Test("a loader killed with SIGKILL mid-load leaves readers on the old table; the rerun takes its lock over")
    func killedLoader() async throws {
        let server = try await CQLTestServer.start()
        defer { Task { await server.stop() } }
        let (scratch, project, _) = try await Self.scyllaProject(server)
        defer { scratch.remove() }
        // 100,000 rows: every pair of the demo's users with the first 100.
        try await PairsJob.add(to: scratch, project: project, partners: 100)
        // Kill it once it has claimed pairs_2 and written 1,000 rows there. From then on the server
        // leaves its inserts into pairs_2 unanswered, so the loader stalls there (the project's
        // write_timeout is a minute) however long a busy machine takes to get to the kill.
        let stall = server.dropResponses(afterAnswering: 1_000) { $0.hasPrefix("INSERT") && $0.contains("pairs_2") }
        let loader = try PairsJob.startLoader(in: project)
        let deadline = ContinuousClock.now + .seconds(120)
        while !stall.isDone, loader.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(stall.isDone, "the loader wrote fewer than 1,000 rows to pairs_2")
        try await PairsJob.killMidLoad(loader, project: project)
        stall.stop()
        // The dead loader's lease names this machine and its process: the rerun takes it over at once.
        let rerun = try await PairsJob.rerun(project: project, rows: 100_000)
        #expect(rerun.stderr.contains("took over a loader lock whose holder is gone"), "\(rerun.stderr)")
    }
}
