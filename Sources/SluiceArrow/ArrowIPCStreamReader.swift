import SluiceCore

/// Reads an Arrow IPC stream (the streaming format of the Arrow columnar spec): a Schema message,
/// then DictionaryBatch and RecordBatch messages, each `0xFFFFFFFF`, a 4-byte metadata length, the
/// FlatBuffers metadata and the body, until an end-of-stream marker or the end of the bytes.
///
/// Record batches share the stream's memory: columns are views of `stream`, which stays allocated
/// while any of them is alive.
public struct ArrowIPCStreamReader: Sendable {
    private let stream: Buffer
    private var position: Int
    private var dictionaries: [Int64: DictionaryValues] = [:]
    private var messagesRead = 0
    private var batchesRead = 0

    /// Slots of the Message table (`header` is a union: its type byte, then the table).
    private enum MessageSlot {
        static let version = 0
        static let headerType = 1
        static let header = 2
        static let bodyLength = 3
    }

    /// MessageHeader union members.
    private enum HeaderType: UInt8 {
        case schema = 1
        case dictionaryBatch = 2
        case recordBatch = 3
        case tensor = 4
        case sparseTensor = 5
    }

    /// Reads the stream's schema, or takes `earlier`'s when this stream's Schema message has the
    /// same bytes as the one `earlier` was decoded from.
    ///
    /// - Throws: `ArrowIPCError` when the stream does not start with a well-formed Schema message.
    public init(_ stream: Buffer, reusing earlier: ArrowStreamSchema? = nil) throws(ArrowIPCError) {
        self.stream = stream
        var position = 0
        guard let metadata = try Self.nextMetadata(stream, at: &position, index: 1) else {
            throw ArrowIPCError("the stream is empty: it has no schema message")
        }
        if let earlier, earlier.metadata == metadata {
            streamSchema = earlier
        } else {
            let (type, header, bodyLength) = try Self.readMetadata(metadata, index: 1)
            guard type == .schema else {
                throw ArrowIPCError("the stream starts with a \(type) message, not its schema")
            }
            let (schema, layouts) = try ArrowSchemaDecoder.decode(header)
            streamSchema = ArrowStreamSchema(
                metadata: metadata, bodyLength: bodyLength, schema: schema, layouts: layouts)
        }
        _ = try Self.body(of: streamSchema.bodyLength, in: stream, at: &position, index: 1)
        self.position = position
        messagesRead = 1
    }

    /// The stream's schema, decoded: pass it to the next stream's reader to skip decoding the same
    /// schema again.
    public let streamSchema: ArrowStreamSchema

    /// The stream's schema (its first message).
    public var schema: Schema { streamSchema.schema }

    private var layouts: [ArrowColumnLayout] { streamSchema.layouts }

    /// The next record batch, or nil at the end of the stream. Dictionary batches before it are
    /// read on the way.
    public mutating func next() throws(ArrowIPCError) -> RecordBatch? {
        while let (type, header, body) = try Self.nextMessage(stream, at: &position, index: messagesRead + 1) {
            messagesRead += 1
            switch type {
            case .recordBatch:
                batchesRead += 1
                do {
                    return try decodeBatch(header, body: body)
                } catch {
                    throw error.within("record batch \(batchesRead) (message \(messagesRead))")
                }
            case .dictionaryBatch:
                try readDictionary(header, body: body)
            case .schema:
                throw ArrowIPCError("a second schema message after \(batchesRead) record batches")
            case .tensor, .sparseTensor:
                throw ArrowIPCError("a \(type) message: Sluice reads record batches only")
            }
        }
        return nil
    }

    /// Every remaining record batch.
    public mutating func readAll() throws(ArrowIPCError) -> [RecordBatch] {
        var batches: [RecordBatch] = []
        while let batch = try next() { batches.append(batch) }
        return batches
    }

    private func decodeBatch(_ header: FlatBufferTable, body: Buffer) throws(ArrowIPCError) -> RecordBatch {
        var decoder = try ArrowRecordBatchDecoder(header, body: body, dictionaries: dictionaries)
        let columns = try decoder.decodeColumns(schema.fields, layouts)
        do {
            return try RecordBatch(schema: schema, columns: columns, numRows: decoder.rowCount)
        } catch {
            throw ArrowIPCError("\(error)")
        }
    }

