import SluiceCore

/// A prefix in a lake connection, e.g. `{ connection: lake, path: "events/dt={{ ds }}/" }`.
public struct LakeLocation: Sendable, Hashable, CustomStringConvertible {
    public var connection: String
    public var path: Template

    public init(connection: String, path: Template) {
        self.connection = connection
        self.path = path
    }

    /// The prefix for one run's date.
    public func prefix(for date: LogicalDate) throws -> String {
        try path.render(date.templateVariables)
    }

    /// `lake:events/dt={{ ds }}/`
    public var description: String { "\(connection):\(path.source)" }
}
