import SluiceCQL

/// One column of a table, with its role in the primary key.
struct ColumnDefinition: Sendable {
    /// The `kind` values of `system_schema.columns`.
    enum Kind: String, Sendable {
        case partitionKey = "partition_key"
        case clustering
        case regular
        case staticColumn = "static"
    }

    var name: String
    var type: CQLDataType
    var kind: Kind
    /// Its place in the partition or clustering key; -1 for other columns.
    var position: Int
    var descending: Bool
}
