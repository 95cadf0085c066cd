/// Serializes a `FlatBufferObject` tree front to back.
///
/// Flatbuffer offsets to tables, strings and vectors are unsigned and point forward, so every
/// object is written after the one that refers to it: a table leaves a zero placeholder for each
/// object field and queues the object, and the queue is drained in order, patching each
/// placeholder with the distance to where its object landed. Each table's vtable sits just before
/// it. Scalars are aligned to their size relative to the start of the buffer, which is what
/// flatbuffer verifiers check, so the result must be embedded at an 8-aligned position.
struct FlatBufferSerializer {
    private var bytes: [UInt8] = []
    /// Objects still to write, with the position of the offset that must point at each.
    private var pending: [(offsetPosition: Int, object: FlatBufferObject)] = []

    /// The buffer whose root is `root` (a table).
    static func serialize(root: FlatBufferObject) -> [UInt8] {
        var serializer = FlatBufferSerializer()
        serializer.bytes = [0, 0, 0, 0]
        serializer.pending = [(0, root)]
        var next = 0
        while next < serializer.pending.count {
            let (offsetPosition, object) = serializer.pending[next]
            next += 1
            let position = serializer.write(object)
            serializer.store(UInt32(position - offsetPosition), at: offsetPosition)
        }
        serializer.align(to: 8)
        return serializer.bytes
    }

    /// Writes `object`, queueing the objects it refers to; returns the position offsets point at.
    private mutating func write(_ object: FlatBufferObject) -> Int {
        switch object {
        case .table(let fields):
            return writeTable(fields)
        case .string(let text):
            align(to: 4)
            let position = bytes.count
            let utf8 = Array(text.utf8)
            append(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
            bytes.append(0)
            return position
        case .tables(let elements):
            align(to: 4)
            let position = bytes.count
            append(UInt32(elements.count))
            for element in elements {
                pending.append((bytes.count, element))
                append(UInt32(0))
            }
            return position
        case .int64s(let values):
            // The elements, not the length before them, must be 8-aligned.
            align(to: 8)
            append(UInt32(0))
            let position = bytes.count
            append(UInt32(values.count))
            for value in values { append(value) }
            return position
        }
    }

    private mutating func writeTable(_ fields: [FlatBufferField]) -> Int {
        // Widest fields first keeps every field aligned once the table starts 8-aligned.
        let order = fields.indices.filter { fields[$0].inlineSize > 0 }
            .sorted { (fields[$0].inlineSize, -$0) > (fields[$1].inlineSize, -$1) }
        var fieldOffsets = [UInt16](repeating: 0, count: (order.max() ?? -1) + 1)
        var cursor = 4  // after the table's offset to its vtable
        for id in order {
            let size = fields[id].inlineSize
            cursor = (cursor + size - 1) / size * size
            fieldOffsets[id] = UInt16(cursor)
            cursor += size
        }
        let tableSize = cursor

        align(to: 4)
        let vtablePosition = bytes.count
        append(UInt16(4 + 2 * fieldOffsets.count))
        append(UInt16(tableSize))
        for offset in fieldOffsets { append(offset) }
        align(to: 8)
        let tablePosition = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: tableSize))
        store(UInt32(tablePosition - vtablePosition), at: tablePosition)
        for id in order {
            let position = tablePosition + Int(fieldOffsets[id])
            switch fields[id] {
            case .absent: break
            case .bool(let value): bytes[position] = value ? 1 : 0
            case .uint8(let value): bytes[position] = value
            case .int16(let value): store(UInt16(bitPattern: value), at: position)
            case .int32(let value): store(UInt32(bitPattern: value), at: position)
            case .int64(let value): store(UInt64(bitPattern: value), at: position)
            case .object(let object): pending.append((position, object))
            }
        }
        return tablePosition
    }

    private mutating func align(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    private mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func store<T: FixedWidthInteger>(_ value: T, at position: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for (index, byte) in raw.enumerated() { bytes[position + index] = byte }
        }
    }
}
