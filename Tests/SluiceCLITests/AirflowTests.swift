import Foundation
import SluiceTestSupport
import Testing

/// The DAGs `sluice airflow export` writes, run by a real Airflow 3.3 (`airflow dags test`), each
/// task running the real `sluice` binary. `airflow dags test` exits 1 when a task fails, unlike
/// `airflow tasks test`, so its exit status is what these tests check.
@Suite(
    .enabled(if: AirflowHome.airflow != nil, "SLUICE_TEST_AIRFLOW is not set: scripts/test installs Airflow 3.3.2"),
    .timeLimit(.minutes(15)))
struct AirflowTests {
    /// The example project with its sample lake, plus jobs made from job1 by `edits` of its job.yaml
    /// (each also writes its own results and serving table).
    /// `sql` replaces a job's prepare.sql.
    static func project(
        _ folder: ScratchFolder, jobs: [String: [(String, String)]] = [:], sql: [String: String] = [:]
    ) async throws -> URL {
        let root = folder.url.appendingPathComponent("project")
        let created = try await SluiceBinary.run(["init", root.path, "--sample-lake"], in: folder.url)
        try #require(created.status == 0, "\(created.stderr)")
        let job1 = try String(contentsOf: root.appendingPathComponent("jobs/job1/job.yaml"), encoding: .utf8)
        let jobSQL = try String(contentsOf: root.appendingPathComponent("jobs/job1/prepare.sql"), encoding: .utf8)
        for (name, edits) in jobs {
            var yaml = job1.replacingOccurrences(of: "results/job1/", with: "results/\(name)/")
                .replacingOccurrences(
                    of: "table: user_scores", with: "table: \(name.replacingOccurrences(of: "-", with: "_"))")
            for (old, new) in edits {
                #expect(yaml.contains(old), "job1's job.yaml has no '\(old)'")
                yaml = yaml.replacingOccurrences(of: old, with: new)
            }
            try folder.write("project/jobs/\(name)/job.yaml", yaml)
            try folder.write("project/jobs/\(name)/prepare.sql", sql[name] ?? jobSQL)
        }
        return root
    }

    static func export(_ project: URL, to folder: URL, _ extra: [String] = []) async throws -> String {
        let result = try await SluiceBinary.run(
            ["airflow", "export", "--out", folder.path, "--project", project.path] + extra, in: project)
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// The physical table `sluice status` shows as active for the job's save task (nil for none).
    static func activeTable(_ project: URL, job: String) async throws -> String? {
        let status = try await SluiceBinary.run(["status", job, "--project", project.path], in: project)
        let line = status.stdout.split(separator: "\n").first {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix("active")
        }
        let table = line?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
        return table == "none" ? nil : table
    }

    /// The outcomes `sluice runs` lists for one task of a job, newest first.
    static func outcomes(_ project: URL, job: String, task: String) async throws -> [String] {
        let runs = try await SluiceBinary.run(["runs", job, "--project", project.path], in: project)
        return runs.stdout.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 4, fields[3] == task else { return nil }
            return String(fields[4])
        }
    }

    @Test func exportedJobsRunEndToEndAndARefusalIsNotRetried() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let project = try await Self.project(
            folder,
            jobs: [
                "refusing": [("retry_delay: 5m", "retry_delay: 1s"), ("min_rows: 1,", "min_rows: 1000000,")],
                "failing": [("retries: 2", "retries: 1"), ("retry_delay: 5m", "retry_delay: 1s")],
            ],
            sql: ["failing": "SELECT no_such_column FROM events"])
        let dags = folder.url.appendingPathComponent("dags")
        let printed = try await Self.export(project, to: dags)
        #expect(printed.contains("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST="))
        let home = try await AirflowHome(bundles: ["sluice": dags])
        defer { home.remove() }
        try await home.expectSuccess(["dags", "reserialize"])
        await #expect(try home.importErrors().isEmpty)

