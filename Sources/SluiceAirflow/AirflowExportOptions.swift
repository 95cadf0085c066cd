/// What `sluice airflow export` writes, and how the tasks find `sluice` and the project.
public struct AirflowExportOptions: Sendable {
    /// The `sluice` the tasks run: a path on the Airflow workers, or a name on their PATH.
    public var sluiceBinary: String
    /// The project folder on the workers (absolute).
    public var projectPath: String
    public var layout: AirflowLayout

    public init(sluiceBinary: String, projectPath: String, layout: AirflowLayout = .perJob) {
        self.sluiceBinary = sluiceBinary
        self.projectPath = projectPath
        self.layout = layout
    }
}

/// How jobs map to DAG files.
public enum AirflowLayout: String, Sendable, CaseIterable {
    /// One DAG per job, named after it.
    case perJob = "per-job"
    /// Two DAGs, as the system Sluice replaces had them: `dag_sources.py` with every job's prepare
    /// tasks and `dag_sinks.py` with every save task.
    case sourcesSinks = "sources-sinks"
}
