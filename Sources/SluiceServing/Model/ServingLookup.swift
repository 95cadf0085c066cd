/// The answer to one batch of key lookups, all read from one physical table under one pointer
/// version, so a batch never mixes two loads.
public struct ServingLookup: Sendable, Hashable {
    public var table: String
    public var physicalTable: String
    public var version: Int64
    /// The names of the values in each row: key columns first, then value columns.
    public var columns: [String]
    /// One entry per requested key, in request order; nil where the key is absent.
    public var rows: [[ServingValue]?]

    public init(table: String, physicalTable: String, version: Int64, columns: [String], rows: [[ServingValue]?]) {
        self.table = table
        self.physicalTable = physicalTable
        self.version = version
        self.columns = columns
        self.rows = rows
    }
}