    private mutating func readDictionary(_ header: FlatBufferTable, body: Buffer) throws(ArrowIPCError) {
        let id = try header.scalar(0, default: Int64(0))
        let isDelta = try header.bool(2)
        guard let (field, layout) = Self.dictionaryField(id: id, fields: schema.fields, layouts: layouts) else {
            throw ArrowIPCError("dictionary batch \(id) belongs to no column of the schema")
        }
        guard let data = try header.table(1, what: "data of dictionary batch \(id)") else {
            throw ArrowIPCError("dictionary batch \(id) has no data")
        }
        let what = "dictionary batch \(id)"
        let decoded: [any ColumnArray]
        do {
            var decoder = try ArrowRecordBatchDecoder(data, body: body, dictionaries: dictionaries)
            decoded = try decoder.decodeColumns([field], [layout])
        } catch {
            throw error.within(what)
        }
        guard let values = decoded.first else {
            throw ArrowIPCError("\(what) has no column")
        }
        if isDelta, let earlier = dictionaries[id] {
            throw ArrowIPCError(
                "\(what) is a delta to a dictionary of \(earlier.array.count) values; Sluice reads replacements only")
        }
        dictionaries[id] = DictionaryValues(values)
    }

    /// The field (with the value type) and layout of the dictionary-encoded column with `id`.
    private static func dictionaryField(
        id: Int64, fields: [Field], layouts: [ArrowColumnLayout]
    ) -> (Field, ArrowColumnLayout)? {
        for (field, layout) in zip(fields, layouts) {
            switch layout {
            case .dictionary(let dictionaryID, _, let values) where dictionaryID == id:
                return (field, values)
            case .structure(let children, let childLayouts):
                if let found = dictionaryField(id: id, fields: children, layouts: childLayouts) { return found }
            case .list(let element, let elementLayout):
                if let found = dictionaryField(id: id, fields: [element], layouts: [elementLayout]) { return found }
            default:
                continue
            }
        }
        return nil
    }

    /// Reads the message at `position` and moves past it; nil at the end-of-stream marker or the end.
    private static func nextMessage(
        _ stream: Buffer, at position: inout Int, index: Int
    ) throws(ArrowIPCError) -> (HeaderType, FlatBufferTable, Buffer)? {
        guard let metadata = try nextMetadata(stream, at: &position, index: index) else { return nil }
        let (type, header, bodyLength) = try readMetadata(metadata, index: index)
        return (type, header, try body(of: bodyLength, in: stream, at: &position, index: index))
    }

    /// The FlatBuffers metadata of the message at `position`, moving past it (the body follows);
    /// nil at the end-of-stream marker or the end.
    private static func nextMetadata(
        _ stream: Buffer, at position: inout Int, index: Int
    ) throws(ArrowIPCError) -> Buffer? {
        func int32(at offset: Int) -> Int32? {
            guard offset + 4 <= stream.byteCount else { return nil }
            return stream.withUnsafeBytes {
                Int32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Int32.self))
            }
        }
        guard var length = int32(at: position) else { return nil }
        position += 4
        // Since Arrow 0.15 a message starts with 0xFFFFFFFF before its length; older streams omit it.
        if length == -1 {
            guard let next = int32(at: position) else { return nil }
            length = next
            position += 4
        }
        if length == 0 { return nil }
        guard length > 0, Int(length) <= stream.byteCount - position else {
            throw ArrowIPCError(
                "message \(index): metadata of \(length) bytes runs past the \(stream.byteCount)-byte stream")
        }
        defer { position += Int(length) }
        return stream.slice(byteOffset: position, byteCount: Int(length))
    }

    /// The body of `length` bytes at `position`, moving past it.
    private static func body(
        of length: Int, in stream: Buffer, at position: inout Int, index: Int
    ) throws(ArrowIPCError) -> Buffer {
        guard length <= stream.byteCount - position else {
            throw ArrowIPCError("message \(index): a body of \(length) bytes runs past the end of the stream")
        }
        defer { position += length }
        return stream.slice(byteOffset: position, byteCount: length)
    }

    /// The header type, header table and body length of message `index`'s FlatBuffers metadata.
    private static func readMetadata(
        _ metadata: Buffer, index: Int
    ) throws(ArrowIPCError) -> (HeaderType, FlatBufferTable, Int) {
        do throws(ArrowIPCError) {
            let message = try FlatBufferTable(root: metadata, what: "Message")
            // MetadataVersion V4 = 3, V5 = 4; V1 to V3 predate Arrow 0.8 and lay buffers out differently.
            let version = try message.scalar(MessageSlot.version, default: Int16(0))
            guard version >= 3 else {
                throw ArrowIPCError("metadata version V\(version + 1); Sluice reads V4 and V5")
            }
            let typeCode = try message.scalar(MessageSlot.headerType, default: UInt8(0))
            guard let type = HeaderType(rawValue: typeCode),
                let header = try message.table(MessageSlot.header, what: "header")
            else {
                throw ArrowIPCError("no header, or one of unknown type \(typeCode)")
            }
            let bodyLength = try message.scalar(MessageSlot.bodyLength, default: Int64(0))
            guard bodyLength >= 0 else { throw ArrowIPCError("a negative body length \(bodyLength)") }
            return (type, header, Int(bodyLength))
        } catch {
            throw error.within("message \(index)")
        }
    }
}
