/// How log lines look: text for people, JSON lines for Airflow workers and log collectors.
public enum LogFormat: String, Sendable, CaseIterable {
    case text
    case json
}
