/// Decodes the Thrift compact protocol from a byte buffer with a cursor.
///
/// Every read is bounds-checked: truncated or malicious bytes throw
/// `ParquetError(.invalidMetadata)` naming the struct being read and the byte offset. List and map
/// sizes are checked against the bytes that remain before anything is allocated, and nesting is
/// capped at `maximumDepth`, so no input can crash the reader, exhaust memory or overflow the
/// stack.
///
/// The reader borrows the buffer: use it only inside the `withUnsafeBytes` call that made it.
public struct ThriftCompactReader {
    /// The deepest nesting of structs, lists and maps accepted. Parquet metadata nests about six
    /// levels deep; a hostile file could nest millions.
    public static let maximumDepth = 64

    private let buffer: UnsafeRawBufferPointer
    /// The offset of the next unread byte.
    public private(set) var position: Int
    /// The id of the last field read in the current struct (field ids are deltas from it).
    private var lastFieldId: Int16 = 0
    private var depth = 0
    /// The struct being read, for error messages.
    private var context: StaticString = "metadata"
    /// Set by `expect` when a field's type is not the one its id requires, so `readStruct` can
    /// skip the field instead of failing.
    private var fieldTypeMismatch = false

    /// A reader of `buffer` starting at `position`.
    public init(_ buffer: UnsafeRawBufferPointer, position: Int = 0) {
        self.buffer = buffer
        self.position = max(0, min(position, buffer.count))
    }

    /// The bytes not read yet.
    public var remaining: Int { buffer.count - position }

    // MARK: Errors

    /// An `invalidMetadata` error naming the struct being read and the current offset.
    public func error(_ detail: String) -> ParquetError {
        ParquetError(.invalidMetadata, "\(detail) (in \(context) at byte \(position))")
    }

    private func truncated(_ what: String) -> ParquetError {
        error("truncated \(what)")
    }

    // MARK: Primitive values

    /// One raw byte.
    @inline(__always)
    public mutating func readByte() throws(ParquetError) -> UInt8 {
        guard position < buffer.count else { throw truncated("byte") }
        let byte = buffer[position]
        position += 1
        return byte
    }

    /// An unsigned LEB128 varint of at most 10 bytes.
    @inline(__always)
    public mutating func readVarint() throws(ParquetError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < buffer.count else { throw truncated("varint") }
            let byte = buffer[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            // A 64-bit value needs at most 10 bytes; more is malformed, not a longer number.
            guard shift < 64 else { throw error("varint longer than 10 bytes") }
        }
    }

