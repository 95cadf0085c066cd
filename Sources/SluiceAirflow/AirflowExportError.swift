import SluiceCore
import SluiceJobs

/// Why the DAG files could not be written.
public enum AirflowExportError: SluiceError {
    /// Jobs combined into one DAG (sources/sinks layout) have different schedules.
    case schedulesDiffer(
        dag: String, first: (job: String, schedule: String, timetable: ScheduleTimetable),
        other: (job: String, schedule: String, timetable: ScheduleTimetable))
    /// Two generated things would share a name: a DAG file with the loader, or two Airflow tasks.
    case nameCollision(String)
    /// A file of the export folder could not be written or removed.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .schedulesDiffer(let dag, let first, let other):
            return "the sources-sinks layout puts every job in \(dag), which has one schedule, but job "
                + "\(first.job) runs on '\(first.schedule)' (\(first.timetable.rawValue)) and job \(other.job) "
                + "on '\(other.schedule)' (\(other.timetable.rawValue)); give them the same schedule and "
                + "timetable, or export one DAG per job"
        case .nameCollision(let what):
            return "cannot export: \(what); rename the job or task"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }

    public var category: FailureCategory {
        switch self {
        case .schedulesDiffer, .nameCollision: return .usage
        case .cannotWrite: return .taskFailed
        }
    }
}
