/// A table chunk: a schema and one array per field, all with `numRows` slots. The unit that decoders
/// produce, the SQL engine computes on, and loaders write.
///
/// Validated on construction; slicing and projecting copy no data.
public struct RecordBatch: Sendable {
    public let schema: Schema
    public let columns: [any ColumnArray]
    public let numRows: Int

    /// A batch of `columns` under `schema`.
    ///
    /// - Parameter numRows: needed only for a batch without columns; else it must match the columns.
    /// - Throws: `ColumnarError.columnCountMismatch`, `.typeMismatch` (a column's type is not compatible
    ///   with its field's, see `DataType.isCompatible(with:)`), `.lengthMismatch` (columns of different
    ///   lengths), or `.nullsInNonNullableColumn`.
    public init(schema: Schema, columns: [any ColumnArray], numRows: Int? = nil) throws {
        guard schema.count == columns.count else {
            throw ColumnarError.columnCountMismatch(expected: schema.count, actual: columns.count)
        }
        let rows = numRows ?? columns.first?.count ?? 0
        for (field, column) in zip(schema.fields, columns) {
            guard field.dataType.isCompatible(with: column.dataType) else {
                throw ColumnarError.typeMismatch(
                    what: "column '\(field.name)'", expected: field.dataType, actual: column.dataType)
            }
            guard column.count == rows else {
                throw ColumnarError.lengthMismatch(what: "column '\(field.name)'", expected: rows, actual: column.count)
            }
            guard field.nullable || column.nullCount == 0 else {
                throw ColumnarError.nullsInNonNullableColumn(column: field.name, nullCount: column.nullCount)
            }
        }
        self.init(unchecked: schema, columns: columns, numRows: rows)
    }

    /// A batch whose schema is made from the names and the columns' types (all fields nullable).
    ///
    /// - Throws: `ColumnarError.lengthMismatch` when the columns differ in length.
    public init(columns: KeyValuePairs<String, any ColumnArray>) throws {
        try self.init(
            schema: Schema(columns.map { Field($0.key, $0.value.dataType) }), columns: columns.map(\.value))
    }

    init(unchecked schema: Schema, columns: [any ColumnArray], numRows: Int) {
        self.schema = schema
        self.columns = columns
        self.numRows = numRows
    }

    /// The number of columns.
    public var numColumns: Int { columns.count }

    /// The column at `index`.
    ///
    /// - Precondition: `0 <= index < numColumns`.
    public func column(at index: Int) -> any ColumnArray { columns[index] }

    /// The first column named `name`.
    public func column(named name: String) -> (any ColumnArray)? {
        schema.index(of: name).map { columns[$0] }
    }

    /// The first column named `name`, if it is an `A`: `batch.column(named: "id", as: Int64Array.self)`.
    public func column<A: ColumnArray>(named name: String, as type: A.Type) -> A? {
        column(named: name) as? A
    }

    /// Rows `range`, sharing every column's buffers.
    ///
    /// - Precondition: `range` lies inside `0..<numRows`.
    public func slice(_ range: Range<Int>) -> RecordBatch {
        precondition(range.lowerBound >= 0 && range.upperBound <= numRows, "slice \(range) out of range 0..<\(numRows)")
        return RecordBatch(unchecked: schema, columns: columns.map { $0.slice(range) }, numRows: range.count)
    }

    /// The columns at `indices`, in that order (repeats allowed).
    ///
    /// - Throws: `ColumnarError.columnIndexOutOfRange`.
    public func project(_ indices: [Int]) throws -> RecordBatch {
        let projected = try schema.project(indices)
        return RecordBatch(unchecked: projected, columns: indices.map { columns[$0] }, numRows: numRows)
    }

    /// The columns named `names`, in that order.
    ///
    /// - Throws: `ColumnarError.columnNotFound`.
    public func project(names: [String]) throws -> RecordBatch {
        try project(
            names.map { name in
                guard let index = schema.index(of: name) else { throw ColumnarError.columnNotFound(name) }
                return index
            })
    }
}

extension RecordBatch: Equatable {
    /// Equal schemas and logically equal columns.
    public static func == (lhs: RecordBatch, rhs: RecordBatch) -> Bool {
        lhs.schema == rhs.schema && lhs.numRows == rhs.numRows
            && zip(lhs.columns, rhs.columns).allSatisfy { $0.isEqual(to: $1) }
    }
}

extension RecordBatch: CustomStringConvertible {
    /// The schema, row count and each column's first values.
    public var description: String {
        var lines = ["RecordBatch(\(numRows) rows) \(schema)"]
        for (field, column) in zip(schema.fields, columns) {
            lines.append("  \(field.name): \(column)")
        }
        return lines.joined(separator: "\n")
    }
}
