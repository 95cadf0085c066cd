import SluiceServing

/// Where a save task loads: a logical serving table in a serving connection, its key columns and
/// value columns. Readers see `table`; the store keeps `table_1` and `table_2` behind a pointer.
public struct ServingTarget: Sendable, Hashable {
    public var connection: String
    public var table: String
    public var key: [String]
    public var values: [String]
    /// Store types chosen in job.yaml (`types: {score: REAL}`), by column.
    public var types: [String: String]

    public init(connection: String, table: String, key: [String], values: [String], types: [String: String] = [:]) {
        self.connection = connection
        self.table = table
        self.key = key
        self.values = values
        self.types = types
    }

    public var spec: ServingTableSpec {
        ServingTableSpec(table: table, key: key, values: values, typeOverrides: types)
    }

    /// The two physical tables the blue/green switch alternates between.
    public var physicalTables: [String] { spec.physicalTables }
}
