import Foundation
import SluiceCore
import SluiceServing
import SluiceStorage
import Testing

@testable import SluiceJobs

@Suite("Running jobs")
struct JobRunnerTests {
    static let sluiceYAML = """
        project: runner
        connections:
          lake: { type: file, root: ./lake }
        """

    /// Declared out of order on purpose: `load` runs after `extract` and `check`.
    static let jobYAML = """
        tasks:
          load: { kind: echo, message: third, after: [extract, check] }
          extract: { kind: echo, message: first }
          check: { kind: echo, message: second, after: [extract] }
          report: { kind: echo, message: last, after: [load] }
        """

    func makeRunner(jobYAML: String = jobYAML) throws -> (TestProject, JobRunner, EchoTaskKind.Journal) {
        let project = try TestProject(files: ["sluice.yaml": Self.sluiceYAML, "jobs/etl/job.yaml": jobYAML])
        let journal = EchoTaskKind.Journal()
        var kinds = TaskKindRegistry.builtIn
        kinds.register(EchoTaskKind(journal: journal))
        return (project, try Self.runner(for: project.load(kinds: kinds)), journal)
    }

    /// A runner with silent logs and progress, and optionally a fixed clock.
    static func runner(for project: Project, now: (@Sendable () -> Date)? = nil) -> JobRunner {
        JobRunner(
            project: project,
            connections: ConnectionRegistry(project: project, logger: .silent),
            records: RunRecordLog(project: project),
            logger: .silent,
            progress: ProgressOutput(sink: LineSink(isTerminal: false) { _ in }),
            now: now ?? { Date() }
        )
    }

