import Foundation
import NIOCore
import SluiceCQL

/// Turns a statement's terms into values of a column's type: literals are parsed as Cassandra
/// parses them, markers take their bound bytes.
struct TermConverter {
    let bound: BoundValues

    /// The serialized value, null, or unset (a marker bound as unset).
    func bytes(_ term: CQLTerm, as type: CQLDataType, column: String) throws(CQLServerError) -> CQLBoundValue {
        if case .marker(let index, let name) = term {
            let value = try bound.value(at: index, name: name)
            guard case .bytes(let bytes) = value else { return value }
            try Self.validate(bytes, as: type, column: column)
            guard Self.holdsUnorderedCollection(type) else { return value }
            // Sets and maps are kept in their elements' order whatever order the client sent, as
            // Cassandra keeps them.
            let decoded = try self.value(term, as: type, column: column)
            return decoded.map { .bytes(Self.normalized($0).serialized()) } ?? .null
        }
        guard let value = try self.value(term, as: type, column: column) else { return .null }
        return .bytes(value.serialized())
    }

    func value(_ term: CQLTerm, as type: CQLDataType, column: String) throws(CQLServerError) -> CQLValue? {
        func invalid() -> CQLServerError {
            CQLServerError.invalid("Invalid literal \(term) for column \(column) of type \(type)")
        }
        switch (term, type) {
        case (.null, _): return nil
        case (.marker(let index, let name), _):
            guard case .bytes(let bytes) = try bound.value(at: index, name: name) else { return nil }
            do {
                return try CQLValue.decode(type, from: ByteBuffer(bytes: bytes))
            } catch {
                throw CQLServerError.invalid("Invalid value for column \(column) of type \(type): \(error)")
            }
        case (.function(let name, let arguments), _):
            return try function(name, arguments, as: type, column: column)
        case (.number(let text), _):
            guard let value = Self.number(text, as: type) else { throw invalid() }
            return value
        case (.string(let text), .ascii): return .ascii(text)
        case (.string(let text), .text): return .text(text)
        case (.string(let text), .timestamp):
            guard let millis = CQLLiterals.timestamp(text) else { throw invalid() }
            return .timestamp(millis)
        case (.string(let text), .date):
            guard let days = CQLLiterals.date(text) else { throw invalid() }
            return .date(days)
        case (.string(let text), .time):
            guard let nanos = CQLLiterals.time(text) else { throw invalid() }
            return .time(nanos)
        case (.string(let text), .inet):
            guard let address = CQLLiterals.inet(text) else { throw invalid() }
            return .inet(address)
        case (.string(let text), .uuid), (.uuid(let text), .uuid):
            guard let uuid = UUID(uuidString: text) else { throw invalid() }
            return .uuid(uuid)
        case (.string(let text), .timeuuid), (.uuid(let text), .timeuuid):
            guard let uuid = UUID(uuidString: text) else { throw invalid() }
            return .timeuuid(uuid)
        case (.boolean(let flag), .boolean): return .boolean(flag)
        case (.blob(let bytes), .blob): return .blob(bytes)
        case (.duration(let text), .duration):
            guard let duration = CQLLiterals.duration(text) else { throw invalid() }
            return .duration(duration)
        case (.list(let elements), .list(let element)):
            return .list(
                try elements.map { (term) throws(CQLServerError) in try value(term, as: element, column: column) })
        case (.list(let elements), .set(let element)), (.set(let elements), .set(let element)):
            let values = try elements.map { (term) throws(CQLServerError) in
                try value(term, as: element, column: column)
            }
            return .set(Self.sortedUnique(values))
        case (.set(let elements), .map) where elements.isEmpty: return .map([])
        case (.map(let entries), .map(let keyType, let valueType)):
            var pairs: [CQLValue.MapEntry] = []
            for (key, entryValue) in entries {
                pairs.append(
                    .init(
                        try value(key, as: keyType, column: column),
                        try value(entryValue, as: valueType, column: column)))
            }
            pairs.sort { CQLValueOrder.compare($0.key, $1.key) < 0 }
            return .map(pairs)
        case (.tuple(let elements), .tuple(let types)):
            guard elements.count <= types.count else { throw invalid() }
            var values: [CQLValue?] = []
            for (term, elementType) in zip(elements, types) {
                values.append(try value(term, as: elementType, column: column))
            }
            return .tuple(values)
        case (.udt(let fields), .udt(_, _, let definitions)):
            var values = [CQLValue?](repeating: nil, count: definitions.count)
            for (field, term) in fields {
                guard let index = definitions.firstIndex(where: { $0.name == field }) else {
                    throw CQLServerError.invalid("Unknown field \(field) in value for column \(column) of type \(type)")
                }
                values[index] = try value(term, as: definitions[index].type, column: column)
            }
            return .udt(values)
        default:
            throw invalid()
        }
    }

