/// Collects every problem found while reading a project, so `sluice validate` reports them all
/// at once instead of one per run.
///
/// Used synchronously by one loader at a time; not shared across tasks.
public final class ConfigDiagnostics {
    public private(set) var issues: [ConfigIssue] = []

    public init() {}

    public func report(_ message: String, at location: ConfigLocation) {
        issues.append(ConfigIssue(message, at: location))
    }

    public var hasIssues: Bool { !issues.isEmpty }

    /// Throws the collected issues, if any.
    public func check() throws(ConfigError) {
        if hasIssues { throw ConfigError(issues) }
    }
}
