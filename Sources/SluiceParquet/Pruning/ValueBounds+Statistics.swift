extension ValueBounds {
    /// The bounds a column chunk's statistics give, following the format's rules: `min_value` and
    /// `max_value` when present; the deprecated `min` and `max` only for a signed sort order, as
    /// they were computed with signed comparisons (and not for decimals in byte arrays, which old
    /// writers compared byte by byte as signed); no bounds when the sort order or the file's column
    /// order is unknown. Missing statistics give no bounds, so nothing is pruned.
    ///
    /// - Parameters:
    ///   - statistics: the chunk's statistics, if any.
    ///   - columnOrder: the file's `column_orders` entry for the column, if any.
    ///   - rowCount: the row group's rows (a flat column has one value or null per row).
    init(statistics: Statistics?, column: ColumnDescriptor, columnOrder: ColumnOrder?, rowCount: Int64) {
        self.init(min: nil, max: nil, nullCount: nil, rowCount: rowCount)
        guard let statistics else { return }
        if let nulls = statistics.nullCount, nulls >= 0 { nullCount = nulls }
        let sortOrder = ColumnSortOrder(of: column)
        if case .unrecognized = columnOrder { return }
        guard sortOrder != .unknown else { return }
        let isBinary = column.physicalType == .byteArray || column.physicalType == .fixedLenByteArray
        let deprecatedAreValid = sortOrder == .signed && !isBinary
        if let bytes = statistics.minValue ?? (deprecatedAreValid ? statistics.min : nil) {
            min = OrderedValue(statistic: bytes, of: column)
        }
        if let bytes = statistics.maxValue ?? (deprecatedAreValid ? statistics.max : nil) {
            max = OrderedValue(statistic: bytes, of: column)
        }
    }
}

extension ValueBounds {
    /// The bounds of `column` in `rowGroup`, from its chunk's statistics and the file's
    /// `column_orders` entry for it.
    init(of column: ColumnDescriptor, in rowGroup: RowGroup, columnOrders: [ColumnOrder]?) {
        let chunk = column.index < rowGroup.columns.count ? rowGroup.columns[column.index] : nil
        let order = columnOrders.flatMap { column.index < $0.count ? $0[column.index] : nil }
        self.init(
            statistics: chunk?.metaData?.statistics, column: column, columnOrder: order, rowCount: rowGroup.numRows)
    }
}
