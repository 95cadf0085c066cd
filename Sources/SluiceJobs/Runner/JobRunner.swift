import Foundation
import Logging
import SluiceCore
import SluiceStorage

/// Runs one task, or all tasks of a job in dependency order, for a logical date; records each
/// task's run; stops at the first failure (later tasks are recorded as skipped).
public struct JobRunner: Sendable {
    public let project: Project
    public let connections: ConnectionRegistry
    public let records: RunRecordLog
    public let logger: Logger
    public let progress: ProgressOutput
    private let now: @Sendable () -> Date

    public init(
        project: Project,
        connections: ConnectionRegistry,
        records: RunRecordLog,
        logger: Logger,
        progress: ProgressOutput = .standardError,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.project = project
        self.connections = connections
        self.records = records
        self.logger = logger
        self.progress = progress
        self.now = now
    }

    /// The tasks `run` would execute, in order: all of the job's, or the one named.
    public func selectTasks(job: Job, task: String?) throws(UnknownNameError) -> [JobTask] {
        guard let task else { return job.executionOrder }
        guard let selected = job.task(named: task) else {
            throw UnknownNameError(kind: "task of job \(job.name)", name: task, known: job.tasks.map(\.name))
        }
        return [selected]
    }

    /// What the run would read and write. Lists storage; changes nothing and records nothing.
    public func plan(job jobName: String, task: String?, date: LogicalDate, options: RunOptions = RunOptions())
        async throws -> RunPlan
    {
        let job = try project.job(named: jobName)
        let runID = RunID.make(at: now())
        var entries: [RunPlan.Entry] = []
        for task in try selectTasks(job: job, task: task) {
            let context = makeContext(job: job, task: task, date: date, runID: runID, options: options)
            let steps = try await task.configured.plan(in: context)
            entries.append(RunPlan.Entry(task: task.name, kind: task.kind, after: task.after, steps: steps))
        }
        return RunPlan(job: job.name, date: date, runID: runID.description, entries: entries)
    }

    public func run(job jobName: String, task: String?, date: LogicalDate, options: RunOptions = RunOptions())
        async throws -> RunReport
    {
        let job = try project.job(named: jobName)
        let tasks = try selectTasks(job: job, task: task)
        let runID = RunID.make(at: now())
        var report = RunReport(job: job.name, date: date, runID: runID.description, records: [], failure: nil)
        logger.info("run started", metadata: ["job": "\(job.name)", "date": "\(date)", "run_id": "\(runID)"])
        for task in tasks {
            let started = now()
            var metrics = TaskMetrics()
            var outcome = RunRecord.Outcome.succeeded
            var errorText: String?
            if let failure = report.failure {
                outcome = .skipped
                errorText = "not run: \(failure.task) failed"
            } else {
                let context = makeContext(job: job, task: task, date: date, runID: runID, options: options)
                context.logger.info("task started", metadata: ["kind": "\(task.kind)"])
                do {
                    metrics = try await task.configured.run(in: context)
                    context.logger.info("task succeeded", metadata: ["rows_out": "\(metrics.rowsOut)"])
                } catch {
                    let failure = TaskFailure(task: task.name, error: error)
                    report.failure = failure
                    outcome = .failed
                    errorText = failure.message
                    context.logger.error("task failed", metadata: ["error": "\(failure.message)"])
                }
            }
            let record = RunRecord(
                job: job.name,
                task: task.name,
                logicalDate: date.ds,
                runID: runID.description,
                startedAt: started,
                endedAt: now(),
                metrics: metrics,
                outcome: outcome,
                error: errorText
            )
            try records.append(record)
            report.records.append(record)
        }
        return report
    }

    /// The context a task of `job` runs in, for commands that act on a task outside a run
    /// (`sluice switch`, `rollback`, `status`).
    public func context(job jobName: String, task taskName: String, date: LogicalDate) throws -> (JobTask, TaskContext)
    {
        let job = try project.job(named: jobName)
        guard let task = try selectTasks(job: job, task: taskName).first else {
            throw UnknownNameError(kind: "task of job \(job.name)", name: taskName, known: job.tasks.map(\.name))
        }
        return (
            task, makeContext(job: job, task: task, date: date, runID: RunID.make(at: now()), options: RunOptions())
        )
    }

    private func makeContext(job: Job, task: JobTask, date: LogicalDate, runID: RunID, options: RunOptions)
        -> TaskContext
    {
        var taskLogger = logger
        taskLogger[metadataKey: "job"] = "\(job.name)"
        taskLogger[metadataKey: "task"] = "\(task.name)"
        taskLogger[metadataKey: "run_id"] = "\(runID)"
        return TaskContext(
            project: project,
            job: job,
            taskName: task.name,
            date: date,
            runID: runID,
            connections: connections,
            logger: taskLogger,
            progress: progress,
            options: options
        )
    }
}
