import SluiceCQL

/// Declares the system tables and builds their rows from values by column name.
enum SystemTableBuilder {
    static func table(
        _ keyspace: String, _ name: String, partitionKey: [(String, CQLDataType)],
        clustering: [(String, CQLDataType)] = [], columns: [(String, CQLDataType)]
    ) -> TableStore {
        var definitions: [ColumnDefinition] = []
        for (position, (column, type)) in partitionKey.enumerated() {
            definitions.append(
                ColumnDefinition(name: column, type: type, kind: .partitionKey, position: position, descending: false))
        }
        for (position, (column, type)) in clustering.enumerated() {
            definitions.append(
                ColumnDefinition(name: column, type: type, kind: .clustering, position: position, descending: false))
        }
        for (column, type) in columns {
            definitions.append(
                ColumnDefinition(name: column, type: type, kind: .regular, position: -1, descending: false))
        }
        return TableStore(schema: TableSchema(keyspace: keyspace, name: name, columns: definitions))
    }

    static func row(_ schema: TableSchema, _ values: [String: CQLValue?]) -> StoredRow {
        let cells = schema.columns.map { column in (values[column.name] ?? nil)?.serialized() }
        return StoredRow(cells: cells, clustering: schema.clusteringKey.map { values[schema.columns[$0].name] ?? nil })
    }

    static func keyspace(_ name: String, _ tables: [TableStore]) -> KeyspaceDefinition {
        KeyspaceDefinition(
            name: name, replication: ["class": "org.apache.cassandra.locator.LocalStrategy"], durableWrites: true,
            tables: Dictionary(uniqueKeysWithValues: tables.map { ($0.schema.name, $0) }))
    }

    static let textMap = CQLDataType.map(key: .text, value: .text)
}
