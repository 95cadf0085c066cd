/// Why columnar data was refused: buffers that do not fit their array, arrays that do not fit their
/// schema, or a column that is not there. Thrown by the validating initializers of arrays and batches.
public enum ColumnarError: SluiceError, Equatable {
    /// A record batch got a different number of columns than its schema has fields.
    case columnCountMismatch(expected: Int, actual: Int)
    /// Something (a column, a struct child, a validity bitmap) has the wrong number of values.
    case lengthMismatch(what: String, expected: Int, actual: Int)
    /// Something has a data type other than the one its schema or field declares.
    case typeMismatch(what: String, expected: DataType, actual: DataType)
    /// A column declared non-nullable holds nulls.
    case nullsInNonNullableColumn(column: String, nullCount: Int)
    /// No column has this name.
    case columnNotFound(String)
    /// A column index is outside the batch.
    case columnIndexOutOfRange(index: Int, count: Int)
    /// A data type is malformed (decimal precision out of range, nullable map keys, ...) or cannot be
    /// stored by the array it was given to.
    case invalidDataType(DataType, reason: String)
    /// A buffer is too small, misaligned, or holds invalid offsets.
    case invalidBuffer(String)

    public var category: FailureCategory { .taskFailed }

    public var description: String {
        switch self {
        case .columnCountMismatch(let expected, let actual):
            return "record batch has \(actual) columns, but its schema has \(expected) fields"
        case .lengthMismatch(let what, let expected, let actual):
            return "\(what) has \(actual) values, expected \(expected)"
        case .typeMismatch(let what, let expected, let actual):
            return "\(what) has type \(actual), expected \(expected)"
        case .nullsInNonNullableColumn(let column, let nullCount):
            return "column '\(column)' is declared not null but holds \(nullCount) null(s)"
        case .columnNotFound(let name):
            return "no column named '\(name)'"
        case .columnIndexOutOfRange(let index, let count):
            return "column index \(index) is out of range for \(count) column(s)"
        case .invalidDataType(let dataType, let reason):
            return "invalid data type \(dataType): \(reason)"
        case .invalidBuffer(let reason):
            return "invalid buffer: \(reason)"
        }
    }
}
