import SluiceCQL

/// A statement the server prepared: its parse, what its markers bind to, and its result's columns.
struct PreparedStatement: Sendable {
    var statement: CQLStatement
    /// What the client sent, to match responses a test asks the server to drop.
    var text: String
    /// The keyspace the session had when preparing, for names without one.
    var keyspace: String?
    var info: CQLPreparedStatement
}
