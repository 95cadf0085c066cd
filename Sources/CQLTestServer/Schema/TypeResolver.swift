import SluiceCQL

/// Turns a type as written into a protocol type, looking user types up in their keyspace.
struct TypeResolver {
    let keyspace: String
    let types: (String, String) -> UserTypeDefinition?

    func resolve(_ syntax: CQLTypeSyntax) throws(CQLServerError) -> CQLDataType {
        switch syntax {
        case .named(let name):
            switch name {
            case "ascii": return .ascii
            case "bigint": return .bigint
            case "blob": return .blob
            case "boolean": return .boolean
            case "counter": return .counter
            case "date": return .date
            case "decimal": return .decimal
            case "double": return .double
            case "duration": return .duration
            case "float": return .float
            case "inet": return .inet
            case "int": return .int
            case "smallint": return .smallint
            case "text", "varchar": return .text
            case "time": return .time
            case "timestamp": return .timestamp
            case "timeuuid": return .timeuuid
            case "tinyint": return .tinyint
            case "uuid": return .uuid
            case "varint": return .varint
            default: throw CQLServerError(code: CQLServerError.Code.invalid, message: "Unknown type \(name)")
            }
        case .frozen(let inner): return try resolve(inner)
        case .list(let element): return .list(try resolve(element))
        case .set(let element): return .set(try resolve(element))
        case .map(let key, let value): return .map(key: try resolve(key), value: try resolve(value))
        case .tuple(let elements):
            var types: [CQLDataType] = []
            for element in elements { types.append(try resolve(element)) }
            return .tuple(types)
        case .user(let typeKeyspace, let name):
            guard let definition = types(typeKeyspace ?? keyspace, name) else {
                throw CQLServerError(
                    code: CQLServerError.Code.invalid, message: "Unknown type \(typeKeyspace ?? keyspace).\(name)")
            }
            return definition.type
        }
    }
}
