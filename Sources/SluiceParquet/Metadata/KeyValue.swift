/// One entry of key/value metadata (parquet.thrift `KeyValue`), e.g. `ARROW:schema`.
public struct KeyValue: ThriftStruct, Hashable {
    public var key: String
    public var value: String?

    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var key: String?
        var value: String?
        try reader.readStruct("KeyValue") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: key = try reader.readString(field)
            case 2: value = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
        self.key = try reader.required(key, "key", in: "KeyValue")
        self.value = value
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, string: key)
            writer.writeField(2, string: value)
        }
    }
}
