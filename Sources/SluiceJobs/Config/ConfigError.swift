import SluiceCore

/// A project that cannot be used as written. Exit code 2.
public struct ConfigError: SluiceError, Equatable {
    public var issues: [ConfigIssue]

    public init(_ issues: [ConfigIssue]) {
        self.issues = issues
    }

    public init(_ message: String, at location: ConfigLocation) {
        self.issues = [ConfigIssue(message, at: location)]
    }

    public var category: FailureCategory { .usage }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
