import Foundation
import SluiceTestSupport
import Testing

@Suite("Serving from the command line")
struct ServingCLITests {
    /// A demo project (two loads of user_scores done) in a scratch folder.
    private static func demoProject() async throws -> (ScratchFolder, URL) {
        let scratch = try ScratchFolder()
        let project = scratch.url.appendingPathComponent("demo")
        let demo = try await SluiceBinary.run(["demo", "--directory", project.path], in: scratch.url)
        #expect(demo.status == 0, "\(demo.stderr)")
        return (scratch, project)
    }

    @Test("status, get, rollback and a load refused inside the post-flip gap with --no-wait")
    func statusGetRollbackGap() async throws {
        let (scratch, project) = try await Self.demoProject()
        defer { scratch.remove() }
        // A ten-minute post-flip gap: the save below is inside it however long a busy machine
        // takes over the steps before it (CI once took longer than the default 8 s).
        let config = project.appendingPathComponent("sluice.yaml")
        let yaml = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(
            of: "serving: { type: sqlite, path: ./serving.db }",
            with: "serving: { type: sqlite, path: ./serving.db, flip_margin: 10m }")
        #expect(yaml.contains("flip_margin: 10m"))
        try Data(yaml.utf8).write(to: config)
        let status = try await SluiceBinary.run(["status", "job1"], in: project)
        #expect(status.status == 0)
        #expect(status.stdout.contains("  active      user_scores_2 (version 2)\n"))
        #expect(status.stdout.contains("(previous load, can roll back to)"))

        let get = try await SluiceBinary.run(
            ["get", "user_scores", "1", "999999", "--log-level", "error"], in: project)
        #expect(get.status == 1)
        #expect(get.stdout.hasPrefix("{\"user_id\":1,\"score\":"))
        #expect(get.stdout.split(separator: "\n").count == 1)
        #expect(get.stderr.hasSuffix("error: user_scores: no row for key 999999\n"))
        let notServing = try await SluiceBinary.run(["get", "sluice_pointers", "1"], in: project)
        #expect(notServing.status == 2)
        #expect(notServing.stderr.contains("unknown serving table \"sluice_pointers\""))

        let prepare = try await SluiceBinary.run(["run", "job1", "prepare-data", "--date", "2026-11-21"], in: project)
        #expect(prepare.status == 0, "\(prepare.stderr)")
        let early = try await SluiceBinary.run(
            ["run", "job1", "save-data", "--date", "2026-11-21", "--no-wait"], in: project)
        #expect(early.status == 1)
        #expect(early.stderr.contains("user_scores flipped too recently: readers may still be reading user_scores_1"))

        let rollback = try await SluiceBinary.run(["rollback", "job1", "save-data"], in: project)
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(rollback.stdout.contains("from user_scores_1, version 3"))
        let after = try await SluiceBinary.run(["status", "job1"], in: project)
        #expect(after.stdout.contains("  active      user_scores_1 (version 3)\n"))
        #expect(after.stdout.contains("(waiting to be loaded)"))
    }

    @Test("a validation refusal exits 3 and leaves readers on the active table")
    func validationRefusal() async throws {
        let (scratch, project) = try await Self.demoProject()
        defer { scratch.remove() }
        let jobFile = project.appendingPathComponent("jobs/job1/job.yaml")
        let job = try String(contentsOf: jobFile, encoding: .utf8)
        try Data(job.replacingOccurrences(of: "min_rows: 1,", with: "min_rows: 100000,").utf8).write(to: jobFile)
        let before = try await SluiceBinary.run(["get", "user_scores", "1"], in: project)
        let run = try await SluiceBinary.run(["run", "job1", "--date", "2026-11-21", "--no-wait"], in: project)
        // The inactive table was served before, so with --no-wait the gap refuses first; wait it out.
        if run.status == 1 {
            #expect(run.stderr.contains("flipped too recently"))
            try await Task.sleep(for: .milliseconds(8_500))
            let save = try await SluiceBinary.run(["run", "job1", "save-data", "--date", "2026-11-21"], in: project)
            #expect(save.status == 3, "\(save.stderr)")
            #expect(save.stderr.contains("validation refused to switch user_scores to user_scores_1"))
            #expect(save.stderr.contains("is below min_rows 100000"))
        } else {
            #expect(run.status == 3, "\(run.stderr)")
        }
        let status = try await SluiceBinary.run(["status", "job1"], in: project)
        #expect(status.stdout.contains("  active      user_scores_2 (version 2)\n"))
        #expect(try await SluiceBinary.run(["get", "user_scores", "1"], in: project).stdout == before.stdout)
    }

    @Test("a loader killed with SIGKILL mid-load leaves readers on the old table; the rerun succeeds")
    func killedLoader() async throws {
        let (scratch, project) = try await Self.demoProject()
        defer { scratch.remove() }
        // A job with a million-row result: every pair of the demo's 1,000 users.
        try await PairsJob.add(to: scratch, project: project)
        let loader = try PairsJob.startLoader(in: project)
        // The lock file names its holder once the load has started.
        let lock = project.appendingPathComponent("serving.db.locks/pairs.lock")
        let deadline = Date().addingTimeInterval(30)
        while ((try? String(contentsOf: lock, encoding: .utf8)) ?? "").isEmpty, loader.isRunning, Date() < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(300))
        try await PairsJob.killMidLoad(loader, project: project)
        _ = try await PairsJob.rerun(project: project, rows: 1_000_000)
    }

    @Test("the Python reader of docs/readers.md reads what sluice get reads")
    func pythonReader() async throws {
        let (scratch, project) = try await Self.demoProject()
        defer { scratch.remove() }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/sluice_reader.py")
        let database = project.appendingPathComponent("serving.db").path
        func python(_ arguments: [String]) async throws -> SluiceBinary.Result {
            try await SluiceBinary.run(
                executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path] + arguments, in: project)
        }
        let sluice = try await SluiceBinary.run(["get", "user_scores", "1", "2", "--log-level", "error"], in: project)
        let read = try await python([database, "user_scores", "1", "2", "999999"])
        #expect(read.status == 1)
        #expect(read.stdout == sluice.stdout + "null\n")
        let pointers = try await python([database, "sluice_pointers", "1"])
        #expect(pointers.status == 2)
        #expect(pointers.stderr.contains("has no pointer row"))
    }
}