    @Test("all tasks run in dependency order, and each run is recorded")
    func runsInDependencyOrder() async throws {
        let (project, runner, journal) = try makeRunner()
        defer { project.remove() }
        let date = try LogicalDate(parsing: "2026-11-20")
        let report = try await runner.run(job: "etl", task: nil, date: date)
        #expect(report.succeeded)
        #expect(
            journal.all == [
                "extract:first:2026-11-20", "check:second:2026-11-20", "load:third:2026-11-20",
                "report:last:2026-11-20",
            ])
        let records = try runner.records.records(forJob: "etl")
        #expect(records.map(\.task) == ["extract", "check", "load", "report"])
        #expect(
            records.allSatisfy {
                $0.outcome == .succeeded && $0.runID == report.runID && $0.logicalDate == "2026-11-20"
            })
        #expect(records.first?.rowsOut == 2)
        #expect(RunID(report.runID) != nil)
    }

    @Test("one task runs alone when named")
    func runsOneTask() async throws {
        let (project, runner, journal) = try makeRunner()
        defer { project.remove() }
        _ = try await runner.run(job: "etl", task: "check", date: LogicalDate(parsing: "2026-11-21"))
        #expect(journal.all == ["check:second:2026-11-21"])
    }

    @Test("a failure stops the run; later tasks are recorded as skipped")
    func failureSkipsTheRest() async throws {
        let (project, runner, journal) = try makeRunner(
            jobYAML: Self.jobYAML.replacingOccurrences(of: "message: second,", with: "message: second, fail: true,")
        )
        defer { project.remove() }
        let report = try await runner.run(job: "etl", task: nil, date: LogicalDate(parsing: "2026-11-20"))
        #expect(report.failure == TaskFailure(task: "check", message: "echo was told to fail", category: .taskFailed))
        #expect(journal.all == ["extract:first:2026-11-20", "check:second:2026-11-20"])
        #expect(report.records.map(\.outcome) == [.succeeded, .failed, .skipped, .skipped])
        #expect(report.records[2].error == "not run: check failed")
        #expect(try runner.records.records(forJob: "etl").count == 4)
    }

    @Test("a dry run plans every task in order and runs and records nothing")
    func dryRun() async throws {
        let (project, runner, journal) = try makeRunner()
        defer { project.remove() }
        let plan = try await runner.plan(job: "etl", task: nil, date: LogicalDate(parsing: "2026-11-20"))
        #expect(plan.entries.map(\.task) == ["extract", "check", "load", "report"])
        #expect(plan.entries[2].after == ["extract", "check"])
        #expect(plan.entries[0].steps == [PlanStep("echo", "first for 2026-11-20")])
        #expect(journal.all.isEmpty)
        #expect(try runner.records.records(forJob: "etl").isEmpty)
        let text = RunReportText.plan(plan)
        #expect(text.contains("3. load (echo, after extract, check)"))
    }

    @Test("unknown jobs and tasks are usage errors with a hint")
    func unknownNames() async throws {
        let (project, runner, _) = try makeRunner()
        defer { project.remove() }
        let date = try LogicalDate(parsing: "2026-11-20")
        await #expect(throws: UnknownNameError(kind: "job", name: "et", known: ["etl"])) {
            try await runner.run(job: "et", task: nil, date: date)
        }
        do {
            _ = try await runner.run(job: "etl", task: "chek", date: date)
            Issue.record("expected an error")
        } catch let error as UnknownNameError {
            #expect(error.category == .usage)
            #expect(error.description.contains("did you mean \"check\"?"))
        }
    }

    @Test("the example job's dry run lists its sources and the result it would write")
    func exampleDryRun() async throws {
        let project = try TestProject.example()
        defer { project.remove() }
        try project.write("lake/events/dt=2026-11-20/part-00000.parquet", String(repeating: "x", count: 1500))
        try project.write("lake/events/dt=2026-11-21/part-00000.parquet", "other day")
        let runner = Self.runner(for: try project.load()) { Date(timeIntervalSince1970: 1_795_000_000) }
        let plan = try await runner.plan(job: "job1", task: nil, date: LogicalDate(parsing: "2026-11-20"))
        let prepare = plan.entries[0].steps.map { "\($0.action) \($0.detail)" }
        #expect(prepare[0] == "engine local (in-process)")
        #expect(prepare[1] == "read events <- lake:events/dt=2026-11-20/ (1 object, 1.50 kB)")
        #expect(prepare[2] == "read users <- lake:users/ (no objects yet)")
        #expect(prepare[3] == "sql jobs/job1/prepare.sql (12 lines)")
        #expect(prepare[4].hasPrefix("write lake:results/job1/\(plan.runID)/part-*.parquet, then _SUCCESS"))
        let save = plan.entries[1].steps.map { "\($0.action) \($0.detail)" }
        #expect(save[0] == "read newest complete result under lake:results/job1/: none yet")
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("lake/results").path))
    }

    @Test("the example job prepares its result, then loads it into SQLite and flips the pointer")
    func exampleRunPreparesAndServes() async throws {
        let project = try TestProject.example()
        defer { project.remove() }
        let date = try LogicalDate(parsing: "2026-11-20")
        let lake = LocalObjectStore(root: project.root.appendingPathComponent("lake"))
        try await SampleLake(userCount: 100, eventsPerDay: 2_000).write(into: lake, dates: [date])
        let runner = Self.runner(for: try project.load())
        let report = try await runner.run(job: "job1", task: nil, date: date)
        #expect(report.records.map(\.outcome) == [.succeeded, .succeeded])
        let prepared = report.records.first?.rowsOut ?? 0
        #expect(prepared > 0)
        #expect(report.records.last?.rowsOut == prepared)
        let result = try await ResultCatalog.newestCompleteResult(in: lake, prefix: "results/job1/")
        let store = try await runner.connections.servingStore(named: "serving")
        let pointer = try await store.pointer(of: "user_scores")
        #expect(pointer?.activeTable == "user_scores_1")
        #expect(pointer?.version == 1)
        #expect(pointer?.rowCount == prepared)
        #expect(pointer?.sourceRun == result?.dataset.runID.description)
        await runner.connections.shutdown()
    }

    @Test("save fails clearly when there is no complete result")
    func saveWithoutResult() async throws {
        let project = try TestProject.example()
        defer { project.remove() }
        try project.write("lake/results/job1/20261120T030000Z-aaaaaa/part-00000.parquet", "half written")
        let runner = Self.runner(for: try project.load())
        let report = try await runner.run(job: "job1", task: "save-data", date: LogicalDate(parsing: "2026-11-20"))
        #expect(report.failure?.message.hasPrefix("no complete result under lake:results/job1/") == true)
    }
}
