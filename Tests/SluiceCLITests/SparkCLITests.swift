import Foundation
import SluiceTestSupport
import Testing

/// `engine: spark` and `sluice query --engine spark` against the Spark Connect server scripts/test
/// starts (`SLUICE_TEST_SPARK_REMOTE`).
@Suite("Spark engine on the command line", .timeLimit(.minutes(10)))
struct SparkCLITests {
    private static let remote = ProcessInfo.processInfo.environment["SLUICE_TEST_SPARK_REMOTE"]

    /// The demo project in `scratch`/`name`, on `engine: spark` when `spark` (SPARK_REMOTE says where).
    private static func demo(in scratch: ScratchFolder, _ name: String, spark: Bool) async throws -> URL {
        let project = scratch.url.appendingPathComponent(name)
        let demo = try await SluiceBinary.run(["demo", "--directory", project.path], in: scratch.url)
        #expect(demo.status == 0, "\(demo.stderr)")
        // The demo has run job1 already; its results would stand beside the ones a test makes.
        try FileManager.default.removeItem(at: project.appendingPathComponent("lake/results"))
        if spark {
            let file = project.appendingPathComponent("sluice.yaml")
            let yaml = try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: "engine: { type: local }", with: "engine: { type: spark }")
            #expect(yaml.contains("engine: { type: spark }"))
            try Data(yaml.utf8).write(to: file)
        }
        return project
    }

    /// The rows of the complete run under `folder`, sorted, as JSON lines.
    private static func completeRun(under folder: URL, in directory: URL) async throws -> String {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        let marker = try #require(
            files?.compactMap { $0 as? URL }.first { $0.lastPathComponent == "_SUCCESS" }, "no complete run")
        let query = try await SluiceBinary.run(
            [
                "query", "SELECT * FROM r ORDER BY user_id", "--view",
                "r=\(marker.deletingLastPathComponent().path)", "--format", "jsonl",
            ], in: directory)
        #expect(query.status == 0, "\(query.stderr)")
        return query.stdout
    }

    /// `bytes_in` of the newest task run recorded in `project`'s run log for job1.
    private static func lastBytesIn(_ project: URL) throws -> Int {
        let log = try String(
            contentsOf: project.appendingPathComponent(".sluice/runs/job1.jsonl"), encoding: .utf8)
        let last = try #require(log.split(separator: "\n").last)
        let record = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
        return try #require(record?["bytes_in"] as? Int, "\(last)")
    }

    @Test("job1's prepare on Spark writes the rows the local engine writes, published by Sluice's _SUCCESS")
    func prepareOnSpark() async throws {
        guard let remote = Self.remote else {
            print("skipping: no Spark Connect server (SLUICE_TEST_SPARK_REMOTE)")
            return
        }
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var results: [String] = []
        var bytesIn: [Int] = []
        for engine in ["local", "spark"] {
            let project = try await Self.demo(in: scratch, engine, spark: engine == "spark")
            let run = try await SluiceBinary.run(
                ["run", "job1", "prepare-data", "--date", "2026-11-20"], in: project,
                environment: ["SPARK_REMOTE": remote])
            #expect(run.status == 0, "\(run.stderr)")
            if engine == "spark" { #expect(run.stderr.contains("spark wrote the result"), "\(run.stderr)") }
            await results.append(
                try Self.completeRun(under: project.appendingPathComponent("lake/results"), in: scratch.url))
            bytesIn.append(try Self.lastBytesIn(project))
        }
        #expect(!results[0].isEmpty)
        #expect(results[0] == results[1])
        // Both read the same part files: the sources' sizes.
        #expect(bytesIn[0] > 0 && bytesIn[0] == bytesIn[1], "bytes_in \(bytesIn)")
    }

    @Test("a SQL error names the job's file and Spark's error class; an unreachable server exits non-zero")
    func errors() async throws {
        guard let remote = Self.remote else { return }
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let project = try await Self.demo(in: scratch, "demo", spark: true)
        let sql = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("jobs/job1").path)
            .first { $0.hasSuffix(".sql") }
        let sqlFile = project.appendingPathComponent("jobs/job1/\(try #require(sql))")
        try Data("SELECT no_such_column FROM events".utf8).write(to: sqlFile)
        let failed = try await SluiceBinary.run(
            ["run", "job1", "prepare-data", "--date", "2026-11-20"], in: project,
            environment: ["SPARK_REMOTE": remote])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("jobs/job1/\(try #require(sql))"), "\(failed.stderr)")
        #expect(failed.stderr.contains("UNRESOLVED_COLUMN"), "\(failed.stderr)")

        let query = try await SluiceBinary.run(
            ["query", "--engine", "spark", "--remote", "sc://127.0.0.1:9", "SELECT 1"], in: scratch.url)
        #expect(query.status != 0)
        #expect(query.stderr.contains("cannot reach Spark Connect at sc://127.0.0.1:9"), "\(query.stderr)")
    }

    @Test("sluice query --engine spark prints what the local engine prints")
    func queryOnSpark() async throws {
        guard let remote = Self.remote else { return }
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try await Self.demo(in: scratch, "demo", spark: false)
        let sql = "SELECT active, count(*) AS n, min(user_id) AS first FROM users GROUP BY active ORDER BY active"
        var outputs: [String] = []
        for engine in ["local", "spark"] {
            let query = try await SluiceBinary.run(
                [
                    "query", "--engine", engine, "--remote", remote, sql, "--view", "users=demo/lake/users", "--format",
                    "csv",
                ],
                in: scratch.url)
            #expect(query.status == 0, "\(query.stderr)")
            outputs.append(query.stdout)
        }
        #expect(outputs[0].hasPrefix("active,n,first\n"))
        #expect(outputs[0] == outputs[1])
    }
}
