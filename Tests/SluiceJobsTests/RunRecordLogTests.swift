import Foundation
import Testing

@testable import SluiceJobs

@Suite("Run records")
struct RunRecordLogTests {
    @Test("records round-trip as JSON lines with snake_case keys")
    func roundTrip() throws {
        let project = try TestProject()
        defer { project.remove() }
        let log = RunRecordLog(directory: project.root.appendingPathComponent(".sluice/runs"))
        let record = RunRecord(
            job: "job1", task: "prepare-data", logicalDate: "2026-11-20", runID: "20261120T030000Z-3fa9c1",
            startedAt: Date(timeIntervalSince1970: 1_795_000_000), endedAt: Date(timeIntervalSince1970: 1_795_000_012),
            metrics: TaskMetrics(rowsIn: 10, rowsOut: 3, bytesIn: 100, bytesOut: 30), outcome: .succeeded, error: nil
        )
        try log.append(record)
        var failed = record
        failed.outcome = .failed
        failed.error = "boom"
        try log.append(failed)
        #expect(try log.records(forJob: "job1") == [record, failed])
        let text = try String(contentsOf: log.file(forJob: "job1"), encoding: .utf8)
        #expect(text.split(separator: "\n").count == 2)
        #expect(text.contains("\"logical_date\":\"2026-11-20\""))
        #expect(text.contains("\"rows_out\":3"))
        #expect(try log.records(forJob: "other").isEmpty)
        let history = RunReportText.history([record, failed], job: "job1", limit: 1)
        #expect(history.contains("failed") && !history.contains("succeeded"))
    }

    @Test("a last line torn by a crash mid-append is not a record yet")
    func tornLastLine() throws {
        let project = try TestProject()
        defer { project.remove() }
        let log = RunRecordLog(directory: project.root.appendingPathComponent(".sluice/runs"))
        let record = RunRecord(
            job: "job1", task: "t", logicalDate: "2026-11-20", runID: "20261120T030000Z-3fa9c1",
            startedAt: Date(timeIntervalSince1970: 0), endedAt: Date(timeIntervalSince1970: 1),
            metrics: TaskMetrics(), outcome: .succeeded, error: nil
        )
        try log.append(record)
        let handle = try FileHandle(forWritingTo: log.file(forJob: "job1"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"job\":\"jo".utf8))
        try handle.close()
        #expect(try log.records(forJob: "job1") == [record])
    }

    @Test("a damaged history names the file and line")
    func damaged() throws {
        let project = try TestProject(files: [".sluice/runs/job1.jsonl": "\n{\"job\": 1}\n"])
        defer { project.remove() }
        let log = RunRecordLog(directory: project.root.appendingPathComponent(".sluice/runs"))
        #expect(throws: RunRecordError.unreadable(path: log.file(forJob: "job1").path, line: 2)) {
            try log.records(forJob: "job1")
        }
    }
}
