import SluiceCore

extension RecordBatch {
    /// The rows at `indices` of every column (a negative index gives a null row; see `take(_:_:)`).
    public func take(_ indices: [Int]) throws -> RecordBatch {
        let columns = try columns.map { try SluiceCompute.take($0, indices) }
        return try rebuiltBatch(columns, rows: indices.count, nullable: indices.contains { $0 < 0 })
    }

    /// The rows where `mask` is true (null drops the row) of every column; the mask is read once.
    public func filter(by mask: BooleanArray) throws -> RecordBatch {
        let selection = try SelectionMask(mask, rows: numRows)
        if selection.selectedCount == numRows { return self }
        let columns: [any ColumnArray] = try selection.withReader { reader in
            try self.columns.map { try filterColumn($0, reader, selectedCount: selection.selectedCount) }
        }
        return try rebuiltBatch(columns, rows: selection.selectedCount, nullable: false)
    }

    private func filterColumn(_ column: any ColumnArray, _ reader: BitReader, selectedCount: Int) throws
        -> any ColumnArray
    {
        guard let selectable = column as? any SelectableArray else {
            throw ComputeError(.unsupported, "selection does not support arrays of type \(column.dataType)")
        }
        return try selectable.filtering(reader, selectedCount: selectedCount)
    }

    /// The rows of `batches` one after the other, under the first batch's schema.
    ///
    /// - Throws: `ComputeError.invalidArgument` for no batches or batches with other column types.
    public static func concatenate(_ batches: [RecordBatch]) throws -> RecordBatch {
        guard let first = batches.first else { throw ComputeError(.invalidArgument, "nothing to concatenate") }
        let columns = try (0..<first.numColumns).map { column in
            try SluiceCompute.concatenate(batches.map { $0.columns[column] })
        }
        let rows = batches.reduce(0) { $0 + $1.numRows }
        return try first.rebuiltBatch(columns, rows: rows, nullable: false)
    }

    /// A batch of new columns under this schema; `nullable` marks every field nullable (rows padded
    /// with nulls by negative take indices).
    private func rebuiltBatch(_ columns: [any ColumnArray], rows: Int, nullable: Bool) throws -> RecordBatch {
        var fields = schema.fields
        if nullable {
            for index in fields.indices {
                fields[index].nullable = true
            }
        }
        let schema = Schema(fields, metadata: schema.metadata)
        return try rebuilt { try RecordBatch(schema: schema, columns: columns, numRows: rows) }
    }
}
