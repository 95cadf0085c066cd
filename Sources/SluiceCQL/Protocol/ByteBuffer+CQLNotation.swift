import Foundation
import NIOCore

/// The protocol's notations (v4 §3) on NIO buffers. Readers throw `CQLProtocolError.truncated`
/// naming the field when the bytes run out, so a short message says where it broke.
extension ByteBuffer {
    // MARK: writing

    /// [string]: a [short] length and UTF-8.
    public mutating func writeCQLString(_ text: String) {
        writeInteger(UInt16(truncatingIfNeeded: text.utf8.count))
        writeString(text)
    }

    /// [long string]: an [int] length and UTF-8.
    public mutating func writeCQLLongString(_ text: String) {
        writeInteger(Int32(truncatingIfNeeded: text.utf8.count))
        writeString(text)
    }

    /// [string list]
    public mutating func writeCQLStringList(_ list: [String]) {
        writeInteger(UInt16(truncatingIfNeeded: list.count))
        for item in list { writeCQLString(item) }
    }

    /// [string map], in key order so that messages are reproducible.
    public mutating func writeCQLStringMap(_ map: [String: String]) {
        writeInteger(UInt16(truncatingIfNeeded: map.count))
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            writeCQLString(key)
            writeCQLString(value)
        }
    }

    /// [bytes]: an [int] length and the bytes; nil is null (length -1).
    public mutating func writeCQLBytes(_ bytes: [UInt8]?) {
        guard let bytes else {
            writeInteger(Int32(-1))
            return
        }
        writeInteger(Int32(truncatingIfNeeded: bytes.count))
        writeBytes(bytes)
    }

    /// [short bytes]
    public mutating func writeCQLShortBytes(_ bytes: [UInt8]) {
        writeInteger(UInt16(truncatingIfNeeded: bytes.count))
        writeBytes(bytes)
    }

    /// [uuid]: 16 bytes.
    public mutating func writeCQLUUID(_ uuid: UUID) {
        withUnsafeBytes(of: uuid.uuid) { _ = writeBytes($0) }
    }

    /// [value]: like [bytes], with -2 for "unset".
    public mutating func writeCQLValue(_ value: CQLBoundValue) {
        switch value {
        case .null: writeInteger(Int32(-1))
        case .unset: writeInteger(Int32(-2))
        case .bytes(let bytes): writeCQLBytes(bytes)
        }
    }

    // MARK: reading

    public mutating func readCQLShort(_ field: String) throws(CQLProtocolError) -> UInt16 {
        guard let value = readInteger(as: UInt16.self) else { throw .truncated(field) }
        return value
    }

    public mutating func readCQLInt(_ field: String) throws(CQLProtocolError) -> Int32 {
        guard let value = readInteger(as: Int32.self) else { throw .truncated(field) }
        return value
    }

    public mutating func readCQLLong(_ field: String) throws(CQLProtocolError) -> Int64 {
        guard let value = readInteger(as: Int64.self) else { throw .truncated(field) }
        return value
    }

    public mutating func readCQLByte(_ field: String) throws(CQLProtocolError) -> UInt8 {
        guard let value = readInteger(as: UInt8.self) else { throw .truncated(field) }
        return value
    }

    public mutating func readCQLString(_ field: String) throws(CQLProtocolError) -> String {
        let length = Int(try readCQLShort(field))
        guard let text = readString(length: length) else { throw .truncated(field) }
        return text
    }

    public mutating func readCQLLongString(_ field: String) throws(CQLProtocolError) -> String {
        let length = Int(try readCQLInt(field))
        guard length >= 0 else { throw .malformed("\(field) has a negative length \(length)") }
        guard let text = readString(length: length) else { throw .truncated(field) }
        return text
    }

    public mutating func readCQLStringList(_ field: String) throws(CQLProtocolError) -> [String] {
        let count = Int(try readCQLShort(field))
        var list: [String] = []
        list.reserveCapacity(count)
        for _ in 0..<count { list.append(try readCQLString(field)) }
        return list
    }

    public mutating func readCQLStringMap(_ field: String) throws(CQLProtocolError) -> [String: String] {
        let count = Int(try readCQLShort(field))
        var map: [String: String] = [:]
        for _ in 0..<count {
            let key = try readCQLString(field)
            map[key] = try readCQLString("\(field)[\(key)]")
        }
        return map
    }

    public mutating func readCQLStringMultimap(_ field: String) throws(CQLProtocolError) -> [String: [String]] {
        let count = Int(try readCQLShort(field))
        var map: [String: [String]] = [:]
        for _ in 0..<count {
            let key = try readCQLString(field)
            map[key] = try readCQLStringList("\(field)[\(key)]")
        }
        return map
    }

    /// [bytes]; nil for null.
    public mutating func readCQLBytes(_ field: String) throws(CQLProtocolError) -> ByteBuffer? {
        let length = Int(try readCQLInt(field))
        guard length >= 0 else { return nil }
        guard let bytes = readSlice(length: length) else { throw .truncated(field) }
        return bytes
    }

    /// [value]: bytes, null (-1) or unset (-2).
    public mutating func readCQLBoundValue(_ field: String) throws(CQLProtocolError) -> CQLBoundValue {
        let length = try readCQLInt(field)
        switch length {
        case -1: return .null
        case -2: return .unset
        case 0...:
            guard let bytes = readBytes(length: Int(length)) else { throw .truncated(field) }
            return .bytes(bytes)
        default: throw .malformed("\(field) has length \(length)")
        }
    }

    public mutating func readCQLShortBytes(_ field: String) throws(CQLProtocolError) -> [UInt8] {
        let length = Int(try readCQLShort(field))
        guard let bytes = readBytes(length: length) else { throw .truncated(field) }
        return bytes
    }

    public mutating func readCQLUUID(_ field: String) throws(CQLProtocolError) -> UUID {
        guard let bytes = readBytes(length: 16) else { throw .truncated(field) }
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    /// [inet]: an address of 4 or 16 bytes and an [int] port.
    public mutating func readCQLInet(_ field: String) throws(CQLProtocolError) -> (address: [UInt8], port: Int32) {
        let size = Int(try readCQLByte(field))
        guard size == 4 || size == 16 else { throw .malformed("\(field) has an address of \(size) bytes") }
        guard let address = readBytes(length: size) else { throw .truncated(field) }
        return (address, try readCQLInt(field))
    }
}

/// A bound value as the protocol sends it: its serialized bytes, null, or "unset" (v4 leaves the
/// column as it is, where null would write a tombstone).
public enum CQLBoundValue: Sendable, Hashable {
    case bytes([UInt8])
    case null
    case unset
}
