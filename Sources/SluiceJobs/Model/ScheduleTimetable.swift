/// How a job's `schedule` turns into Airflow runs, and so which date each run is for.
public enum ScheduleTimetable: String, Sendable, CaseIterable {
    /// Airflow 3's default for a cron schedule (`CronTriggerTimetable`): a run happens at each cron
    /// time and is for that time's date; its data interval has zero length.
    case trigger
    /// `CronDataIntervalTimetable`, Airflow 2's behaviour: a run covers the interval between two cron
    /// times, happens at its end, and is for the date the interval starts (yesterday, for a daily
    /// job).
    case interval
}
