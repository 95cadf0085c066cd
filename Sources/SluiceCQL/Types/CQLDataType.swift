import NIOCore

/// A CQL column type, as the protocol describes it in an [option] (v4 §4.2.5.2).
public indirect enum CQLDataType: Sendable, Hashable, CustomStringConvertible {
    /// A type the server names by its Java class (`org.apache.cassandra.db.marshal.…`).
    case custom(String)
    case ascii, bigint, blob, boolean, counter, decimal, double, float, int, timestamp, uuid, text, varint
    case timeuuid, inet, date, time, smallint, tinyint, duration
    case list(CQLDataType)
    case map(key: CQLDataType, value: CQLDataType)
    case set(CQLDataType)
    case udt(keyspace: String, name: String, fields: [Field])
    case tuple([CQLDataType])

    /// One field of a user-defined type.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var type: CQLDataType

        public init(_ name: String, _ type: CQLDataType) {
            self.name = name
            self.type = type
        }
    }

    /// Cassandra sends `duration` as this custom class on protocol v4 (ScyllaDB sends id 0x0015).
    public static let durationClass = "org.apache.cassandra.db.marshal.DurationType"

    private static let simpleTypes: [UInt16: CQLDataType] = [
        0x0001: .ascii, 0x0002: .bigint, 0x0003: .blob, 0x0004: .boolean, 0x0005: .counter, 0x0006: .decimal,
        0x0007: .double, 0x0008: .float, 0x0009: .int, 0x000A: .text, 0x000B: .timestamp, 0x000C: .uuid,
        0x000D: .text, 0x000E: .varint, 0x000F: .timeuuid, 0x0010: .inet, 0x0011: .date, 0x0012: .time,
        0x0013: .smallint, 0x0014: .tinyint, 0x0015: .duration,
    ]

    /// Reads an [option].
    public static func read(from buffer: inout ByteBuffer) throws(CQLProtocolError) -> CQLDataType {
        let id = try buffer.readCQLShort("type id")
        if let simple = simpleTypes[id] { return simple }
        switch id {
        case 0x0000:
            let name = try buffer.readCQLString("custom type class")
            return name == durationClass ? .duration : .custom(name)
        case 0x0020: return .list(try read(from: &buffer))
        case 0x0021: return .map(key: try read(from: &buffer), value: try read(from: &buffer))
        case 0x0022: return .set(try read(from: &buffer))
        case 0x0030:
            let keyspace = try buffer.readCQLString("user type keyspace")
            let name = try buffer.readCQLString("user type name")
            let count = Int(try buffer.readCQLShort("user type field count"))
            var fields: [Field] = []
            for _ in 0..<count {
                let fieldName = try buffer.readCQLString("user type field name")
                fields.append(Field(fieldName, try read(from: &buffer)))
            }
            return .udt(keyspace: keyspace, name: name, fields: fields)
        case 0x0031:
            let count = Int(try buffer.readCQLShort("tuple size"))
            var types: [CQLDataType] = []
            for _ in 0..<count { types.append(try read(from: &buffer)) }
            return .tuple(types)
        default:
            throw .malformed("unknown type id 0x\(String(id, radix: 16))")
        }
    }

    /// Writes the [option] (what a server puts in result metadata).
    public func write(to buffer: inout ByteBuffer) {
        switch self {
        case .custom(let name):
            buffer.writeInteger(UInt16(0x0000))
            buffer.writeCQLString(name)
        case .list(let element):
            buffer.writeInteger(UInt16(0x0020))
            element.write(to: &buffer)
        case .map(let key, let value):
            buffer.writeInteger(UInt16(0x0021))
            key.write(to: &buffer)
            value.write(to: &buffer)
        case .set(let element):
            buffer.writeInteger(UInt16(0x0022))
            element.write(to: &buffer)
        case .udt(let keyspace, let name, let fields):
            buffer.writeInteger(UInt16(0x0030))
            buffer.writeCQLString(keyspace)
            buffer.writeCQLString(name)
            buffer.writeInteger(UInt16(truncatingIfNeeded: fields.count))
            for field in fields {
                buffer.writeCQLString(field.name)
                field.type.write(to: &buffer)
            }
        case .tuple(let types):
            buffer.writeInteger(UInt16(0x0031))
            buffer.writeInteger(UInt16(truncatingIfNeeded: types.count))
            for type in types { type.write(to: &buffer) }
        default:
            let id = Self.simpleTypes.filter { $0.value == self && $0.key != 0x000A }.keys.min() ?? 0
            buffer.writeInteger(id)
        }
    }

    /// The CQL spelling: `map<text, frozen<list<int>>>`.
    public var description: String {
        switch self {
        case .custom(let name): return "'\(name)'"
        case .list(let element): return "list<\(element.nested)>"
        case .set(let element): return "set<\(element.nested)>"
        case .map(let key, let value): return "map<\(key.nested), \(value.nested)>"
        case .tuple(let types): return "tuple<" + types.map(\.nested).joined(separator: ", ") + ">"
        case .udt(let keyspace, let name, _): return "\(keyspace).\(name)"
        case .ascii: return "ascii"
        case .bigint: return "bigint"
        case .blob: return "blob"
        case .boolean: return "boolean"
        case .counter: return "counter"
        case .decimal: return "decimal"
        case .double: return "double"
        case .float: return "float"
        case .int: return "int"
        case .timestamp: return "timestamp"
        case .uuid: return "uuid"
        case .text: return "text"
        case .varint: return "varint"
        case .timeuuid: return "timeuuid"
        case .inet: return "inet"
        case .date: return "date"
        case .time: return "time"
        case .smallint: return "smallint"
        case .tinyint: return "tinyint"
        case .duration: return "duration"
        }
    }

    /// Collections, tuples and user types inside another type are frozen.
    private var nested: String {
        switch self {
        case .list, .set, .map, .udt: return "frozen<\(description)>"
        default: return description
        }
    }
}
