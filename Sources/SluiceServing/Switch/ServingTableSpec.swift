/// A logical serving table as a job describes it: its key and value columns in the result, and
/// explicit store types for some of them.
public struct ServingTableSpec: Sendable, Hashable {
    public var table: String
    public var key: [String]
    public var values: [String]
    /// Column name to store type (`REAL`, `TEXT`, …), overriding the type mapped from parquet.
    public var typeOverrides: [String: String]

    public init(table: String, key: [String], values: [String], typeOverrides: [String: String] = [:]) {
        self.table = table
        self.key = key
        self.values = values
        self.typeOverrides = typeOverrides
    }

    /// The two physical tables the switch alternates between.
    public var physicalTables: [String] { ["\(table)_1", "\(table)_2"] }

    /// The physical table a load writes: the one the pointer does not name.
    public func inactiveTable(given pointer: ServingPointer?) -> String {
        let tables = physicalTables
        return pointer?.activeTable == tables[0] ? tables[1] : tables[0]
    }
}
