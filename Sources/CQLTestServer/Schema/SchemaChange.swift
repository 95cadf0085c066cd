import SluiceCQL

/// One DDL statement's effect on the keyspaces.
enum SchemaChange: Sendable {
    case createKeyspace(KeyspaceDefinition, ifNotExists: Bool)
    case createTable(TableSchema, ifNotExists: Bool)
    case createType(UserTypeDefinition, ifNotExists: Bool)
    case dropKeyspace(String, ifExists: Bool)
    case dropTable(keyspace: String, name: String, ifExists: Bool)
    case dropType(keyspace: String, name: String, ifExists: Bool)

    /// The keyspaces Sluice's test server will not let a client change.
    static let systemKeyspaces: Set<String> = [
        "system", "system_schema", "system_auth", "system_distributed", "system_traces",
    ]

    func apply(to keyspaces: inout [String: KeyspaceDefinition]) throws(CQLServerError) -> Bool {
        switch self {
        case .createKeyspace(let keyspace, let ifNotExists):
            if keyspaces[keyspace.name] != nil {
                if ifNotExists { return false }
                throw Self.alreadyExists(keyspace.name, "", "Keyspace \(keyspace.name) already exists")
            }
            keyspaces[keyspace.name] = keyspace
        case .createTable(let schema, let ifNotExists):
            try Self.requireUserKeyspace(schema.keyspace)
            guard keyspaces[schema.keyspace] != nil else { throw Self.noKeyspace(schema.keyspace) }
            if keyspaces[schema.keyspace]?.tables[schema.name] != nil {
                if ifNotExists { return false }
                throw Self.alreadyExists(
                    schema.keyspace, schema.name, "Object \(schema.keyspace).\(schema.name) already exists")
            }
            keyspaces[schema.keyspace]?.tables[schema.name] = TableStore(schema: schema)
        case .createType(let type, let ifNotExists):
            guard keyspaces[type.keyspace] != nil else { throw Self.noKeyspace(type.keyspace) }
            if keyspaces[type.keyspace]?.types[type.name] != nil {
                if ifNotExists { return false }
                throw Self.alreadyExists(
                    type.keyspace, type.name, "A user type of name \(type.keyspace).\(type.name) already exists")
            }
            keyspaces[type.keyspace]?.types[type.name] = type
        case .dropKeyspace(let name, let ifExists):
            try Self.requireUserKeyspace(name)
            guard keyspaces.removeValue(forKey: name) != nil else {
                if ifExists { return false }
                throw CQLServerError(
                    code: CQLServerError.Code.configError, message: "Cannot drop non existing keyspace '\(name)'.")
            }
        case .dropTable(let keyspace, let name, let ifExists):
            try Self.requireUserKeyspace(keyspace)
            guard keyspaces[keyspace]?.tables.removeValue(forKey: name) != nil else {
                if ifExists { return false }
                throw CQLServerError(
                    code: CQLServerError.Code.configError,
                    message: "Cannot drop non existing table '\(name)' in keyspace '\(keyspace)'.")
            }
        case .dropType(let keyspace, let name, let ifExists):
            guard keyspaces[keyspace]?.types.removeValue(forKey: name) != nil else {
                if ifExists { return false }
                throw CQLServerError.invalid("No user type named \(keyspace).\(name) exists.")
            }
        }
        return true
    }

    private static func requireUserKeyspace(_ name: String) throws(CQLServerError) {
        if systemKeyspaces.contains(name) {
            throw CQLServerError(
                code: CQLServerError.Code.unauthorized, message: "\(name) keyspace is not user-modifiable.")
        }
    }

    private static func noKeyspace(_ name: String) -> CQLServerError {
        CQLServerError.invalid("Keyspace \(name) does not exist")
    }

    private static func alreadyExists(_ keyspace: String, _ table: String, _ message: String) -> CQLServerError {
        CQLServerError(
            code: CQLServerError.Code.alreadyExists, message: message,
            details: .alreadyExists(keyspace: keyspace, table: table))
    }
}
