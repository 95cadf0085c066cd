import SluiceCore
import SluiceJobs

/// One Airflow DAG to write: what `DAGFileRenderer` needs, gathered from one job (or, in the
/// sources/sinks layout, from the matching tasks of every job).
struct DAGDefinition: Sendable {
    var id: String
    /// The file name in the export folder (`job1.py`).
    var fileName: String
    var description: String?
    var schedule: String
    var timetable: ScheduleTimetable
    var startDate: CivilDate
    var catchup: Bool
    var maxActiveRuns: Int
    var tags: [String]
    /// The job files the DAG comes from, relative to the project root.
    var sourceFiles: [String]
    var tasks: [DAGTask]
}

/// One job task as Airflow tasks: one `sluice run`, or for a sharded save a task mapped over the
/// shards followed by one `sluice switch`.
struct DAGTask: Sendable {
    var id: String
    var job: String
    /// The job task's name, as `sluice run` takes it.
    var task: String
    /// Above 1: a mapped task over `--shard I/N`, then `<id>-switch`.
    var shards: Int
    /// The ids of the DAG tasks this one runs after.
    var upstream: [String]
    var owner: String
    var retries: Int
    var retryDelaySeconds: Int

    /// The id of the Airflow task that finishes this one: the switch of a sharded save.
    var finalID: String { shards > 1 ? id + "-switch" : id }
}
