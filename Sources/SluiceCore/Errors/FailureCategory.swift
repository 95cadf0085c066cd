/// How a failure ends a command. The CLI maps each category to its documented exit code.
public enum FailureCategory: Int32, Sendable, CaseIterable {
    /// A task ran and failed (exit 1).
    case taskFailed = 1
    /// The command line or the project configuration is wrong (exit 2).
    case usage = 2
    /// A validation refused to switch the serving table (exit 3).
    case validationRefused = 3

    /// The process exit code for this category.
    public var exitCode: Int32 { rawValue }
}
