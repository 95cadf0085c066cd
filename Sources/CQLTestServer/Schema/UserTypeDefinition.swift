import SluiceCQL

/// A user-defined type (CREATE TYPE).
struct UserTypeDefinition: Sendable {
    var keyspace: String
    var name: String
    var fields: [CQLDataType.Field]

    var type: CQLDataType { .udt(keyspace: keyspace, name: name, fields: fields) }
}
