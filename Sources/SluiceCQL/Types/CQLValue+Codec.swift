import Foundation
import NIOCore

extension CQLValue {
    /// The value's bytes as a cell or bound value holds them (without the [bytes] length).
    public func serialized() -> [UInt8] {
        var bytes: [UInt8] = []
        append(to: &bytes)
        return bytes
    }

    private func append(to bytes: inout [UInt8]) {
        func bigEndian<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.bigEndian) { bytes += $0 } }
        func element(_ value: CQLValue?) {
            guard let value else {
                bigEndian(Int32(-1))
                return
            }
            let serialized = value.serialized()
            bigEndian(Int32(truncatingIfNeeded: serialized.count))
            bytes += serialized
        }
        switch self {
        case .ascii(let text), .text(let text): bytes += Array(text.utf8)
        case .blob(let blob), .inet(let blob): bytes += blob
        case .boolean(let value): bytes.append(value ? 1 : 0)
        case .tinyint(let value): bigEndian(value)
        case .smallint(let value): bigEndian(value)
        case .int(let value): bigEndian(value)
        case .bigint(let value), .counter(let value), .time(let value), .timestamp(let value): bigEndian(value)
        case .varint(let value): bytes += value.bytes
        case .decimal(let value):
            bigEndian(value.scale)
            bytes += value.unscaled.bytes
        case .float(let value): bigEndian(value.bitPattern)
        case .double(let value): bigEndian(value.bitPattern)
        case .date(let days): bigEndian(UInt32(truncatingIfNeeded: days + (1 << 31)))
        case .uuid(let uuid), .timeuuid(let uuid): withUnsafeBytes(of: uuid.uuid) { bytes += $0 }
        case .duration(let duration):
            CQLVInt.write(Int64(duration.months), to: &bytes)
            CQLVInt.write(Int64(duration.days), to: &bytes)
            CQLVInt.write(duration.nanoseconds, to: &bytes)
        case .list(let elements), .set(let elements):
            bigEndian(Int32(truncatingIfNeeded: elements.count))
            for value in elements { element(value) }
        case .map(let entries):
            bigEndian(Int32(truncatingIfNeeded: entries.count))
            for entry in entries {
                element(entry.key)
                element(entry.value)
            }
        case .tuple(let components), .udt(let components):
            for value in components { element(value) }
        }
    }

    /// Reads a cell of `type`. Zero bytes of a fixed-width type are CQL's "empty" value, read as null
    /// (as the DataStax drivers do).
    public static func decode(_ type: CQLDataType, from bytes: ByteBuffer) throws(CQLProtocolError) -> CQLValue? {
        var buffer = bytes
        let raw = buffer.readableBytesView
        func fixed(_ size: Int) throws(CQLProtocolError) -> Bool {
            if raw.isEmpty { return false }
            guard raw.count == size else { throw .malformed("a \(type) value of \(raw.count) bytes (needs \(size))") }
            return true
        }
        func integer<T: FixedWidthInteger>(_: T.Type) -> T {
            raw.reduce(T.zero) { $0 << 8 | T(truncatingIfNeeded: $1) }
        }
        switch type {
        case .ascii, .text:
            guard let text = String(validating: raw, as: UTF8.self), type == .text || raw.allSatisfy({ $0 < 0x80 })
            else { throw .malformed("a \(type) value with bytes that are not \(type == .ascii ? "ASCII" : "UTF-8")") }
            return type == .ascii ? .ascii(text) : .text(text)
        case .blob, .custom: return .blob(Array(raw))
        case .boolean: return try fixed(1) ? .boolean(raw.first != 0) : nil
        case .tinyint: return try fixed(1) ? .tinyint(integer(Int8.self)) : nil
        case .smallint: return try fixed(2) ? .smallint(integer(Int16.self)) : nil
        case .int: return try fixed(4) ? .int(integer(Int32.self)) : nil
        case .bigint: return try fixed(8) ? .bigint(integer(Int64.self)) : nil
        case .counter: return try fixed(8) ? .counter(integer(Int64.self)) : nil
        case .time: return try fixed(8) ? .time(integer(Int64.self)) : nil
        case .timestamp: return try fixed(8) ? .timestamp(integer(Int64.self)) : nil
        case .float: return try fixed(4) ? .float(Float(bitPattern: integer(UInt32.self))) : nil
        case .double: return try fixed(8) ? .double(Double(bitPattern: integer(UInt64.self))) : nil
        case .date: return try fixed(4) ? .date(Int64(integer(UInt32.self)) - (1 << 31)) : nil
        case .uuid: return try fixed(16) ? .uuid(try buffer.readCQLUUID("uuid")) : nil
        case .timeuuid: return try fixed(16) ? .timeuuid(try buffer.readCQLUUID("timeuuid")) : nil
        case .varint: return raw.isEmpty ? nil : .varint(CQLVarint(bytes: Array(raw)))
        case .decimal:
            if raw.isEmpty { return nil }
            let scale = try buffer.readCQLInt("decimal scale")
            guard buffer.readableBytes > 0 else { throw .truncated("decimal value") }
            return .decimal(CQLDecimal(unscaled: CQLVarint(bytes: Array(buffer.readableBytesView)), scale: scale))
        case .inet:
            if raw.isEmpty { return nil }
            guard raw.count == 4 || raw.count == 16 else { throw .malformed("an inet value of \(raw.count) bytes") }
            return .inet(Array(raw))
        case .duration:
            if raw.isEmpty { return nil }
            let array = Array(raw)
            var index = 0
            guard let months = CQLVInt.read(array, at: &index), let days = CQLVInt.read(array, at: &index),
                let nanos = CQLVInt.read(array, at: &index)
            else { throw .truncated("duration value") }
            guard let monthCount = Int32(exactly: months), let dayCount = Int32(exactly: days) else {
                throw .malformed("a duration of \(months) months and \(days) days")
            }
            return .duration(CQLDuration(months: monthCount, days: dayCount, nanoseconds: nanos))
        case .list(let element):
            return .list(try elements(of: element, in: &buffer, type: type))
        case .set(let element):
            return .set(try elements(of: element, in: &buffer, type: type))
        case .map(let keyType, let valueType):
            let count = Int(try buffer.readCQLInt("\(type) size"))
            guard count >= 0 else { throw .malformed("a \(type) of \(count) entries") }
            var entries: [MapEntry] = []
            for _ in 0..<count {
                let key = try component(keyType, in: &buffer, of: type)
                entries.append(MapEntry(key, try component(valueType, in: &buffer, of: type)))
            }
            return .map(entries)
        case .tuple(let types):
            var components: [CQLValue?] = []
            for componentType in types {
                components.append(try component(componentType, in: &buffer, of: type))
            }
            return .tuple(components)
        case .udt(_, _, let fields):
            var components: [CQLValue?] = []
            for field in fields where buffer.readableBytes > 0 {
                components.append(try component(field.type, in: &buffer, of: type))
            }
            return .udt(components)
        }
    }

    private static func elements(of element: CQLDataType, in buffer: inout ByteBuffer, type: CQLDataType)
        throws(CQLProtocolError) -> [CQLValue?]
    {
        let count = Int(try buffer.readCQLInt("\(type) size"))
        guard count >= 0 else { throw .malformed("a \(type) of \(count) elements") }
        var values: [CQLValue?] = []
        for _ in 0..<count { values.append(try component(element, in: &buffer, of: type)) }
        return values
    }

    /// One [bytes] element of a collection, tuple or user type; nil for null.
    private static func component(_ componentType: CQLDataType, in buffer: inout ByteBuffer, of type: CQLDataType)
        throws(CQLProtocolError) -> CQLValue?
    {
        guard let bytes = try buffer.readCQLBytes("an element of \(type)") else { return nil }
        return try decode(componentType, from: bytes)
    }
}
