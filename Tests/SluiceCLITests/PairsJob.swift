import Foundation
import SluiceTestSupport
import Testing

/// The job the killed-loader tests load: every pair of the demo's users (with the first `partners`
/// of them, or all 1,000), served as `pairs` (key `pair`, values `value` and `day`).
enum PairsJob {
    /// Adds the job to the demo project in `scratch`, serves its result for 2026-11-20 and prepares
    /// the one for 2026-11-21, which the loader then saves.
    static func add(to scratch: ScratchFolder, project: URL, partners: Int? = nil) async throws {
        try scratch.write(
            "demo/jobs/pairs/job.yaml",
            """
            tasks:
              prepare-data:
                kind: prepare
                sources: { users: { connection: lake, path: "users/" } }
                sql: prepare.sql
                output: { connection: lake, path: "results/pairs/" }
              save-data:
                kind: save
                after: [prepare-data]
                input: { connection: lake, path: "results/pairs/" }
                target: { connection: serving, table: pairs, key: [pair], values: [value, day] }
            """)
        try scratch.write(
            "demo/jobs/pairs/prepare.sql",
            """
            SELECT concat(a.user_id, '-', b.user_id) AS pair, a.user_id * 10000 + b.user_id AS value,
                   '{{ ds }}' AS day
            FROM users a CROSS JOIN users b\(partners.map { " WHERE b.user_id <= \($0)" } ?? "")
            """)
        let first = try await SluiceBinary.run(["run", "pairs", "--date", "2026-11-20"], in: project)
        #expect(first.status == 0, "\(first.stderr)")
        let prepare = try await SluiceBinary.run(["run", "pairs", "prepare-data", "--date", "2026-11-21"], in: project)
        #expect(prepare.status == 0, "\(prepare.stderr)")
    }

    /// Starts `sluice run pairs save-data` for 2026-11-21 in the background, output discarded.
    static func startLoader(in project: URL) throws -> Process {
        let loader = Process()
        loader.executableURL = SluiceBinary.url
        loader.arguments = ["run", "pairs", "save-data", "--date", "2026-11-21", "--log-level", "error"]
        loader.currentDirectoryURL = project
        loader.standardInput = FileHandle.nullDevice
        loader.standardOutput = FileHandle.nullDevice
        loader.standardError = FileHandle.nullDevice
        try loader.run()
        return loader
    }

    /// Kills the loader with SIGKILL and checks it was still loading, and that readers still get the
    /// 2026-11-20 load from pairs_1 while the status shows the abandoned load.
    static func killMidLoad(_ loader: Process, project: URL) async throws {
        let killedMidLoad = loader.isRunning
        kill(loader.processIdentifier, SIGKILL)
        #expect(ChildProcess.waitForExit(of: loader, limit: .seconds(30)))
        #expect(killedMidLoad, "the load finished before it could be killed; make the result larger")

        let during = try await SluiceBinary.run(["get", "pairs", "7-9"], in: project)
        #expect(during.stdout == "{\"pair\":\"7-9\",\"value\":70009,\"day\":\"2026-11-20\"}\n", "\(during.stderr)")
        let status = try await SluiceBinary.run(["status", "pairs"], in: project)
        #expect(status.stdout.contains("  active      pairs_1 (version 1)\n"))
        #expect(status.stdout.contains("load under way or abandoned"))
    }

    /// Runs the save again and checks that it serves the 2026-11-21 load (`rows` rows) from pairs_2.
    static func rerun(project: URL, rows: Int) async throws -> SluiceBinary.Result {
        let rerun = try await SluiceBinary.run(["run", "pairs", "save-data", "--date", "2026-11-21"], in: project)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let after = try await SluiceBinary.run(["get", "pairs", "7-9"], in: project)
        #expect(after.stdout == "{\"pair\":\"7-9\",\"value\":70009,\"day\":\"2026-11-21\"}\n")
        let done = try await SluiceBinary.run(["status", "pairs"], in: project)
        #expect(done.stdout.contains("  active      pairs_2 (version 2)\n"))
        #expect(done.stdout.contains("  rows        \(rows)\n"))
        return rerun
    }
}
