import Logging
import SluiceCore
import SluiceStorage

/// Everything a running task may use: the project, its logical date and run id, the shared
/// connections, a logger with the task's metadata, and progress reporting.
public struct TaskContext: Sendable {
    public let project: Project
    public let job: Job
    public let taskName: String
    public let date: LogicalDate
    public let runID: RunID
    public let connections: ConnectionRegistry
    public let logger: Logger
    public let progress: ProgressOutput
    public let options: RunOptions

    public init(
        project: Project,
        job: Job,
        taskName: String,
        date: LogicalDate,
        runID: RunID,
        connections: ConnectionRegistry,
        logger: Logger,
        progress: ProgressOutput,
        options: RunOptions = RunOptions()
    ) {
        self.project = project
        self.job = job
        self.taskName = taskName
        self.date = date
        self.runID = runID
        self.connections = connections
        self.logger = logger
        self.progress = progress
        self.options = options
    }

    /// The store-relative prefix of a lake location for this run's date, with its store.
    public func resolve(_ location: LakeLocation) async throws -> (store: any ObjectStore, prefix: String) {
        let store = try await connections.objectStore(named: location.connection)
        return (store, try location.prefix(for: date))
    }

    /// Starts reporting progress on a long piece of work.
    public func startProgress(_ label: String, total: Int64? = nil, unit: ProgressReporter.Unit = .items)
        -> ProgressReporter
    {
        ProgressReporter(label: label, total: total, unit: unit, output: progress, logger: logger)
    }
}
