import Foundation
import SluiceCore

/// One pipeline: a folder `jobs/<name>/` with a `job.yaml` and the files it names.
public struct Job: Sendable {
    public var name: String
    /// The job's folder.
    public var directory: URL
    /// `jobs/<name>/job.yaml`, relative to the project root.
    public var file: String
    public var description: String?
    /// Cron expression or preset (`@daily`) for the Airflow DAG.
    public var schedule: String
    /// Which Airflow timetable the schedule uses (`timetable: trigger|interval`).
    public var timetable: ScheduleTimetable
    public var retries: Int
    public var retryDelaySeconds: Int
    public var owner: String
    public var tags: [String]
    public var startDate: CivilDate?
    public var catchup: Bool
    public var maxActiveRuns: Int
    /// Tasks in the order they are declared.
    public var tasks: [JobTask]
    /// Tasks in an order that respects `after:` (declaration order between independent tasks).
    public var executionOrder: [JobTask]

    public func task(named name: String) -> JobTask? {
        tasks.first { $0.name == name }
    }
}

/// One task of a job, configured by its kind.
public struct JobTask: Sendable {
    public var name: String
    public var kind: String
    public var after: [String]
    public var description: String?
    public var configured: any ConfiguredTask
}
