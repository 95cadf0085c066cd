import SluiceCore

/// Builds the columns of one Arrow `RecordBatch` message (Message.fbs) from its body, walking the
/// schema's layouts in the order Arrow flattens them: each array's field node and buffers, then its
/// children's. Buffers are wrapped in place; only what Sluice stores differently (64-bit offsets,
/// date64, narrow dictionary indices, a compressed body, a misaligned buffer) is copied.
///
/// Errors name the column; the reader adds which batch, so that a batch read without error builds
/// no message text.
struct ArrowRecordBatchDecoder {
    private let nodes: FlatBufferInt64Structs
    private let buffers: FlatBufferInt64Structs
    private let body: Buffer
    private let compression: ArrowBodyCompression?
    private let dictionaries: [Int64: DictionaryValues]
    private var nextNode = 0
    private var nextBuffer = 0

    /// Slots of the RecordBatch table.
    private enum Slot {
        static let length = 0
        static let nodes = 1
        static let buffers = 2
        static let compression = 3
    }

    init(_ batch: FlatBufferTable, body: Buffer, dictionaries: [Int64: DictionaryValues]) throws(ArrowIPCError) {
        nodes = try batch.int64Structs(Slot.nodes, fieldsPerStruct: 2)
        buffers = try batch.int64Structs(Slot.buffers, fieldsPerStruct: 2)
        self.body = body
        self.dictionaries = dictionaries
        compression = try batch.table(Slot.compression, what: "BodyCompression").map {
            (table) throws(ArrowIPCError) in try ArrowBodyCompression(table)
        }
        rowCount = Int(try batch.scalar(Slot.length, default: Int64(0)))
        guard rowCount >= 0 else { throw ArrowIPCError("a negative length \(rowCount)") }
    }

    /// The batch's row count.
    let rowCount: Int

    /// The longest Null-type column read: far more rows than one batch of a result holds.
    static let maxNullColumnLength = 1 << 24

    /// Decodes one column per field.
    mutating func decodeColumns(_ fields: [Field], _ layouts: [ArrowColumnLayout]) throws(ArrowIPCError)
        -> [any ColumnArray]
    {
        var columns: [any ColumnArray] = []
        for (field, layout) in zip(fields, layouts) {
            let column = try decode(layout, field: field, path: field.name)
            guard column.count == rowCount else {
                throw ArrowIPCError("column '\(field.name)' has \(column.count) rows, the batch \(rowCount)")
            }
            columns.append(column)
        }
        return columns
    }

    private func failure(_ path: String, _ problem: String) -> ArrowIPCError {
        ArrowIPCError("column '\(path)': \(problem)")
    }

    private mutating func node(_ path: String) throws(ArrowIPCError) -> (length: Int, nullCount: Int) {
        guard nextNode < nodes.count else { throw failure(path, "the batch has too few field nodes") }
        defer { nextNode += 1 }
        let length = nodes.value(nextNode, 0)
        let nullCount = nodes.value(nextNode, 1)
        // Sluice's offsets are 32-bit, so no column can be longer; the bound also keeps a damaged
        // length from overflowing byte counts.
        guard length >= 0, length <= Int64(Int32.max), nullCount >= 0, nullCount <= length else {
            throw failure(path, "bad field node (length \(length), null count \(nullCount))")
        }
        return (Int(length), Int(nullCount))
    }

    private mutating func buffer(_ path: String) throws(ArrowIPCError) -> Buffer {
        guard nextBuffer < buffers.count else { throw failure(path, "the batch has too few buffers") }
        defer { nextBuffer += 1 }
        let offset = buffers.value(nextBuffer, 0)
        let length = buffers.value(nextBuffer, 1)
        guard offset >= 0, length >= 0, offset <= Int64(body.byteCount) - length else {
            throw failure(
                path, "buffer \(nextBuffer) (\(length) bytes at \(offset)) runs past the \(body.byteCount)-byte body")
        }
        let raw = body.slice(byteOffset: Int(offset), byteCount: Int(length))
        guard let compression, length > 0 else { return raw }
        do {
            return try compression.decompress(raw)
        } catch {
            throw failure(path, "buffer \(nextBuffer): \(error.message)")
        }
    }

    private mutating func validity(_ path: String, length: Int, nullCount: Int) throws(ArrowIPCError) -> ValidityBitmap?
    {
        let bits = try buffer(path)
        guard nullCount > 0 else { return nil }
        do {
            return try ValidityBitmap(buffer: bits, count: length)
        } catch {
            throw failure(path, "validity: \(error)")
        }
    }

    private mutating func decode(
        _ layout: ArrowColumnLayout, field: Field, path: String
    ) throws(ArrowIPCError) -> any ColumnArray {
        do {
            return try decodeThrowing(layout, field: field, path: path)
        } catch let error as ArrowIPCError {
            throw error
        } catch {
            throw failure(path, "\(error)")
        }
    }

