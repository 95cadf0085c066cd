import CSQLite

/// A prepared statement of one `SQLiteConnection`. Binding indexes start at 1, column indexes
/// at 0, as in the C API.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let connection: SQLiteConnection
    let operation: String

    init(handle: OpaquePointer, connection: SQLiteConnection, operation: String) {
        self.handle = handle
        self.connection = connection
        self.operation = operation
    }

    deinit {
        sqlite3_finalize(handle)
    }

    func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }
    func bind(_ value: Int64, at index: Int32) { sqlite3_bind_int64(handle, index, value) }
    func bind(_ value: Double, at index: Int32) { sqlite3_bind_double(handle, index, value) }

    /// Binds UTF-8 bytes as TEXT without copying: the bytes must stay valid until the statement
    /// has run (the loader binds from record batches it holds until then).
    func bindBorrowedText(_ bytes: UnsafeRawBufferPointer, at index: Int32) {
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) ?? Self.emptyText
        sqlite3_bind_text64(handle, index, base, UInt64(bytes.count), nil, UInt8(SQLITE_UTF8))
    }

    /// Binds bytes as a BLOB without copying, under the same rule as `bindBorrowedText`.
    func bindBorrowedBlob(_ bytes: UnsafeRawBufferPointer, at index: Int32) {
        let base = bytes.baseAddress ?? UnsafeRawPointer(Self.emptyText)
        sqlite3_bind_blob64(handle, index, base, UInt64(bytes.count), nil)
    }

    /// Binds UTF-8 bytes as TEXT; SQLite copies them.
    func bindCopiedText(_ bytes: UnsafeRawBufferPointer, at index: Int32) {
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) ?? Self.emptyText
        sqlite3_bind_text64(handle, index, base, UInt64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
    }

    /// Binds a Swift string as TEXT; SQLite copies it.
    func bind(_ value: String, at index: Int32) {
        var value = value
        value.withUTF8 { bindCopiedText(UnsafeRawBufferPointer($0), at: index) }
    }

    /// Steps once; true when a row is ready to read.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error(code, operation)
        }
    }

    /// Steps a statement that returns no rows, then resets it for the next bindings.
    func run() throws(SQLiteError) {
        defer { reset() }
        _ = try step()
    }

    /// Makes the statement ready to run again; bindings stay until rebound.
    func reset() {
        sqlite3_reset(handle)
    }

    var columnCount: Int32 { sqlite3_column_count(handle) }
    func columnName(_ index: Int32) -> String { sqlite3_column_name(handle, index).map { String(cString: $0) } ?? "" }
    func columnType(_ index: Int32) -> Int32 { sqlite3_column_type(handle, index) }
    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }
    func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    func text(_ index: Int32) -> String {
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func blob(_ index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    func optionalText(_ index: Int32) -> String? { columnType(index) == SQLITE_NULL ? nil : text(index) }

    /// A valid pointer for zero-length text and blobs: a nil pointer would bind NULL.
    private static var emptyText: UnsafePointer<CChar> {
        UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// SQLITE_TRANSIENT: SQLite copies the value before the call returns.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
}
