import Foundation
import Testing

/// The acceptance walk-through of the foundation: init, validate, jobs, dry run, runs, and the
/// exit codes users and Airflow rely on.
@Suite("The sluice command", .serialized)
struct CLITests {
    @Test("init writes a project that validates, lists and dry-runs")
    func initValidateJobsDryRun() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let created = try await SluiceBinary.run(["init", "p"], in: scratch.url)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("jobs/job1/job.yaml"))
        let project = scratch.url.appendingPathComponent("p")

        let validate = try await SluiceBinary.run(["validate"], in: project)
        #expect(validate.status == 0)
        #expect(validate.stdout == "project p is valid: 2 connections, 1 job, 2 tasks\n")

        let jobs = try await SluiceBinary.run(["jobs"], in: project)
        #expect(jobs.status == 0)
        let lines = jobs.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "\(jobs.stdout)")
        #expect(lines[0].hasPrefix("JOB   SCHEDULE   TASK          KIND     AFTER"))
        #expect(lines[1].hasPrefix("job1  0 3 * * *  prepare-data  prepare  -"))
        #expect(
            lines[2].split(separator: " ") == [
                "save-data", "save", "prepare-data", "lake:results/job1/", "serving:user_scores",
            ]
        )

        let plan = try await SluiceBinary.run(["run", "job1", "--date", "2026-11-20", "--dry-run"], in: project)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.hasPrefix("job1 for 2026-11-20, run 2"))
        #expect(plan.stdout.contains("1. prepare-data (prepare)\n"))
        #expect(plan.stdout.contains("   read    events <- lake:events/dt=2026-11-20/ (no objects yet)\n"))
        #expect(plan.stdout.contains("2. save-data (save, after prepare-data)\n"))
        #expect(plan.stdout.contains("   flip      pointer of user_scores to the loaded table"))
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent(".sluice").path))
    }

    @Test("a task whose source is empty fails with exit 1, naming the source, and is recorded")
    func missingSourceFails() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try await SluiceBinary.run(["init", "."], in: scratch.url)
        let run = try await SluiceBinary.run(
            ["run", "job1", "--date", "2026-11-20", "--log-format", "json"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stdout.contains("failed    prepare-data"))
        #expect(run.stdout.contains("skipped   save-data"))
        #expect(
            run.stderr.hasSuffix(
                "/lake/events/dt=2026-11-20/: invalid parquet file: no part files (*.parquet, not starting with _ or .) "
                    + "under this prefix\n"))
        let logLines = run.stderr.split(separator: "\n").filter { !$0.hasPrefix("error: ") }
        #expect(!logLines.isEmpty)
        for line in logLines {
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(line.utf8)) }
        }
        let runs = try await SluiceBinary.run(["runs", "job1"], in: scratch.url)
        #expect(runs.status == 0)
        #expect(runs.stdout.contains("2026-11-20"))
        #expect(runs.stdout.contains("prepare-data  failed"))
        #expect(runs.stdout.contains("save-data     skipped"))
    }

    @Test("the demo writes the lake, runs job1 for two dates, and prints lookups from both loads")
    func demo() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let folder = scratch.url.appendingPathComponent("d")
        let demo = try await SluiceBinary.run(["demo", "--directory", folder.path], in: scratch.url)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("succeeded prepare-data"))
        #expect(demo.stdout.contains("lookups in user_scores after 2026-11-20 (user_scores_1, version 1):"))
        #expect(demo.stdout.contains("lookups in user_scores after 2026-11-21 (user_scores_2, version 2):"))
        #expect(demo.stdout.contains("  user_id 1: {\"user_id\":1,\"score\":"))
        #expect(!demo.stdout.contains("not found"))
        // The sample lake is written before the job runs, and reads back as a dataset.
        let head = try await SluiceBinary.run(
            ["parquet", "head", folder.appendingPathComponent("lake/events").path, "-n", "1"], in: scratch.url)
        #expect(head.status == 0)
        #expect(head.stdout.hasPrefix("{\"event_id\":\"20261120-0\",\"user_id\":"))
        #expect(head.stdout.hasSuffix(",\"dt\":\"2026-11-20\"}\n"))
    }

    /// Each bad input is one edit of the example project, and the start of the one error it gives.
    static let badInputs: [(name: String, file: String, find: String, replace: String, expected: String)] = [
        (
            "YAML syntax", "jobs/job1/job.yaml", "  save-data:\n", "  save-data: [unclosed\n",
            "jobs/job1/job.yaml:16:9: YAML syntax error: did not find expected ',' or ']' while parsing a flow "
                + "sequence that starts at line 15, column 14"
        ),
        (
            "unknown key", "sluice.yaml", "connections:", "conections:",
            "sluice.yaml:3:1: conections: unknown key \"conections\" (did you mean \"connections\"?)"
        ),
        (
            "wrong type", "jobs/job1/job.yaml", "retries: 2", "retries: many",
            "jobs/job1/job.yaml:4:1: retries: expected an integer, got \"many\""
        ),
        (
            "missing env", "sluice.yaml", "root: ./lake", "root: \"${SLUICE_TEST_UNSET}\"",
            "sluice.yaml:4:23: connections.lake.root: environment variable SLUICE_TEST_UNSET is not set"
        ),
        (
            "cycle", "jobs/job1/job.yaml", "    kind: prepare\n", "    kind: prepare\n    after: [save-data]\n",
            "jobs/job1/job.yaml:7:1: tasks: dependency cycle: prepare-data -> save-data -> prepare-data"
        ),
        (
            "unknown connection", "jobs/job1/job.yaml", "output: { connection: lake", "output: { connection: lak",
            "jobs/job1/job.yaml:14:15: tasks.prepare-data.output.connection: unknown connection \"lak\" "
                + "(did you mean \"lake\"?)"
        ),
        (
            "escaping path", "jobs/job1/job.yaml", "path: \"results/job1/\" }\n  save",
            "path: \"../../etc/\" }\n  save",
            "jobs/job1/job.yaml:14:33: tasks.prepare-data.output.path: \"../../etc/\" contains a '..' segment"
        ),
    ]

    @Test("bad input gets one clear error naming file and key, and exit 2", arguments: 0..<7)
    func badInput(index: Int) async throws {
        let bad = Self.badInputs[index]
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try await SluiceBinary.run(["init", "."], in: scratch.url)
        let original = try scratch.read(bad.file)
        try #require(original.contains(bad.find), "\(bad.name): the example no longer contains \(bad.find)")
        try scratch.write(bad.file, original.replacingOccurrences(of: bad.find, with: bad.replace))
        for command in [["validate"], ["jobs"], ["run", "job1", "--date", "2026-11-20", "--dry-run"]] {
            let result = try await SluiceBinary.run(command, in: scratch.url)
            #expect(result.status == 2, "\(bad.name): \(command) exited \(result.status)")
            let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
            #expect(errors.count == 1, "\(bad.name): \(result.stderr)")
            #expect(result.stderr.hasPrefix("error: " + bad.expected), "\(bad.name): \(result.stderr)")
        }
    }

    @Test("parquet schema and meta print a file's structure; a non-parquet file fails with exit 1")
    func parquetInspection() async throws {
        let corpus = ParquetCorpus.directory
        let file = corpus.appendingPathComponent("alltypes_plain.parquet").path
        guard FileManager.default.fileExists(atPath: file) else {
            print("skipped: parquet-testing corpus not found at \(corpus.path)")
            return
        }
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let schema = try await SluiceBinary.run(["parquet", "schema", file], in: scratch.url)
        #expect(schema.status == 0)
        #expect(schema.stdout.contains("  timestamp_col: timestamp[ns]\n"))
        let meta = try await SluiceBinary.run(["parquet", "meta", file], in: scratch.url)
        #expect(meta.status == 0)
        #expect(meta.stdout.contains("rows        8 in 1 row group\n"))
        try scratch.write("bad.parquet", "not a parquet file at all")
        let bad = try await SluiceBinary.run(["parquet", "meta", "bad.parquet"], in: scratch.url)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.parquet: invalid parquet file"))
    }

    @Test("usage errors exit 2; help and version exit 0")
    func usage() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try await SluiceBinary.run(["init", "."], in: scratch.url)
        let badDate = try await SluiceBinary.run(["run", "job1", "--date", "2026-02-30"], in: scratch.url)
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("invalid date \"2026-02-30\""))
        let unknownJob = try await SluiceBinary.run(["run", "jbo1", "--date", "2026-11-20"], in: scratch.url)
        #expect(unknownJob.status == 2)
        #expect(unknownJob.stderr.contains("unknown job \"jbo1\" (did you mean \"job1\"?)"))
        let missingOption = try await SluiceBinary.run(["run", "job1"], in: scratch.url)
        #expect(missingOption.status == 2)
        #expect(missingOption.stderr.contains("--date"))
        let noProject = try await SluiceBinary.run(["validate"], in: scratch.url.appendingPathComponent("jobs"))
        #expect(noProject.status == 2)
        #expect(noProject.stderr.contains("sluice.yaml: not found in"))
        let negative = try await SluiceBinary.run(["runs", "job1", "--limit=-1"], in: scratch.url)
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("--limit must be 0 or more"))
        let again = try await SluiceBinary.run(["init", "."], in: scratch.url)
        #expect(again.status == 2)
        #expect(try await SluiceBinary.run(["--help"], in: scratch.url).status == 0)
        let version = try await SluiceBinary.run(["version"], in: scratch.url)
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("sluice "))
    }
}
