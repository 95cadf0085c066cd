import SluiceCore

/// One table of a FlatBuffers message (Arrow IPC metadata is FlatBuffers), read in place.
///
/// Only what Arrow's `Message.fbs` and `Schema.fbs` need: scalars, strings, tables, unions and
/// vectors of tables or structs. Every offset is checked against the message, so a damaged message
/// fails with `ArrowIPCError` instead of reading outside it. Fields are addressed by slot, their
/// position in the schema's table (a union takes two slots: its type, then its value).
struct FlatBufferTable {
    /// The whole FlatBuffers message.
    let bytes: Buffer
    /// Where this table starts in `bytes`.
    let position: Int
    /// What the table is, for error messages ("Schema", "Field 'name'").
    let what: String

    /// The root table of a message.
    init(root bytes: Buffer, what: String) throws(ArrowIPCError) {
        let start = FlatBufferTable(bytes: bytes, position: 0, what: what)
        self = try FlatBufferTable(bytes: bytes, position: try start.uoffset(at: 0), what: what).checked()
    }

    private init(bytes: Buffer, position: Int, what: String) {
        self.bytes = bytes
        self.position = position
        self.what = what
    }

    /// Checks that the vtable lies inside the message.
    private func checked() throws(ArrowIPCError) -> FlatBufferTable {
        let vtable = try vtablePosition()
        let vtableSize = Int(try load(UInt16.self, at: vtable))
        guard vtableSize >= 4, vtableSize % 2 == 0, vtable + vtableSize <= bytes.byteCount else {
            throw failure("its vtable (\(vtableSize) bytes at \(vtable)) does not fit")
        }
        return self
    }

    func failure(_ problem: String) -> ArrowIPCError {
        ArrowIPCError("malformed \(what): \(problem)")
    }

    private func load<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) throws(ArrowIPCError) -> T {
        guard offset >= 0, offset + MemoryLayout<T>.size <= bytes.byteCount else {
            throw failure("offset \(offset) is outside the \(bytes.byteCount)-byte message")
        }
        return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }

    /// The target of the unsigned offset stored at `offset` (offsets count from where they are stored).
    private func uoffset(at offset: Int) throws(ArrowIPCError) -> Int {
        offset + Int(try load(UInt32.self, at: offset))
    }

    private func vtablePosition() throws(ArrowIPCError) -> Int {
        position - Int(try load(Int32.self, at: position))
    }

    /// Where field `slot` is stored, or nil when the table leaves it out (it has its default then).
    private func fieldPosition(_ slot: Int) throws(ArrowIPCError) -> Int? {
        let vtable = try vtablePosition()
        let vtableSize = Int(try load(UInt16.self, at: vtable))
        let entry = 4 + 2 * slot
        guard entry < vtableSize else { return nil }
        let offset = Int(try load(UInt16.self, at: vtable + entry))
        return offset == 0 ? nil : position + offset
    }

    func scalar<T: FixedWidthInteger>(_ slot: Int, default value: T) throws(ArrowIPCError) -> T {
        guard let field = try fieldPosition(slot) else { return value }
        return try load(T.self, at: field)
    }

    func bool(_ slot: Int, default value: Bool = false) throws(ArrowIPCError) -> Bool {
        try scalar(slot, default: UInt8(value ? 1 : 0)) != 0
    }

    func string(_ slot: Int) throws(ArrowIPCError) -> String? {
        guard let field = try fieldPosition(slot) else { return nil }
        let (start, count) = try vector(at: try uoffset(at: field), elementSize: 1)
        return bytes.slice(byteOffset: start, byteCount: count).withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    func table(_ slot: Int, what: String) throws(ArrowIPCError) -> FlatBufferTable? {
        guard let field = try fieldPosition(slot) else { return nil }
        return try FlatBufferTable(bytes: bytes, position: try uoffset(at: field), what: what).checked()
    }

    /// The tables of a vector of tables (empty when the field is absent).
    func tables(_ slot: Int, what: (Int) -> String) throws(ArrowIPCError) -> [FlatBufferTable] {
        guard let field = try fieldPosition(slot) else { return [] }
        let (start, count) = try vector(at: try uoffset(at: field), elementSize: 4)
        var tables: [FlatBufferTable] = []
        tables.reserveCapacity(count)
        for index in 0..<count {
            let element = start + 4 * index
            let table = FlatBufferTable(bytes: bytes, position: try uoffset(at: element), what: what(index))
            tables.append(try table.checked())
        }
        return tables
    }

    /// A vector of structs made of little-endian Int64s (Arrow's FieldNode and Buffer), read in
    /// place (empty when the field is absent).
    func int64Structs(_ slot: Int, fieldsPerStruct: Int) throws(ArrowIPCError) -> FlatBufferInt64Structs {
        guard let field = try fieldPosition(slot) else {
            return FlatBufferInt64Structs(bytes: bytes, start: 0, count: 0, fieldsPerStruct: fieldsPerStruct)
        }
        let (start, count) = try vector(at: try uoffset(at: field), elementSize: 8 * fieldsPerStruct)
        return FlatBufferInt64Structs(bytes: bytes, start: start, count: count, fieldsPerStruct: fieldsPerStruct)
    }

    /// A vector's first element and element count, checked to lie inside the message.
    private func vector(at position: Int, elementSize: Int) throws(ArrowIPCError) -> (start: Int, count: Int) {
        let count = Int(try load(UInt32.self, at: position))
        let start = position + 4
        guard count <= (bytes.byteCount - start) / elementSize else {
            throw failure("a vector of \(count) elements at \(position) runs past the message")
        }
        return (start, count)
    }
}
