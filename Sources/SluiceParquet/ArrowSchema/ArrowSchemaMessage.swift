import Foundation
import SluiceCore

/// The Arrow schema of a file as pyarrow stores it under the `ARROW:schema` key of the parquet
/// key/value metadata: an encapsulated Arrow IPC message (`format/Message.fbs`, header `Schema`),
/// base64 encoded.
///
/// Parquet's own types lose some Arrow detail (a timestamp's time zone, the map's `keysSorted`,
/// field and schema metadata); pyarrow and other Arrow readers restore it from this message.
public enum ArrowSchemaMessage {
    /// The parquet key/value metadata key.
    public static let metadataKey = "ARROW:schema"

    /// The base64 text stored under `metadataKey`.
    public static func base64Encoded(_ schema: Schema) -> String {
        Data(encapsulated(schema)).base64EncodedString()
    }

    /// The IPC message: the continuation marker, the flatbuffer's padded length, the flatbuffer.
    static func encapsulated(_ schema: Schema) -> [UInt8] {
        let flatbuffer = FlatBufferSerializer.serialize(root: message(schema))
        var bytes: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]
        withUnsafeBytes(of: UInt32(flatbuffer.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: flatbuffer)
        return bytes
    }

    private static let metadataVersionV5: Int16 = 4
    private static let messageHeaderSchema: UInt8 = 1

    private static func message(_ schema: Schema) -> FlatBufferObject {
        let schemaTable = FlatBufferObject.table([
            .int16(0),  // endianness: little
            .object(.tables(schema.fields.map(field))),
            keyValues(schema.metadata),
        ])
        return .table([
            .int16(metadataVersionV5),
            .uint8(messageHeaderSchema),
            .object(schemaTable),
            .int64(0),  // body length: a schema message has no body
        ])
    }

    private static func field(_ field: Field) -> FlatBufferObject {
        let type = ArrowTypeTable(field.dataType)
        return .table([
            .object(.string(field.name)),
            .bool(field.nullable),
            .uint8(type.unionTag),
            .object(.table(type.fields)),
            .absent,  // dictionary encoding
            .object(.tables(children(of: field.dataType).map(self.field))),
            keyValues(field.metadata),
        ])
    }

    /// Arrow's child fields: a list's element, a struct's fields, a map's `entries` struct.
    private static func children(of dataType: DataType) -> [Field] {
        switch dataType {
        case .list(let element):
            return [element]
        case .struct(let fields):
            return fields
        case .map(let key, let value, _):
            return [Field("entries", .struct([key, value]), nullable: false)]
        default:
            return []
        }
    }

    /// A `[KeyValue]` vector in key order, or absent when there is no metadata.
    private static func keyValues(_ metadata: [String: String]) -> FlatBufferField {
        guard !metadata.isEmpty else { return .absent }
        let pairs = metadata.sorted { $0.key < $1.key }
        return .object(.tables(pairs.map { .table([.object(.string($0.key)), .object(.string($0.value))]) }))
    }
}
