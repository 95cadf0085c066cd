/// One problem in a project's configuration, worded for the person who has to fix it:
/// `jobs/job1/job.yaml:14:7: tasks.save-data.target.key: required`.
public struct ConfigIssue: Sendable, Hashable, CustomStringConvertible {
    public var location: ConfigLocation
    public var message: String

    public init(_ message: String, at location: ConfigLocation) {
        self.message = message
        self.location = location
    }

    public var description: String {
        location.keyPath.isEmpty
            ? "\(location.position): \(message)"
            : "\(location.position): \(location.keyPath): \(message)"
    }
}