    private mutating func decodeThrowing(_ layout: ArrowColumnLayout, field: Field, path: String) throws
        -> any ColumnArray
    {
        let (length, nullCount) = try node(path)
        switch layout {
        case .null:
            // A Null column has no buffers to bound it, and becomes 4 bytes a row here.
            guard length <= Self.maxNullColumnLength else {
                throw failure(path, "a Null column of \(length) rows (Sluice reads up to \(Self.maxNullColumnLength))")
            }
            return Int32Array(count: length, validity: ValidityBitmap(BitBuffer(repeating: false, count: length))) {
                $0.initialize(repeating: 0)
            }
        case .boolean:
            let validity = try validity(path, length: length, nullCount: nullCount)
            return try BooleanArray(values: BitBuffer(buffer: try buffer(path), count: length), validity: validity)
        case .fixedWidth(let dataType):
            let validity = try validity(path, length: length, nullCount: nullCount)
            return try ArrowPrimitiveArrays.wrap(dataType, count: length, values: try buffer(path), validity: validity)
        case .dateMilliseconds:
            let validity = try validity(path, length: length, nullCount: nullCount)
            let milliseconds = try Int64Array(count: length, values: try buffer(path).aligned(to: 8))
            return Date32Array(count: length, dataType: .date32, validity: validity) { days in
                milliseconds.withUnsafeValues { values in
                    for index in 0..<length {
                        let day = values[index] >= 0 ? values[index] / 86_400_000 : (values[index] + 1) / 86_400_000 - 1
                        days[index] = Int32(truncatingIfNeeded: day)
                    }
                }
            }
        case .bytes(let dataType, let largeOffsets):
            let validity = try validity(path, length: length, nullCount: nullCount)
            let offsets = try offsetBuffer(try buffer(path), count: length, large: largeOffsets, path: path)
            let data = try buffer(path)
            if dataType == .string { return try StringArray(offsets: offsets, data: data, validity: validity) }
            return try BinaryArray(offsets: offsets, data: data, validity: validity)
        case .fixedSizeBinary(let width):
            let validity = try validity(path, length: length, nullCount: nullCount)
            return try FixedSizeBinaryArray(byteWidth: width, count: length, data: try buffer(path), validity: validity)
        case .list(let element, let elementLayout):
            let validity = try validity(path, length: length, nullCount: nullCount)
            let offsets = try offsetBuffer(try buffer(path), count: length, large: false, path: path)
            let values = try decode(elementLayout, field: element, path: "\(path).\(element.name)")
            return try ListArray(elementField: element, offsets: offsets, values: values, validity: validity)
        case .structure(let fields, let layouts):
            let validity = try validity(path, length: length, nullCount: nullCount)
            var children: [any ColumnArray] = []
            for (child, childLayout) in zip(fields, layouts) {
                children.append(try decode(childLayout, field: child, path: "\(path).\(child.name)"))
            }
            return try StructArray(fields: fields, children: children, validity: validity, count: length)
        case .map(let key, let value, let keysSorted, let keyLayout, let valueLayout):
            let validity = try validity(path, length: length, nullCount: nullCount)
            let offsets = try offsetBuffer(try buffer(path), count: length, large: false, path: path)
            // The entries struct: its node and validity (entries are never null), then keys and values.
            let (entryCount, _) = try node(path)
            _ = try buffer(path)
            let keys = try decode(keyLayout, field: key, path: "\(path).\(key.name)")
            let values = try decode(valueLayout, field: value, path: "\(path).\(value.name)")
            guard keys.count == entryCount, values.count == entryCount else {
                throw failure(path, "map entries have \(entryCount) rows, keys \(keys.count), values \(values.count)")
            }
            return try MapArray(
                keyField: key, valueField: value, keysSorted: keysSorted, offsets: offsets, keys: keys, values: values,
                validity: validity)
        case .dictionary(let id, let bitWidth, _):
            let validity = try validity(path, length: length, nullCount: nullCount)
            guard let values = dictionaries[id] else {
                throw failure(path, "dictionary \(id) was not sent before this batch")
            }
            let codes = try ArrowPrimitiveArrays.dictionaryCodes(
                try buffer(path), bitWidth: bitWidth, count: length, validity: validity)
            return try DictionaryArray(codes: codes, values: values)
        }
    }

    /// Arrow offsets as Sluice's Int32 offsets: `count + 1` entries, narrowed from Int64 when `large`.
    private func offsetBuffer(_ buffer: Buffer, count: Int, large: Bool, path: String) throws -> OffsetBuffer {
        if buffer.isEmpty && count == 0 { return try OffsetBuffer(buffer) }
        let width = large ? 8 : 4
        guard buffer.byteCount >= (count + 1) * width else {
            throw failure(
                path, "\(count + 1) offsets need \((count + 1) * width) bytes, the buffer has \(buffer.byteCount)")
        }
        let offsets = buffer.slice(byteOffset: 0, byteCount: (count + 1) * width)
        guard large else { return try OffsetBuffer(offsets.aligned(to: 4)) }
        let wide = try Int64Array(count: count + 1, values: offsets.aligned(to: 8))
        var narrow: [Int32] = []
        narrow.reserveCapacity(count + 1)
        for index in 0...count {
            guard let offset = Int32(exactly: wide.value(at: index)) else {
                throw failure(path, "offset \(wide.value(at: index)) is beyond the 2 GiB Sluice holds in one column")
            }
            narrow.append(offset)
        }
        return try OffsetBuffer(narrow)
    }
}
