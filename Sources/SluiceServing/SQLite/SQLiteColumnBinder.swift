import SluiceCore

/// Binds one column of a record batch, row by row, to a statement parameter. Made once per batch
/// and column from a closure specialized for the column's type, so the per-row work is a null
/// check and one bind call, with no Swift values allocated per row (text and blobs are bound from
/// the array's bytes).
struct SQLiteColumnBinder {
    let bind: (_ row: Int, _ statement: SQLiteStatement, _ index: Int32) throws(ServingError) -> Void
}

/// How a result column becomes a SQLite value, decided once per load from the column's type and
/// its store type.
enum SQLiteColumnConversion: Sendable, Hashable {
    case integer
    case real
    /// UTF-8 bytes of string, or raw bytes of binary, as TEXT or BLOB.
    case bytes(asText: Bool)
    /// The text `sluice parquet cat` prints: ISO dates and timestamps, exact decimals, JSON for
    /// nested values.
    case rendered

    /// The SQLite type a parquet column gets without an override, and how its values convert.
    static func natural(for type: DataType) -> (storeType: String, conversion: SQLiteColumnConversion) {
        switch type {
        case .boolean, .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64:
            return ("INTEGER", .integer)
        case .float16, .float32, .float64: return ("REAL", .real)
        case .string: return ("TEXT", .bytes(asText: true))
        case .binary, .fixedSizeBinary: return ("BLOB", .bytes(asText: false))
        case .decimal, .date32, .time, .timestamp, .list, .struct, .map: return ("TEXT", .rendered)
        }
    }

    /// The conversion for an explicit store type; nil when that type cannot hold the column.
    static func overridden(to storeType: String, for type: DataType) -> SQLiteColumnConversion? {
        switch (storeType, type) {
        case ("TEXT", .binary), ("TEXT", .fixedSizeBinary): return nil
        case ("TEXT", _):
            return natural(for: type).conversion == .bytes(asText: true) ? .bytes(asText: true) : .rendered
        case ("INTEGER", .boolean), ("INTEGER", .int8), ("INTEGER", .int16), ("INTEGER", .int32), ("INTEGER", .int64),
            ("INTEGER", .uint8), ("INTEGER", .uint16), ("INTEGER", .uint32), ("INTEGER", .uint64),
            ("INTEGER", .date32), ("INTEGER", .time), ("INTEGER", .timestamp):
            // Dates count days, times and timestamps their unit since midnight or the epoch.
            return .integer
        case ("REAL", .float16), ("REAL", .float32), ("REAL", .float64), ("REAL", .int8), ("REAL", .int16),
            ("REAL", .int32), ("REAL", .int64), ("REAL", .uint8), ("REAL", .uint16), ("REAL", .uint32),
            ("REAL", .uint64), ("REAL", .decimal):
            return .real
        case ("BLOB", .binary), ("BLOB", .fixedSizeBinary), ("BLOB", .string): return .bytes(asText: false)
        default: return nil
        }
    }

    /// A binder for `array` (a column of `field`) in `column` of `table`.
    func binder(for array: any ColumnArray, field: Field, column: String, table: String) -> SQLiteColumnBinder {
        switch self {
        case .integer:
            switch array {
            case let array as Int64Array: return .integer(array, column: column, table: table)
            case let array as Int32Array: return .integer(array, column: column, table: table)
            case let array as Int16Array: return .integer(array, column: column, table: table)
            case let array as Int8Array: return .integer(array, column: column, table: table)
            case let array as UInt64Array: return .integer(array, column: column, table: table)
            case let array as UInt32Array: return .integer(array, column: column, table: table)
            case let array as UInt16Array: return .integer(array, column: column, table: table)
            case let array as UInt8Array: return .integer(array, column: column, table: table)
            case let array as BooleanArray: return .boolean(array)
            default: break
            }
        case .real:
            switch array {
            case let array as Float64Array: return .real(array)
            case let array as Float32Array: return .real(array)
            case let array as Decimal128Array:
                if case .decimal(_, let scale) = array.dataType { return .decimalAsReal(array, scale: scale) }
            case let array as Int64Array: return .integerAsReal(array)
            case let array as Int32Array: return .integerAsReal(array)
            case let array as Int16Array: return .integerAsReal(array)
            case let array as Int8Array: return .integerAsReal(array)
            case let array as UInt64Array: return .integerAsReal(array)
            case let array as UInt32Array: return .integerAsReal(array)
            case let array as UInt8Array: return .integerAsReal(array)
            case let array as UInt16Array:
                // Float16 shares UInt16 storage: only the type tells them apart.
                if array.dataType == .float16 { return .rendered(array, field: field) }
                return .integerAsReal(array)
            default: break
            }
        case .bytes(let asText):
            switch array {
            case let array as StringArray: return .bytes(array, asText: asText)
            case let array as BinaryArray: return .bytes(array, asText: asText)
            case let array as FixedSizeBinaryArray: return .fixedSize(array)
            default: break
            }
        case .rendered: break
        }
        return .rendered(array, field: field)
    }
}

