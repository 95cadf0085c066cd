import SluiceCompute
import SluiceCore

/// The evaluated arguments of a scalar function as its kernel reads them: each as a column of the
/// type the binder cast it to, and whether it is a constant (so a regex is compiled once per batch).
struct KernelArguments {
    let values: [Datum]
    /// The rows of the batch (1 when every argument is a constant).
    let rows: Int

    var count: Int { values.count }

    func isConstant(_ index: Int) -> Bool { values[index].count == nil }

    /// Argument `index` as a column.
    func array(_ index: Int) throws -> any ColumnArray {
        try ExpressionEvaluator.materialize(values[index], rows: rows)
    }

    /// Argument `index` as a column of `Column`.
    func column<Column: ColumnArray>(_ index: Int, as type: Column.Type) throws -> Column {
        let array = try array(index)
        guard let typed = array as? Column else {
            throw ComputeError(.unsupported, "argument \(index + 1) is a \(array.dataType) column, not \(Column.self)")
        }
        return typed
    }

    func strings(_ index: Int) throws -> StringArray { try column(index, as: StringArray.self) }

    func int32s(_ index: Int) throws -> Int32Array { try column(index, as: Int32Array.self) }

    func float64s(_ index: Int) throws -> Float64Array { try column(index, as: Float64Array.self) }

    /// The bytes of a string or binary argument by row (nil for a null).
    func bytes(_ index: Int) throws -> (Int) -> [UInt8]? {
        let array = try array(index)
        if let strings = array as? StringArray { return { strings.isNull($0) ? nil : strings.bytes(at: $0) } }
        if let binaries = array as? BinaryArray { return { binaries.isNull($0) ? nil : binaries.bytes(at: $0) } }
        throw ComputeError(.unsupported, "argument \(index + 1) is a \(array.dataType) column, not bytes")
    }

    /// A string column built row by row; nil is a null.
    static func strings(rows: Int, _ value: (Int) throws -> String?) rethrows -> StringArray {
        let builder = StringBuilder(capacity: rows)
        for row in 0..<rows { builder.append(try value(row)) }
        return builder.finish()
    }
}
