import SluiceCore

/// Bulk-loads one physical table through one prepared `INSERT OR REPLACE`, binding straight from
/// the columnar batches, committing every `rowsPerTransaction` rows.
///
/// Owns its connection until `finish` or `abort`; one task uses it at a time.
final class SQLiteTableWriter: ServingTableWriter, @unchecked Sendable {
    private let pool: SQLiteConnectionPool
    private let connection: SQLiteConnection
    private let statement: SQLiteStatement
    private let table: String
    private let fields: [Field]
    private let conversions: [SQLiteColumnConversion]
    private let rowsPerTransaction: Int
    private var rows: Int64 = 0
    private var rowsInTransaction = 0

    init(
        pool: SQLiteConnectionPool, table: String, schema: ServingSchema, resultSchema: Schema,
        conversions: [SQLiteColumnConversion], rowsPerTransaction: Int = 1_000_000
    ) throws {
        self.pool = pool
        self.table = table
        self.fields = resultSchema.fields
        self.conversions = conversions
        self.rowsPerTransaction = rowsPerTransaction
        let connection = try pool.checkOut()
        self.connection = connection
        let columns = schema.columns.map { SQLiteName.quoted($0.name) }
        let sql =
            "INSERT OR REPLACE INTO \(SQLiteName.quoted(table)) (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        do {
            // A large page cache keeps the B-tree's upper levels in memory during the load.
            try connection.execute("PRAGMA cache_size=-262144", operation: "size the load cache")
            statement = try connection.prepare(sql, operation: "prepare the insert into \(table)")
            try connection.execute("BEGIN", operation: "begin loading \(table)")
        } catch {
            pool.checkIn(connection)
            throw error
        }
    }

    func write(_ batch: RecordBatch) async throws {
        let binders = batch.columns.indices.map { index in
            conversions[index].binder(
                for: batch.columns[index], field: fields[index], column: fields[index].name, table: table)
        }
        for row in 0..<batch.numRows {
            for (index, binder) in binders.enumerated() {
                try binder.bind(row: row, to: statement, at: Int32(index + 1))
            }
            try statement.run()
        }
        rows += Int64(batch.numRows)
        rowsInTransaction += batch.numRows
        if rowsInTransaction >= rowsPerTransaction {
            try connection.execute("COMMIT; BEGIN", operation: "commit rows into \(table)")
            rowsInTransaction = 0
        }
    }

    func finish() async throws -> Int64 {
        defer { pool.checkIn(connection) }
        try connection.execute("COMMIT", operation: "commit rows into \(table)")
        // Copies the load out of the write-ahead log now, so readers do not search a large log.
        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)", operation: "checkpoint after loading \(table)")
        try connection.execute("PRAGMA cache_size=-2000", operation: "restore the page cache")
        return rows
    }

    func abort() async {
        try? connection.execute("ROLLBACK", operation: "abandon loading \(table)")
        try? connection.execute("PRAGMA cache_size=-2000", operation: "restore the page cache")
        pool.checkIn(connection)
    }
}
