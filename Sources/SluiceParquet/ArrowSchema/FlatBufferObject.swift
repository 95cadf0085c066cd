/// A value to serialize as a flatbuffer (https://flatbuffers.dev, "Internals"): a table, a
/// string, or a vector. Only what the Arrow schema message needs is here.
indirect enum FlatBufferObject {
    /// A table; the field at index `i` has field id `i`.
    case table([FlatBufferField])
    case string(String)
    /// A vector of tables (each element a `.table`).
    case tables([FlatBufferObject])
    case int64s([Int64])
}

/// One field of a flatbuffer table.
enum FlatBufferField {
    /// Not stored: readers see the schema's default.
    case absent
    case bool(Bool)
    case uint8(UInt8)
    case int16(Int16)
    case int32(Int32)
    case int64(Int64)
    /// An offset to another object, serialized after this table.
    case object(FlatBufferObject)

    /// The field's inline size in the table (offsets are 4 bytes); 0 when absent.
    var inlineSize: Int {
        switch self {
        case .absent: return 0
        case .bool, .uint8: return 1
        case .int16: return 2
        case .int32, .object: return 4
        case .int64: return 8
        }
    }
}
