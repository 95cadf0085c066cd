/// A keyspace: its replication settings, tables and user types.
struct KeyspaceDefinition: Sendable {
    var name: String
    var replication: [String: String]
    var durableWrites: Bool
    var tables: [String: TableStore] = [:]
    var types: [String: UserTypeDefinition] = [:]
}
