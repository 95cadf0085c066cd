import CSQLite
import SluiceCore

/// A failed SQLite call: the database file, what Sluice was doing, and SQLite's own message.
public struct SQLiteError: SluiceError, Equatable {
    public var path: String
    public var operation: String
    public var code: Int32
    public var message: String

    public var category: FailureCategory { .taskFailed }
    public var description: String { "SQLite \(path): \(operation): \(message) (code \(code))" }

    /// Whether another connection held a lock for longer than the busy timeout.
    public var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }
}