    /// A zigzag varint as a 64-bit integer.
    @inline(__always)
    public mutating func readI64() throws(ParquetError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// A zigzag varint that must fit 32 bits.
    @inline(__always)
    public mutating func readI32() throws(ParquetError) -> Int32 {
        let value = try readI64()
        guard let narrow = Int32(exactly: value) else { throw error("i32 value \(value) out of range") }
        return narrow
    }

    /// A zigzag varint that must fit 16 bits.
    public mutating func readI16() throws(ParquetError) -> Int16 {
        let value = try readI64()
        guard let narrow = Int16(exactly: value) else { throw error("i16 value \(value) out of range") }
        return narrow
    }

    /// A single signed byte (Thrift `i8`, not zigzag encoded).
    public mutating func readI8() throws(ParquetError) -> Int8 {
        Int8(bitPattern: try readByte())
    }

    /// A little-endian IEEE 754 double.
    public mutating func readDouble() throws(ParquetError) -> Double {
        guard remaining >= 8 else { throw truncated("double") }
        var bits: UInt64 = 0
        for index in 0..<8 {
            bits |= UInt64(buffer[position + index]) << (8 * UInt64(index))
        }
        position += 8
        return Double(bitPattern: bits)
    }

    /// A boolean element of a list or set: one byte, 1 for true (writers use 2 or 0 for false).
    public mutating func readBool() throws(ParquetError) -> Bool {
        try readByte() == 1
    }

    /// The length prefix of a binary value, checked against the bytes that remain.
    private mutating func readBinaryLength() throws(ParquetError) -> Int {
        let length = try readVarint()
        guard length <= UInt64(remaining) else {
            throw error("binary length \(length) exceeds the \(remaining) remaining bytes")
        }
        return Int(length)
    }

    /// A length-prefixed byte string, copied out.
    public mutating func readBinary() throws(ParquetError) -> [UInt8] {
        let length = try readBinaryLength()
        let bytes = [UInt8](UnsafeRawBufferPointer(rebasing: buffer[position..<position + length]))
        position += length
        return bytes
    }

    /// A length-prefixed UTF-8 string (invalid sequences become U+FFFD).
    public mutating func readString() throws(ParquetError) -> String {
        let length = try readBinaryLength()
        let string = String(
            decoding: UnsafeRawBufferPointer(rebasing: buffer[position..<position + length]), as: UTF8.self)
        position += length
        return string
    }

    // MARK: Typed fields

    /// Checks that a field has the type its id requires.
    ///
    /// A mismatch makes `readStruct` skip the field, as Thrift's generated code does: some old
    /// writers used ids that the format later gave to other fields (parquet-testing's
    /// `dict-page-offset-zero.parquet` has a list in ColumnMetaData field 15). A required field
    /// skipped this way is then reported missing.
    @inline(__always)
    public mutating func expect(_ field: ThriftFieldHeader, _ type: ThriftType) throws(ParquetError) {
        guard field.type == type else {
            fieldTypeMismatch = true
            throw error("field \(field.id) has type \(field.type), expected \(type)")
        }
    }

    /// The value of a boolean field, carried in its header.
    public mutating func readBool(_ field: ThriftFieldHeader) throws(ParquetError) -> Bool {
        switch field.type {
        case .boolTrue: return true
        case .boolFalse: return false
        default:
            fieldTypeMismatch = true
            throw error("field \(field.id) has type \(field.type), expected bool")
        }
    }

    /// The value of an `i8` field.
    public mutating func readI8(_ field: ThriftFieldHeader) throws(ParquetError) -> Int8 {
        try expect(field, .byte)
        return try readI8()
    }

    /// The value of an `i16` field.
    public mutating func readI16(_ field: ThriftFieldHeader) throws(ParquetError) -> Int16 {
        try expect(field, .i16)
        return try readI16()
    }

    /// The value of an `i32` field.
    @inline(__always)
    public mutating func readI32(_ field: ThriftFieldHeader) throws(ParquetError) -> Int32 {
        try expect(field, .i32)
        return try readI32()
    }

    /// The value of an `i64` field.
    @inline(__always)
    public mutating func readI64(_ field: ThriftFieldHeader) throws(ParquetError) -> Int64 {
        try expect(field, .i64)
        return try readI64()
    }

    /// The value of a `binary` field.
    public mutating func readBinary(_ field: ThriftFieldHeader) throws(ParquetError) -> [UInt8] {
        try expect(field, .binary)
        return try readBinary()
    }

    /// The value of a `string` field.
    public mutating func readString(_ field: ThriftFieldHeader) throws(ParquetError) -> String {
        try expect(field, .binary)
        return try readString()
    }

    /// The value of a struct field.
    public mutating func readStruct<T: ThriftStruct>(_ field: ThriftFieldHeader, as type: T.Type = T.self)
        throws(ParquetError) -> T
    {
        try expect(field, .struct)
        return try T(from: &self)
    }

    /// The value of a list field whose elements are structs.
    public mutating func readList<T: ThriftStruct>(_ field: ThriftFieldHeader, of type: T.Type = T.self)
        throws(ParquetError) -> [T]
    {
        try readList(field, elementType: .struct) { (reader) throws(ParquetError) -> T in try T(from: &reader) }
    }

    /// The value of a list (or set) field whose elements have `elementType`, each read by
    /// `element`.
    public mutating func readList<T>(
        _ field: ThriftFieldHeader,
        elementType: ThriftType,
        _ element: (inout ThriftCompactReader) throws(ParquetError) -> T
    ) throws(ParquetError) -> [T] {
        guard field.type == .list || field.type == .set else {
            fieldTypeMismatch = true
            throw error("field \(field.id) has type \(field.type), expected list")
        }
        let (type, count) = try readListHeader()
        // An empty list may be written with any element type.
        guard count == 0 || type == elementType || (elementType == .boolTrue && type == .boolFalse) else {
            throw error("list in field \(field.id) has elements of type \(type), expected \(elementType)")
        }
        try enter()
        defer { depth -= 1 }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            values.append(try element(&self))
        }
        return values
    }

    // MARK: Containers

    /// A list or set header: the element type and the element count, checked against the bytes
    /// that remain (every element takes at least one byte).
    public mutating func readListHeader() throws(ParquetError) -> (elementType: ThriftType, count: Int) {
        let header = try readByte()
        var count = UInt64(header >> 4)
        if count == 15 {
            count = try readVarint()
        }
        let type = try elementType(header & 0x0F)
        guard count <= UInt64(remaining / max(1, type.minimumEncodedSize)) else {
            throw error("list of \(count) elements exceeds the \(remaining) remaining bytes")
        }
        return (type, Int(count))
    }

