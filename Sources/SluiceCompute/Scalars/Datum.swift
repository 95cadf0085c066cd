import SluiceCore

/// A kernel argument: a column, or one value that stands for every row. Kernels loop over the column
/// and read the scalar once, so `x + 1` never builds a column of ones.
public enum Datum: Sendable {
    case array(any ColumnArray)
    case scalar(Scalar)

    /// The data type of the column or value.
    public var dataType: DataType {
        switch self {
        case .array(let array): return array.dataType
        case .scalar(let scalar): return scalar.dataType
        }
    }

    /// The number of rows of an array; nil for a scalar (it fits any length).
    public var count: Int? {
        if case .array(let array) = self { return array.count }
        return nil
    }

    /// The row count of a kernel over these arguments: the arrays' common length, or 1 when all are
    /// scalars (the kernel then computes the one value, as constant folding needs).
    ///
    /// - Throws: `ComputeError.invalidArgument` when arrays differ in length.
    static func rowCount(_ datums: Datum...) throws -> Int {
        var rows: Int?
        for datum in datums {
            guard let count = datum.count else { continue }
            if let rows, rows != count {
                throw ComputeError(.invalidArgument, "arguments have \(rows) and \(count) rows")
            }
            rows = count
        }
        return rows ?? 1
    }
}
