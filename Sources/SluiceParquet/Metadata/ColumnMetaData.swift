/// Where a column chunk's pages are and how they are stored (parquet.thrift `ColumnMetaData`).
public struct ColumnMetaData: ThriftStruct, Hashable {
    public var type: PhysicalType
    /// Every encoding used by the chunk's pages. Encodings this reader does not know are left out:
    /// the list is informational, and a page that uses one fails when it is decoded.
    public var encodings: [Encoding]
    public var pathInSchema: [String]
    public var codec: CompressionCodec
    public var numValues: Int64
    public var totalUncompressedSize: Int64
    public var totalCompressedSize: Int64
    public var keyValueMetadata: [KeyValue]?
    public var dataPageOffset: Int64
    public var indexPageOffset: Int64?
    public var dictionaryPageOffset: Int64?
    public var statistics: Statistics?
    public var encodingStats: [PageEncodingStats]?
    public var bloomFilterOffset: Int64?
    public var bloomFilterLength: Int32?
    public var sizeStatistics: SizeStatistics?

    public init(
        type: PhysicalType,
        encodings: [Encoding],
        pathInSchema: [String],
        codec: CompressionCodec,
        numValues: Int64,
        totalUncompressedSize: Int64,
        totalCompressedSize: Int64,
        keyValueMetadata: [KeyValue]? = nil,
        dataPageOffset: Int64,
        indexPageOffset: Int64? = nil,
        dictionaryPageOffset: Int64? = nil,
        statistics: Statistics? = nil,
        encodingStats: [PageEncodingStats]? = nil,
        bloomFilterOffset: Int64? = nil,
        bloomFilterLength: Int32? = nil,
        sizeStatistics: SizeStatistics? = nil
    ) {
        self.type = type
        self.encodings = encodings
        self.pathInSchema = pathInSchema
        self.codec = codec
        self.numValues = numValues
        self.totalUncompressedSize = totalUncompressedSize
        self.totalCompressedSize = totalCompressedSize
        self.keyValueMetadata = keyValueMetadata
        self.dataPageOffset = dataPageOffset
        self.indexPageOffset = indexPageOffset
        self.dictionaryPageOffset = dictionaryPageOffset
        self.statistics = statistics
        self.encodingStats = encodingStats
        self.bloomFilterOffset = bloomFilterOffset
        self.bloomFilterLength = bloomFilterLength
        self.sizeStatistics = sizeStatistics
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var type: PhysicalType?
        var encodings: [Encoding]?
        var pathInSchema: [String]?
        var codec: CompressionCodec?
        var numValues: Int64?
        var totalUncompressedSize: Int64?
        var totalCompressedSize: Int64?
        var keyValueMetadata: [KeyValue]?
        var dataPageOffset: Int64?
        var indexPageOffset: Int64?
        var dictionaryPageOffset: Int64?
        var statistics: Statistics?
        var encodingStats: [PageEncodingStats]?
        var bloomFilterOffset: Int64?
        var bloomFilterLength: Int32?
        var sizeStatistics: SizeStatistics?
        try reader.readStruct("ColumnMetaData") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: type = try reader.readEnum(field, "Type")
            case 2:
                encodings = try reader.readList(field, elementType: .i32) { (reader) throws(ParquetError) in
                    Encoding(rawValue: try reader.readI32())
                }.compactMap { $0 }
            case 3: pathInSchema = try reader.readStringList(field)
            case 4: codec = try reader.readEnum(field, "CompressionCodec")
            case 5: numValues = try reader.readI64(field)
            case 6: totalUncompressedSize = try reader.readI64(field)
            case 7: totalCompressedSize = try reader.readI64(field)
            case 8: keyValueMetadata = try reader.readList(field)
            case 9: dataPageOffset = try reader.readI64(field)
            case 10: indexPageOffset = try reader.readI64(field)
            case 11: dictionaryPageOffset = try reader.readI64(field)
            case 12: statistics = try reader.readStruct(field)
            case 13: encodingStats = try reader.readList(field)
            case 14: bloomFilterOffset = try reader.readI64(field)
            case 15: bloomFilterLength = try reader.readI32(field)
            case 16: sizeStatistics = try reader.readStruct(field)
            default: try reader.skip(field)
            }
        }
        let name: StaticString = "ColumnMetaData"
        self.type = try reader.required(type, "type", in: name)
        self.encodings = try reader.required(encodings, "encodings", in: name)
        self.pathInSchema = try reader.required(pathInSchema, "path_in_schema", in: name)
        self.codec = try reader.required(codec, "codec", in: name)
        self.numValues = try reader.required(numValues, "num_values", in: name)
        self.totalUncompressedSize = try reader.required(totalUncompressedSize, "total_uncompressed_size", in: name)
        self.totalCompressedSize = try reader.required(totalCompressedSize, "total_compressed_size", in: name)
        self.keyValueMetadata = keyValueMetadata
        self.dataPageOffset = try reader.required(dataPageOffset, "data_page_offset", in: name)
        self.indexPageOffset = indexPageOffset
        self.dictionaryPageOffset = dictionaryPageOffset
        self.statistics = statistics
        self.encodingStats = encodingStats
        self.bloomFilterOffset = bloomFilterOffset
        self.bloomFilterLength = bloomFilterLength
        self.sizeStatistics = sizeStatistics
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, enum: type)
            writer.writeField(2, list: encodings, elementType: .i32) { writer, encoding in
                writer.writeI32(encoding.rawValue)
            }
            writer.writeField(3, strings: pathInSchema)
            writer.writeField(4, enum: codec)
            writer.writeField(5, i64: numValues)
            writer.writeField(6, i64: totalUncompressedSize)
            writer.writeField(7, i64: totalCompressedSize)
            writer.writeField(8, list: keyValueMetadata)
            writer.writeField(9, i64: dataPageOffset)
            writer.writeField(10, i64: indexPageOffset)
            writer.writeField(11, i64: dictionaryPageOffset)
            writer.writeField(12, struct: statistics)
            writer.writeField(13, list: encodingStats)
            writer.writeField(14, i64: bloomFilterOffset)
            writer.writeField(15, i32: bloomFilterLength)
            writer.writeField(16, struct: sizeStatistics)
        }
    }
}
