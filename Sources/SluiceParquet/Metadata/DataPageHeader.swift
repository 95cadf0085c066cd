/// The header of a version 1 data page (parquet.thrift `DataPageHeader`).
public struct DataPageHeader: ThriftStruct, Hashable {
    /// Values in the page, nulls included.
    public var numValues: Int32
    public var encoding: Encoding
    public var definitionLevelEncoding: Encoding
    public var repetitionLevelEncoding: Encoding
    public var statistics: Statistics?

    public init(
        numValues: Int32,
        encoding: Encoding,
        definitionLevelEncoding: Encoding,
        repetitionLevelEncoding: Encoding,
        statistics: Statistics? = nil
    ) {
        self.numValues = numValues
        self.encoding = encoding
        self.definitionLevelEncoding = definitionLevelEncoding
        self.repetitionLevelEncoding = repetitionLevelEncoding
        self.statistics = statistics
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var numValues: Int32?
        var encoding: Encoding?
        var definitionLevelEncoding: Encoding?
        var repetitionLevelEncoding: Encoding?
        var statistics: Statistics?
        try reader.readStruct("DataPageHeader") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: encoding = try reader.readEnum(field, "Encoding")
            case 3: definitionLevelEncoding = try reader.readEnum(field, "Encoding")
            case 4: repetitionLevelEncoding = try reader.readEnum(field, "Encoding")
            case 5: statistics = try reader.readStruct(field)
            default: try reader.skip(field)
            }
        }
        let name: StaticString = "DataPageHeader"
        self.numValues = try reader.required(numValues, "num_values", in: name)
        self.encoding = try reader.required(encoding, "encoding", in: name)
        self.definitionLevelEncoding = try reader.required(
            definitionLevelEncoding, "definition_level_encoding", in: name)
        self.repetitionLevelEncoding = try reader.required(
            repetitionLevelEncoding, "repetition_level_encoding", in: name)
        self.statistics = statistics
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, i32: numValues)
            writer.writeField(2, enum: encoding)
            writer.writeField(3, enum: definitionLevelEncoding)
            writer.writeField(4, enum: repetitionLevelEncoding)
            writer.writeField(5, struct: statistics)
        }
    }
}
