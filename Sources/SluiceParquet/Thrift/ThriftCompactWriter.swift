/// Encodes the Thrift compact protocol into a byte array (footers and page headers).
///
/// Structs are written with `writeStruct(_:)`, which tracks the field-id deltas and appends the
/// stop byte; fields with an optional value are left out when the value is nil.
public struct ThriftCompactWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    private var lastFieldId: Int16 = 0

    /// An empty writer.
    public init() {}

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: Primitive values

    /// One raw byte.
    public mutating func writeByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// An unsigned LEB128 varint.
    public mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A zigzag varint (Thrift `i16`, `i32` and `i64`).
    public mutating func writeI64(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// A zigzag varint.
    public mutating func writeI32(_ value: Int32) {
        writeI64(Int64(value))
    }

    /// A single signed byte (Thrift `i8`).
    public mutating func writeI8(_ value: Int8) {
        bytes.append(UInt8(bitPattern: value))
    }

    /// A little-endian IEEE 754 double.
    public mutating func writeDouble(_ value: Double) {
        let bits = value.bitPattern
        for index in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(index))))
        }
    }

    /// A boolean list element: 1 for true, 2 for false (what the reference implementations write).
    public mutating func writeBool(_ value: Bool) {
        bytes.append(value ? 1 : 2)
    }

    /// A length-prefixed byte string.
    public mutating func writeBinary(_ value: [UInt8]) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// A length-prefixed UTF-8 string.
    public mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    // MARK: Structure

    /// Writes a struct: `body` writes the fields in increasing id order, then the stop byte
    /// follows.
    public mutating func writeStruct(_ body: (inout ThriftCompactWriter) -> Void) {
        let outerFieldId = lastFieldId
        lastFieldId = 0
        body(&self)
        bytes.append(0)
        lastFieldId = outerFieldId
    }

    /// A field header: a one-byte delta form when the id is 1...15 past the previous one, else the
    /// type byte followed by the id.
    public mutating func writeFieldHeader(_ id: Int16, _ type: ThriftType) {
        let delta = Int(id) - Int(lastFieldId)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeI64(Int64(id))
        }
        lastFieldId = id
    }

    /// A list or set header.
    public mutating func writeListHeader(_ elementType: ThriftType, count: Int) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType.rawValue)
        } else {
            bytes.append(0xF0 | elementType.rawValue)
            writeVarint(UInt64(count))
        }
    }

    /// A map header.
    public mutating func writeMapHeader(keyType: ThriftType, valueType: ThriftType, count: Int) {
        writeVarint(UInt64(count))
        if count > 0 {
            bytes.append(keyType.rawValue << 4 | valueType.rawValue)
        }
    }

    // MARK: Fields

    /// A boolean field (its value travels in the header).
    public mutating func writeField(_ id: Int16, bool value: Bool?) {
        guard let value else { return }
        writeFieldHeader(id, value ? .boolTrue : .boolFalse)
    }

    /// An `i8` field.
    public mutating func writeField(_ id: Int16, i8 value: Int8?) {
        guard let value else { return }
        writeFieldHeader(id, .byte)
        writeI8(value)
    }

    /// An `i16` field.
    public mutating func writeField(_ id: Int16, i16 value: Int16?) {
        guard let value else { return }
        writeFieldHeader(id, .i16)
        writeI64(Int64(value))
    }

    /// An `i32` field.
    public mutating func writeField(_ id: Int16, i32 value: Int32?) {
        guard let value else { return }
        writeFieldHeader(id, .i32)
        writeI32(value)
    }

    /// An `i64` field.
    public mutating func writeField(_ id: Int16, i64 value: Int64?) {
        guard let value else { return }
        writeFieldHeader(id, .i64)
        writeI64(value)
    }

    /// A `binary` field.
    public mutating func writeField(_ id: Int16, binary value: [UInt8]?) {
        guard let value else { return }
        writeFieldHeader(id, .binary)
        writeBinary(value)
    }

    /// A `string` field.
    public mutating func writeField(_ id: Int16, string value: String?) {
        guard let value else { return }
        writeFieldHeader(id, .binary)
        writeString(value)
    }

    /// A struct field.
    public mutating func writeField<T: ThriftStruct>(_ id: Int16, struct value: T?) {
        guard let value else { return }
        writeFieldHeader(id, .struct)
        value.write(to: &self)
    }

    /// A list-of-structs field.
    public mutating func writeField<T: ThriftStruct>(_ id: Int16, list values: [T]?) {
        writeField(id, list: values, elementType: .struct) { writer, value in value.write(to: &writer) }
    }

    /// A list field whose elements have `elementType`, each written by `element`.
    public mutating func writeField<T>(
        _ id: Int16,
        list values: [T]?,
        elementType: ThriftType,
        _ element: (inout ThriftCompactWriter, T) -> Void
    ) {
        guard let values else { return }
        writeFieldHeader(id, .list)
        writeListHeader(elementType, count: values.count)
        for value in values {
            element(&self, value)
        }
    }
}
