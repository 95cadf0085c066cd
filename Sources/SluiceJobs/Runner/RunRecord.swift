import Foundation

/// One task's run, as stored in `.sluice/runs/<job>.jsonl` (one JSON object per line).
public struct RunRecord: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Codable {
        case succeeded
        case failed
        /// Not started because a task it runs after failed.
        case skipped
    }

    public var job: String
    public var task: String
    public var logicalDate: String
    public var runID: String
    public var startedAt: Date
    public var endedAt: Date
    public var rowsIn: Int64
    public var rowsOut: Int64
    public var bytesIn: Int64
    public var bytesOut: Int64
    public var outcome: Outcome
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case job, task, outcome, error
        case logicalDate = "logical_date"
        case runID = "run_id"
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case rowsIn = "rows_in"
        case rowsOut = "rows_out"
        case bytesIn = "bytes_in"
        case bytesOut = "bytes_out"
    }

    public init(
        job: String,
        task: String,
        logicalDate: String,
        runID: String,
        startedAt: Date,
        endedAt: Date,
        metrics: TaskMetrics,
        outcome: Outcome,
        error: String?
    ) {
        self.job = job
        self.task = task
        self.logicalDate = logicalDate
        self.runID = runID
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.rowsIn = metrics.rowsIn
        self.rowsOut = metrics.rowsOut
        self.bytesIn = metrics.bytesIn
        self.bytesOut = metrics.bytesOut
        self.outcome = outcome
        self.error = error
    }

    public var duration: TimeInterval { endedAt.timeIntervalSince(startedAt) }
}
