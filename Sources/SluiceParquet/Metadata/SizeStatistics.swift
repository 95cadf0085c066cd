/// Unencoded sizes and level histograms of a column chunk (parquet.thrift `SizeStatistics`).
public struct SizeStatistics: ThriftStruct, Hashable {
    public var unencodedByteArrayDataBytes: Int64?
    public var repetitionLevelHistogram: [Int64]?
    public var definitionLevelHistogram: [Int64]?

    public init(
        unencodedByteArrayDataBytes: Int64? = nil,
        repetitionLevelHistogram: [Int64]? = nil,
        definitionLevelHistogram: [Int64]? = nil
    ) {
        self.unencodedByteArrayDataBytes = unencodedByteArrayDataBytes
        self.repetitionLevelHistogram = repetitionLevelHistogram
        self.definitionLevelHistogram = definitionLevelHistogram
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        self.init()
        try reader.readStruct("SizeStatistics") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: unencodedByteArrayDataBytes = try reader.readI64(field)
            case 2: repetitionLevelHistogram = try reader.readI64List(field)
            case 3: definitionLevelHistogram = try reader.readI64List(field)
            default: try reader.skip(field)
            }
        }
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, i64: unencodedByteArrayDataBytes)
            writer.writeField(2, i64s: repetitionLevelHistogram)
            writer.writeField(3, i64s: definitionLevelHistogram)
        }
    }
}
