import SluiceCore

/// One `ORDER BY` key: a column, its direction and where its nulls go.
public struct SortKey: Sendable {
    public let column: any ColumnArray
    public let ascending: Bool
    public let nullsFirst: Bool

    /// A key; nulls default to Spark's placement: first when ascending, last when descending.
    public init(_ column: any ColumnArray, ascending: Bool = true, nullsFirst: Bool? = nil) {
        self.column = column
        self.ascending = ascending
        self.nullsFirst = nullsFirst ?? ascending
    }
}
