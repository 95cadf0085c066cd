import Foundation
import SluiceCore

/// What `sluice run` did: every selected task's outcome, in the order they ran.
public struct RunReport: Sendable {
    public var job: String
    public var date: LogicalDate
    public var runID: String
    public var records: [RunRecord]
    /// The first failure, which decides the exit code.
    public var failure: TaskFailure?

    public var succeeded: Bool { failure == nil }
}

/// A task that failed, with the category that decides the exit code.
public struct TaskFailure: SluiceError, Hashable {
    public var task: String
    public var message: String
    public var category: FailureCategory

    /// `prepare-data: Spark: [TABLE_OR_VIEW_NOT_FOUND] …`
    public var description: String { "\(task): \(message)" }
}

extension TaskFailure {
    init(task: String, error: any Error) {
        self.task = task
        self.message = String(describing: error)
        self.category = FailureCategory(of: error)
    }
}

/// A dry run's plan: what each selected task would read and write.
public struct RunPlan: Sendable {
    public struct Entry: Sendable {
        public var task: String
        public var kind: String
        public var after: [String]
        public var steps: [PlanStep]
    }

    public var job: String
    public var date: LogicalDate
    public var runID: String
    public var entries: [Entry]
}