        try await home.expectSuccess(["dags", "test", "job1", "2026-11-20", "-B", "sluice"])
        let first = try await Self.activeTable(project, job: "job1")
        #expect(first != nil)
        try await home.expectSuccess(["dags", "test", "job1", "2026-11-21", "-B", "sluice"])
        let second = try await Self.activeTable(project, job: "job1")
        #expect(second != nil && second != first, "the second date flips to the other table")

        // Exit 3, a refused switch, fails the task at once despite retries: 2.
        let refused = try await home.run(["dags", "test", "refusing", "2026-11-20", "-B", "sluice"])
        #expect(refused.status != 0)
        await #expect(try Self.outcomes(project, job: "refusing", task: "save-data") == ["failed"])
        await #expect(try Self.activeTable(project, job: "refusing") == nil)
        // Any other failure is retried (retries: 1), and fails the DAG run.
        let failed = try await home.run(["dags", "test", "failing", "2026-11-20", "-B", "sluice"])
        #expect(failed.status != 0)
        await #expect(try Self.outcomes(project, job: "failing", task: "prepare-data") == ["failed", "failed"])
    }

    @Test func sourcesSinksLayoutAndAShardedSave() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let project = try await Self.project(
            folder, jobs: ["sharded": [("keep_results: 7", "keep_results: 7\n    shards: 2")]])
        let dags = folder.url.appendingPathComponent("dags")
        _ = try await Self.export(project, to: dags, ["--layout", "sources-sinks"])
        let names = try FileManager.default.contentsOfDirectory(atPath: dags.path).sorted()
        #expect(names == [".airflowignore", "dag_sinks.py", "dag_sources.py", "sluice_dagbag_loader.py"])
        let home = try await AirflowHome(bundles: ["sluice": dags])
        defer { home.remove() }
        try await home.expectSuccess(["dags", "reserialize"])
        await #expect(try home.importErrors().isEmpty)

        try await home.expectSuccess(["dags", "test", "sluice_sources", "2026-11-20"])
        await #expect(try Self.activeTable(project, job: "sharded") == nil, "the sources DAG loads nothing")
        try await home.expectSuccess(["dags", "test", "sluice_sinks", "2026-11-20"])
        await #expect(try Self.activeTable(project, job: "job1") != nil)
        await #expect(try Self.activeTable(project, job: "sharded") != nil, "both shards loaded, then one switch")
        await #expect(try Self.outcomes(project, job: "sharded", task: "save-data").count == 2)
    }

    @Test func theDagBagLoaderRaisesWhenAnExportedDAGFails() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let project = try await Self.project(folder)
        let dags = folder.url.appendingPathComponent("dags")
        _ = try await Self.export(project, to: dags)
        let home = try await AirflowHome(bundles: [:])
        defer { home.remove() }
        try FileManager.default.copyItem(
            at: dags.appendingPathComponent("sluice_dagbag_loader.py"),
            to: home.dagsFolder.appendingPathComponent("sluice_dagbag_loader.py"))
        try await home.expectSuccess(["dags", "reserialize"])
        await #expect(try home.importErrors().isEmpty)
        let listed = try await home.expectSuccess(["dags", "list", "--output", "json"])
        #expect(listed.stdout.contains(#""dag_id": "job1""#))

        // A broken file in the export folder must not vanish silently: the loader raises.
        try Data("from airflow.sdk import DAG\nthis is not python\n".utf8).write(
            to: dags.appendingPathComponent("broken.py"))
        try await home.expectSuccess(["dags", "reserialize"])
        let errors = try await home.importErrors()
        #expect(errors.keys.contains { $0.hasSuffix("sluice_dagbag_loader.py") })
        #expect(errors.values.contains { $0.contains("broken.py") })
    }

    @Test func checkImportsTheExportWithAirflow() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let project = try await Self.project(folder)
        let home = try await AirflowHome(bundles: [:])
        defer { home.remove() }
        let check = try await SluiceBinary.run(
            ["airflow", "check", "--project", project.path], in: project, environment: home.environment)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("no problems found"))
        #expect(!check.stdout.contains("skipped"))
    }
}
