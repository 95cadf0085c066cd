/// The header of a dictionary page (parquet.thrift `DictionaryPageHeader`).
public struct DictionaryPageHeader: ThriftStruct, Hashable {
    public var numValues: Int32
    public var encoding: Encoding
    public var isSorted: Bool?

    public init(numValues: Int32, encoding: Encoding, isSorted: Bool? = nil) {
        self.numValues = numValues
        self.encoding = encoding
        self.isSorted = isSorted
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var numValues: Int32?
        var encoding: Encoding?
        var isSorted: Bool?
        try reader.readStruct("DictionaryPageHeader") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: encoding = try reader.readEnum(field, "Encoding")
            case 3: isSorted = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
        self.numValues = try reader.required(numValues, "num_values", in: "DictionaryPageHeader")
        self.encoding = try reader.required(encoding, "encoding", in: "DictionaryPageHeader")
        self.isSorted = isSorted
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, i32: numValues)
            writer.writeField(2, enum: encoding)
            writer.writeField(3, bool: isSorted)
        }
    }
}
