/// The header of a version 2 data page (parquet.thrift `DataPageHeaderV2`): levels come first,
/// uncompressed, with their byte lengths here.
public struct DataPageHeaderV2: ThriftStruct, Hashable {
    public var numValues: Int32
    public var numNulls: Int32
    public var numRows: Int32
    public var encoding: Encoding
    public var definitionLevelsByteLength: Int32
    public var repetitionLevelsByteLength: Int32
    /// Whether the values section is compressed; true when the writer left it out.
    public var isCompressed: Bool
    public var statistics: Statistics?

    public init(
        numValues: Int32,
        numNulls: Int32,
        numRows: Int32,
        encoding: Encoding,
        definitionLevelsByteLength: Int32,
        repetitionLevelsByteLength: Int32,
        isCompressed: Bool = true,
        statistics: Statistics? = nil
    ) {
        self.numValues = numValues
        self.numNulls = numNulls
        self.numRows = numRows
        self.encoding = encoding
        self.definitionLevelsByteLength = definitionLevelsByteLength
        self.repetitionLevelsByteLength = repetitionLevelsByteLength
        self.isCompressed = isCompressed
        self.statistics = statistics
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var numValues: Int32?
        var numNulls: Int32?
        var numRows: Int32?
        var encoding: Encoding?
        var definitionLevelsByteLength: Int32?
        var repetitionLevelsByteLength: Int32?
        var isCompressed = true
        var statistics: Statistics?
        try reader.readStruct("DataPageHeaderV2") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: numNulls = try reader.readI32(field)
            case 3: numRows = try reader.readI32(field)
            case 4: encoding = try reader.readEnum(field, "Encoding")
            case 5: definitionLevelsByteLength = try reader.readI32(field)
            case 6: repetitionLevelsByteLength = try reader.readI32(field)
            case 7: isCompressed = try reader.readBool(field)
            case 8: statistics = try reader.readStruct(field)
            default: try reader.skip(field)
            }
        }
        let name: StaticString = "DataPageHeaderV2"
        self.numValues = try reader.required(numValues, "num_values", in: name)
        self.numNulls = try reader.required(numNulls, "num_nulls", in: name)
        self.numRows = try reader.required(numRows, "num_rows", in: name)
        self.encoding = try reader.required(encoding, "encoding", in: name)
        self.definitionLevelsByteLength = try reader.required(
            definitionLevelsByteLength, "definition_levels_byte_length", in: name)
        self.repetitionLevelsByteLength = try reader.required(
            repetitionLevelsByteLength, "repetition_levels_byte_length", in: name)
        self.isCompressed = isCompressed
        self.statistics = statistics
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, i32: numValues)
            writer.writeField(2, i32: numNulls)
            writer.writeField(3, i32: numRows)
            writer.writeField(4, enum: encoding)
            writer.writeField(5, i32: definitionLevelsByteLength)
            writer.writeField(6, i32: repetitionLevelsByteLength)
            writer.writeField(7, bool: isCompressed)
            writer.writeField(8, struct: statistics)
        }
    }
}
