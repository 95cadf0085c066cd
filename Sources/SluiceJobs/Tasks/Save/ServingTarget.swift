/// Where a save task loads: a logical serving table in a serving connection, its key columns and
/// value columns. Readers see `table`; the store keeps `table_1` and `table_2` behind a pointer.
public struct ServingTarget: Sendable, Hashable {
    public var connection: String
    public var table: String
    public var key: [String]
    public var values: [String]

    /// The two physical tables the blue/green switch alternates between.
    public var physicalTables: [String] { ["\(table)_1", "\(table)_2"] }
}