    /// A map header: the entry count (checked against the remaining bytes) and, for a non-empty
    /// map, the key and value types.
    public mutating func readMapHeader() throws(ParquetError) -> (
        keyType: ThriftType, valueType: ThriftType, count: Int
    ) {
        let count = try readVarint()
        guard count > 0 else { return (.stop, .stop, 0) }
        let types = try readByte()
        let keyType = try elementType(types >> 4)
        let valueType = try elementType(types & 0x0F)
        let entrySize = max(1, keyType.minimumEncodedSize) + max(1, valueType.minimumEncodedSize)
        guard count <= UInt64(remaining / entrySize) else {
            throw error("map of \(count) entries exceeds the \(remaining) remaining bytes")
        }
        return (keyType, valueType, Int(count))
    }

    private func elementType(_ nibble: UInt8) throws(ParquetError) -> ThriftType {
        guard let type = ThriftType(rawValue: nibble), type != .stop else {
            throw error("unknown element type \(nibble)")
        }
        return type
    }

    // MARK: Structs

    /// Reads a struct: calls `field` for every field header until the stop byte. The body reads
    /// the fields it knows and calls `skip(_:)` for the others.
    ///
    /// `name` names the struct in error messages.
    @inline(__always)
    public mutating func readStruct(
        _ name: StaticString,
        _ field: (inout ThriftCompactReader, ThriftFieldHeader) throws(ParquetError) -> Void
    ) throws(ParquetError) {
        let outerContext = context
        let outerFieldId = lastFieldId
        context = name
        lastFieldId = 0
        try enter()
        while let header = try readFieldHeader() {
            let start = position
            do throws(ParquetError) {
                try field(&self, header)
            } catch {
                // Only a type mismatch found before reading the value is skipped.
                guard fieldTypeMismatch, position == start else { throw error }
                fieldTypeMismatch = false
                try skipField(header)
            }
        }
        depth -= 1
        context = outerContext
        lastFieldId = outerFieldId
    }

    /// The next field header, or nil at the struct's stop byte.
    public mutating func readFieldHeader() throws(ParquetError) -> ThriftFieldHeader? {
        let byte = try readByte()
        if byte == 0 { return nil }
        let type = ThriftType(rawValue: byte & 0x0F)
        guard let type, type != .stop else { throw error("unknown field type \(byte & 0x0F)") }
        let delta = Int16(byte >> 4)
        let id: Int16
        if delta == 0 {
            id = try readI16()
        } else {
            // Deltas are 1...15, so the sum only overflows past an id near Int16.max.
            let (sum, overflow) = lastFieldId.addingReportingOverflow(delta)
            guard !overflow else { throw error("field id overflows") }
            id = sum
        }
        lastFieldId = id
        return ThriftFieldHeader(id: id, type: type)
    }

    /// Notes one more level of nesting, refusing to go past `maximumDepth`.
    @inline(__always)
    private mutating func enter() throws(ParquetError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            depth -= 1
            throw error("nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    // MARK: Skipping

    /// Skips the value of a field this reader does not know, of any type, so files from newer
    /// writers still read.
    public mutating func skip(_ field: ThriftFieldHeader) throws(ParquetError) {
        try skipField(field)
    }

    /// Skips one value of `type`.
    public mutating func skip(_ type: ThriftType) throws(ParquetError) {
        switch type {
        case .stop:
            throw error("unexpected stop type")
        case .boolTrue, .boolFalse:
            // Only list, set and map elements get here: a field's value is in its header.
            _ = try readByte()
        case .byte:
            _ = try readByte()
        case .i16, .i32, .i64:
            _ = try readVarint()
        case .double:
            guard remaining >= 8 else { throw truncated("double") }
            position += 8
        case .binary:
            let length = try readBinaryLength()
            position += length
        case .list, .set:
            let (elementType, count) = try readListHeader()
            try enter()
            defer { depth -= 1 }
            for _ in 0..<count {
                try skip(elementType)
            }
        case .map:
            let (keyType, valueType, count) = try readMapHeader()
            try enter()
            defer { depth -= 1 }
            for _ in 0..<count {
                try skip(keyType)
                try skip(valueType)
            }
        case .struct:
            try readStruct(context) { (reader, header) throws(ParquetError) in
                try reader.skipField(header)
            }
        }
    }

    /// Skips a field's value; a boolean field's value is in its header and takes no bytes.
    @inline(__always)
    private mutating func skipField(_ header: ThriftFieldHeader) throws(ParquetError) {
        if header.type == .boolTrue || header.type == .boolFalse { return }
        try skip(header.type)
    }
}
