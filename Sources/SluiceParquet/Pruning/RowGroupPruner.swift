/// Decides from column chunk statistics which row groups of a file can hold rows matching a
/// `ParquetPredicate`. It only skips row groups; it never filters rows.
public struct RowGroupPruner: Sendable {
    /// The predicate, as given.
    public let predicate: ParquetPredicate
    private let conditions: [(column: ColumnDescriptor, test: ConditionTest)]
    private let columnOrders: [ColumnOrder]?

    /// Binds `predicate` to the columns of `schema`.
    ///
    /// - Parameter columnOrders: the file's `column_orders`, one per leaf column.
    /// - Throws: `ParquetPredicateError` for a column that is not a top-level field of the schema, a
    ///   nested or repeated field, or a literal the column's type cannot be compared with.
    public init(predicate: ParquetPredicate, schema: ParquetSchema, columnOrders: [ColumnOrder]? = nil)
        throws(ParquetPredicateError)
    {
        self.predicate = predicate
        self.columnOrders = columnOrders
        let fields = schema.root.children
        var conditions: [(column: ColumnDescriptor, test: ConditionTest)] = []
        for condition in predicate.conjuncts {
            let name = condition.column ?? ""
            guard let node = fields.first(where: { $0.name == name }) else {
                throw ParquetPredicateError(
                    column: name, "no such column; the file has: \(fields.map(\.name).joined(separator: ", "))")
            }
            guard node.isLeaf, !node.isRepeated, node.firstColumnIndex < schema.columns.count else {
                throw ParquetPredicateError(column: name, "only top-level flat columns can be used in a predicate")
            }
            let column = schema.columns[node.firstColumnIndex]
            conditions.append((column, try ConditionTest(condition, dataType: column.dataType)))
        }
        self.conditions = conditions
    }

    /// Whether `rowGroup` may hold a matching row: `.cannotMatch` when the statistics of one
    /// condition's column rule it out.
    public func verdict(for rowGroup: RowGroup) -> PruningVerdict {
        for (column, test) in conditions {
            let bounds = ValueBounds(of: column, in: rowGroup, columnOrders: columnOrders)
            if bounds.verdict(test) == .cannotMatch { return .cannotMatch }
        }
        return .mayMatch
    }

    /// The indices of the row groups of `metadata` that may hold a matching row, in file order.
    public func selectedRowGroups(of metadata: FileMetaData) -> [Int] {
        metadata.rowGroups.indices.filter { verdict(for: metadata.rowGroups[$0]) == .mayMatch }
    }
}
