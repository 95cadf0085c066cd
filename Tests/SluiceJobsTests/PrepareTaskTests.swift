import Foundation
import SluiceCore
import SluiceParquet
import SluiceStorage
import Testing

@testable import SluiceJobs

/// The prepare task on the local engine: the SQL runs over the sources and the result run is
/// written as part files with the `_SUCCESS` marker last; a failing query leaves no complete run.
@Suite("Prepare on the local engine")
struct PrepareTaskTests {
    static let sluiceYAML = """
        project: prepare
        connections:
          lake: { type: file, root: ./lake }
        engine: { type: local }
        """

    static func jobYAML(sql: String) -> String {
        """
        tasks:
          prepare:
            kind: prepare
            sources:
              events: { connection: lake, path: "events/dt={{ ds }}/" }
            sql: \(sql)
            output: { connection: lake, path: "results/counts/" }
        """
    }

    static let countsSQL = """
        SELECT event_type, count(*) AS events, count(amount) AS priced
        FROM events
        WHERE event_id LIKE '{{ ds_nodash }}-%'
        GROUP BY event_type
        ORDER BY event_type
        """

    private func run(sql: String) async throws -> (TestProject, RunReport, LocalObjectStore) {
        let project = try TestProject(files: [
            "sluice.yaml": Self.sluiceYAML, "jobs/counts/job.yaml": Self.jobYAML(sql: "query.sql"),
            "jobs/counts/query.sql": sql,
        ])
        let lake = LocalObjectStore(root: project.root.appendingPathComponent("lake"))
        let date = try LogicalDate(parsing: "2026-11-20")
        let sample = SampleLake(userCount: 20, eventsPerDay: 500)
        try await sample.write(into: lake, dates: [date])
        let runner = JobRunnerTests.runner(for: try project.load())
        let report = try await runner.run(job: "counts", task: nil, date: date)
        return (project, report, lake)
    }

    @Test("the result run holds the query's rows, and the marker makes it the newest complete result")
    func writesACompleteResult() async throws {
        let (project, report, lake) = try await run(sql: Self.countsSQL)
        defer { project.remove() }
        #expect(report.failure == nil, "\(String(describing: report.failure))")
        let result = try #require(try await ResultCatalog.newestCompleteResult(in: lake, prefix: "results/counts/"))
        #expect(result.partCount == 1)
        let dataset = try await ParquetDataset.open(store: lake, prefix: result.dataset.runPrefix)
        var rendered = ""
        for try await batch in dataset.batches() { rendered += RecordBatchJSONLines.render(batch) }

        // The same counts, computed from the sample batch directly.
        let events = try SampleLake(userCount: 20, eventsPerDay: 500).events(on: LogicalDate(parsing: "2026-11-20"))
        let types = try #require(events.column(named: "event_type") as? StringArray)
        var counts: [String: Int] = [:]
        for index in 0..<types.count { counts[types.value(at: index), default: 0] += 1 }
        let expected = counts.keys.sorted().map { type in
            let priced = type == "purchase" ? counts[type] ?? 0 : 0
            return "{\"event_type\":\"\(type)\",\"events\":\(counts[type] ?? 0),\"priced\":\(priced)}\n"
        }.joined()
        #expect(rendered == expected)
        #expect(report.records.first?.rowsOut == Int64(counts.count))
    }

    @Test("a query that fails leaves no complete result and names the SQL file")
    func failureWritesNoMarker() async throws {
        let (project, report, lake) = try await run(sql: "SELECT event_typo FROM events")
        defer { project.remove() }
        let failure = try #require(report.failure)
        #expect("\(failure)".contains("event_typo"))
        #expect(try await ResultCatalog.newestCompleteResult(in: lake, prefix: "results/counts/") == nil)
    }
}