extension SQLiteColumnBinder {
    static func integer<T: FixedWidthInteger & FixedWidthValue>(
        _ array: PrimitiveArray<T>, column: String, table: String
    ) -> SQLiteColumnBinder {
        SQLiteColumnBinder { row, statement, index throws(ServingError) in
            guard array.isValid(row) else { return statement.bindNull(index) }
            let value = array.value(at: row)
            guard let exact = Int64(exactly: value) else {
                throw .unsupportedColumn(
                    table: table, column: column, detail: "value \(value) does not fit SQLite's 64-bit INTEGER")
            }
            statement.bind(exact, at: index)
        }
    }

    static func integerAsReal<T: FixedWidthInteger & FixedWidthValue>(_ array: PrimitiveArray<T>) -> SQLiteColumnBinder
    {
        SQLiteColumnBinder { row, statement, index in
            guard array.isValid(row) else { return statement.bindNull(index) }
            statement.bind(Double(array.value(at: row)), at: index)
        }
    }

    static func boolean(_ array: BooleanArray) -> SQLiteColumnBinder {
        SQLiteColumnBinder { row, statement, index in
            guard array.isValid(row) else { return statement.bindNull(index) }
            statement.bind(Int64(array.value(at: row) ? 1 : 0), at: index)
        }
    }

    static func real<T: BinaryFloatingPoint & FixedWidthValue>(_ array: PrimitiveArray<T>) -> SQLiteColumnBinder {
        SQLiteColumnBinder { row, statement, index in
            guard array.isValid(row) else { return statement.bindNull(index) }
            statement.bind(Double(array.value(at: row)), at: index)
        }
    }

    static func decimalAsReal(_ array: Decimal128Array, scale: Int) -> SQLiteColumnBinder {
        SQLiteColumnBinder { row, statement, index in
            guard array.isValid(row) else { return statement.bindNull(index) }
            // Through the exact text, so 0.1 stays the nearest double to 0.1.
            let text = DecimalText.format(array.value(at: row), scale: scale)
            statement.bind(Double(text) ?? .nan, at: index)
        }
    }

    static func bytes<Kind: ByteArrayKind>(_ array: GenericByteArray<Kind>, asText: Bool) -> SQLiteColumnBinder {
        SQLiteColumnBinder { row, statement, index in
            guard array.isValid(row) else { return statement.bindNull(index) }
            // The batch's buffers are immutable heap storage the writer holds until the statement
            // has run, so SQLite may read them in place.
            array.withUnsafeBytes(at: row) { bytes in
                if asText {
                    statement.bindBorrowedText(bytes, at: index)
                } else {
                    statement.bindBorrowedBlob(bytes, at: index)
                }
            }
        }
    }

    static func fixedSize(_ array: FixedSizeBinaryArray) -> SQLiteColumnBinder {
        SQLiteColumnBinder { row, statement, index in
            guard array.isValid(row) else { return statement.bindNull(index) }
            array.withUnsafeBytes(at: row) { statement.bindBorrowedBlob($0, at: index) }
        }
    }

    /// Dates, timestamps and decimals as ISO or exact text, nested values as JSON.
    static func rendered(_ array: any ColumnArray, field: Field) -> SQLiteColumnBinder {
        SQLiteColumnBinder { row, statement, index in
            guard array.isValid(row) else { return statement.bindNull(index) }
            if field.dataType.isNested {
                var json = ""
                ColumnValueText.appendJSON(array, field: field, at: row, to: &json)
                statement.bind(json, at: index)
            } else if let text = ColumnValueText.scalarText(array, field: field, at: row) {
                statement.bind(text, at: index)
            } else {
                statement.bindNull(index)
            }
        }
    }
}
