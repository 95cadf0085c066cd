import Synchronization

/// Open connections to one database file, each used by one task at a time. SQLite connections
/// are cheap to keep and costly to open, and WAL mode lets many read while one writes.
final class SQLiteConnectionPool: Sendable {
    let path: String
    private let idle = Mutex<[SQLiteConnection]>([])
    private static let maxIdle = 16

    init(path: String) {
        self.path = path
    }

    func withConnection<R>(_ body: (SQLiteConnection) throws -> R) throws -> R {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    /// A connection for the caller's exclusive use until `checkIn`.
    func checkOut() throws(SQLiteError) -> SQLiteConnection {
        if let connection = idle.withLock({ $0.popLast() }) { return connection }
        return try SQLiteConnection(path: path)
    }

    func checkIn(_ connection: SQLiteConnection) {
        idle.withLock { connections in
            if connections.count < Self.maxIdle { connections.append(connection) }
        }
    }

    func closeAll() {
        idle.withLock { $0.removeAll() }
    }
}
