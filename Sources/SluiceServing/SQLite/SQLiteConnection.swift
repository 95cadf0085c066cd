import CSQLite
import Foundation

/// One open SQLite database handle.
///
/// Not safe for concurrent use: `SQLiteConnectionPool` hands each connection to one task at a
/// time, which is why the type may cross tasks (`@unchecked Sendable`).
final class SQLiteConnection: @unchecked Sendable {
    let path: String
    private let handle: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (creating when missing) the database at `path`, in WAL mode so readers never wait
    /// for the loader, with a busy timeout so short lock waits are not errors.
    init(path: String, busyTimeout: Duration = .seconds(30)) throws(SQLiteError) {
        self.path = path
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(opened)
            throw SQLiteError(path: path, operation: "open", code: code, message: message)
        }
        handle = opened
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Int32(busyTimeout.components.seconds * 1000))
        // 16 KiB pages (set only while the file is still empty) load a third faster than the
        // 4 KiB default: fewer page splits and a shallower B-tree.
        try execute("PRAGMA page_size=16384", operation: "set the page size")
        try execute("PRAGMA journal_mode=WAL", operation: "switch to WAL mode")
        // In WAL mode NORMAL syncs at checkpoints only: a power loss may lose the last
        // transactions but never corrupts the file, and loads are repeatable.
        try execute("PRAGMA synchronous=NORMAL", operation: "set synchronous")
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String, operation: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard code == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(path: path, operation: operation, code: code, message: message)
        }
    }

    func prepare(_ sql: String, operation: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteError(path: path, operation: operation, code: code, message: lastMessage)
        }
        return SQLiteStatement(handle: statement, connection: self, operation: operation)
    }

    /// A statement prepared once per connection and reused (lookups, bookkeeping queries).
    func cached(_ sql: String, operation: String) throws(SQLiteError) -> SQLiteStatement {
        if let statement = statements[sql] {
            statement.reset()
            return statement
        }
        let statement = try prepare(sql, operation: operation)
        statements[sql] = statement
        return statement
    }

    /// Runs `body` in a transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so a
    /// read-then-write inside it is atomic against other writers.
    func writeTransaction<R>(_ operation: String, _ body: () throws -> R) throws -> R {
        try execute("BEGIN IMMEDIATE", operation: operation)
        do {
            let result = try body()
            try execute("COMMIT", operation: operation)
            return result
        } catch {
            try? execute("ROLLBACK", operation: operation)
            throw error
        }
    }

    /// The number of rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { Int(sqlite3_changes64(handle)) }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func error(_ code: Int32, _ operation: String) -> SQLiteError {
        SQLiteError(path: path, operation: operation, code: code, message: lastMessage)
    }
}
