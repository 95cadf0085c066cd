import SluiceCore

extension ParquetDataset {
    /// A condition that keeps every row group able to hold one of the first `count` rows in
    /// `column` order, read from the selected row groups' statistics alone; `nil` when they cannot
    /// tell. Descending: if row groups whose minimum is at least `m` hold `count` non-null values
    /// between them, no row group whose maximum is below `m` can hold a top row, so the cutoff is
    /// `column >= m` (and ascending, `column <= m` by maximums). Rows equal to `m` stay: ties are
    /// the sort's to break. A top-N query over data that grows along the files (dates, ids) then
    /// reads one row group instead of all of them.
    ///
    /// Nulls count against no row group, so the cutoff applies only when nulls sort last, or when
    /// the statistics show the column has none. Float columns get no cutoff: statistics leave NaN
    /// out, and Spark sorts NaN above every number.
    ///
    /// - Throws: what opening the files' readers throws (it reads every selected file's footer).
    public func topNCutoff(column name: String, descending: Bool, nullsFirst: Bool, count: Int) async throws
        -> ParquetPredicate?
    {
        guard count > 0, fileColumns.contains(name) else { return nil }
        var bounds: [ValueBounds] = []
        var anyNulls = false
        for file in selectedFiles {
            let reader = try await reader(for: file, threads: 1)
            guard let node = reader.fileSchema.root.children.first(where: { $0.name == name }), node.isLeaf,
                !node.isRepeated, node.firstColumnIndex < reader.fileSchema.columns.count
            else { return nil }
            let column = reader.fileSchema.columns[node.firstColumnIndex]
            for index in reader.selectedRowGroups {
                let bound = ValueBounds(
                    of: column, in: reader.footer.metadata.rowGroups[index],
                    columnOrders: reader.footer.metadata.columnOrders)
                anyNulls = anyNulls || bound.nullCount != 0
                bounds.append(bound)
            }
        }
        guard !(nullsFirst && anyNulls) else { return nil }
        // The row groups whose every non-null value is at least (descending) or at most
        // (ascending) their own edge, strongest edge first.
        var edges: [(value: OrderedValue, nonNull: Int64)] = bounds.compactMap { bound in
            guard let nulls = bound.nullCount, let edge = descending ? bound.min : bound.max else { return nil }
            return (edge, bound.rowCount - nulls)
        }
        edges.sort { left, right in
            let order = OrderedValue.order(left.value, right.value) ?? 0
            return descending ? order > 0 : order < 0
        }
        var covered: Int64 = 0
        for edge in edges {
            covered += edge.nonNull
            guard covered >= Int64(count) else { continue }
            guard let literal = Self.literal(edge.value, type: schema.fields.first { $0.name == name }?.dataType)
            else { return nil }
            return .compare(name, descending ? .greaterOrEqual : .lessOrEqual, literal)
        }
        return nil
    }

    /// `value` as a literal of a column of `type`, for the types whose order statistics keep exactly.
    private static func literal(_ value: OrderedValue, type: DataType?) -> PredicateLiteral? {
        switch (value, type) {
        case (.integer(let number), .int8?), (.integer(let number), .int16?), (.integer(let number), .int32?),
            (.integer(let number), .int64?), (.integer(let number), .uint8?), (.integer(let number), .uint16?),
            (.integer(let number), .uint32?), (.integer(let number), .uint64?):
            return .integer(number)
        case (.integer(let days), .date32?):
            return Int32(exactly: days).map { .date(daysSinceEpoch: $0) }
        case (.integer(let count), .timestamp(let unit, _)?):
            return Int64(exactly: count).map { .timestamp($0, unit: unit) }
        case (.integer(let unscaled), .decimal(_, let scale)?):
            return .decimal(unscaled: unscaled, scale: scale)
        case (.bytes(let bytes), .string?), (.bytes(let bytes), .binary?):
            return .binary(bytes)
        default:
            return nil
        }
    }
}