    private func function(_ name: String, _ arguments: [CQLTerm], as type: CQLDataType, column: String)
        throws(CQLServerError) -> CQLValue?
    {
        let nowMillis = Int64(Date().timeIntervalSince1970 * 1000)
        switch (name, type) {
        case ("now", .timeuuid): return .timeuuid(CQLLiterals.timeuuid(millis: nowMillis))
        case ("uuid", .uuid): return .uuid(UUID())
        case ("currenttimestamp", .timestamp), ("totimestamp", .timestamp): return .timestamp(nowMillis)
        case ("currentdate", .date), ("todate", .date): return .date(nowMillis / 86_400_000)
        case ("textasblob", .blob), ("varcharasblob", .blob):
            guard
                case .text(let text)? = try arguments.first.map({ (term) throws(CQLServerError) in
                    try value(term, as: .text, column: column)
                })
            else {
                throw CQLServerError.invalid("textAsBlob needs a text argument")
            }
            return .blob(Array(text.utf8))
        default:
            throw CQLServerError.invalid("Function \(name) returning \(type) is not supported by the test server")
        }
    }

    /// Refuses a bound value that is not a value of the column's type, as a server would. Fixed-size
    /// types need only their size checked; text is checked as UTF-8; others are decoded.
    static func validate(_ bytes: [UInt8], as type: CQLDataType, column: String) throws(CQLServerError) {
        let size: Int?
        switch type {
        case .boolean, .tinyint: size = 1
        case .smallint: size = 2
        case .int, .float, .date: size = 4
        case .bigint, .counter, .double, .timestamp, .time: size = 8
        case .uuid, .timeuuid: size = 16
        case .blob, .custom: return
        case .ascii: size = bytes.allSatisfy { $0 < 0x80 } ? nil : -1
        case .text: size = String(validating: bytes, as: UTF8.self) == nil ? -1 : nil
        default:
            do {
                _ = try CQLValue.decode(type, from: ByteBuffer(bytes: bytes))
            } catch {
                throw CQLServerError.invalid("Invalid value for column \(column) of type \(type): \(error)")
            }
            return
        }
        if let size, bytes.count != size {
            throw CQLServerError.invalid(
                "Invalid value for column \(column) of type \(type): \(size < 0 ? "not \(type)" : "expected \(size) bytes, got \(bytes.count)")"
            )
        }
    }

    static func holdsUnorderedCollection(_ type: CQLDataType) -> Bool {
        switch type {
        case .set, .map: return true
        case .list(let element): return holdsUnorderedCollection(element)
        case .tuple(let elements): return elements.contains(where: holdsUnorderedCollection)
        case .udt(_, _, let fields): return fields.contains { holdsUnorderedCollection($0.type) }
        default: return false
        }
    }

    /// The value with every set's elements and map's keys in order.
    static func normalized(_ value: CQLValue) -> CQLValue {
        func each(_ values: [CQLValue?]) -> [CQLValue?] { values.map { $0.map(normalized) } }
        switch value {
        case .set(let elements): return .set(sortedUnique(each(elements)))
        case .map(let entries):
            let normalizedEntries = entries.map { CQLValue.MapEntry($0.key.map(normalized), $0.value.map(normalized)) }
            return .map(normalizedEntries.sorted { CQLValueOrder.compare($0.key, $1.key) < 0 })
        case .list(let elements): return .list(each(elements))
        case .tuple(let elements): return .tuple(each(elements))
        case .udt(let fields): return .udt(each(fields))
        default: return value
        }
    }

    /// A number literal as the column's type.
    static func number(_ text: String, as type: CQLDataType) -> CQLValue? {
        switch type {
        case .tinyint: return Int8(text).map(CQLValue.tinyint)
        case .smallint: return Int16(text).map(CQLValue.smallint)
        case .int: return Int32(text).map(CQLValue.int)
        case .bigint: return Int64(text).map(CQLValue.bigint)
        case .counter: return Int64(text).map(CQLValue.counter)
        case .timestamp: return Int64(text).map(CQLValue.timestamp)
        case .time: return Int64(text).map(CQLValue.time)
        case .varint: return Int128(text).map { .varint(CQLVarint($0)) }
        case .float: return Float(text).map(CQLValue.float)
        case .double: return Double(text).map(CQLValue.double)
        case .decimal: return CQLLiterals.decimal(text).map(CQLValue.decimal)
        default: return nil
        }
    }

    /// Set elements in the type's order, without repeats.
    static func sortedUnique(_ values: [CQLValue?]) -> [CQLValue?] {
        var sorted = values.sorted { CQLValueOrder.compare($0, $1) < 0 }
        var index = 1
        while index < sorted.count {
            if CQLValueOrder.compare(sorted[index - 1], sorted[index]) == 0 {
                sorted.remove(at: index)
            } else {
                index += 1
            }
        }
        return sorted
    }
}
