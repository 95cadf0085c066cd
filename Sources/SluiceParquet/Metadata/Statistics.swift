/// Min/max and counts of a column chunk or page (parquet.thrift `Statistics`). Values are PLAIN
/// encoded without a length prefix; `min`/`max` are the deprecated signed-order fields.
public struct Statistics: ThriftStruct, Hashable {
    public var max: [UInt8]?
    public var min: [UInt8]?
    public var nullCount: Int64?
    public var distinctCount: Int64?
    public var maxValue: [UInt8]?
    public var minValue: [UInt8]?
    public var isMaxValueExact: Bool?
    public var isMinValueExact: Bool?
    public var nanCount: Int64?

    public init(
        max: [UInt8]? = nil,
        min: [UInt8]? = nil,
        nullCount: Int64? = nil,
        distinctCount: Int64? = nil,
        maxValue: [UInt8]? = nil,
        minValue: [UInt8]? = nil,
        isMaxValueExact: Bool? = nil,
        isMinValueExact: Bool? = nil,
        nanCount: Int64? = nil
    ) {
        self.max = max
        self.min = min
        self.nullCount = nullCount
        self.distinctCount = distinctCount
        self.maxValue = maxValue
        self.minValue = minValue
        self.isMaxValueExact = isMaxValueExact
        self.isMinValueExact = isMinValueExact
        self.nanCount = nanCount
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        self.init()
        try reader.readStruct("Statistics") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: max = try reader.readBinary(field)
            case 2: min = try reader.readBinary(field)
            case 3: nullCount = try reader.readI64(field)
            case 4: distinctCount = try reader.readI64(field)
            case 5: maxValue = try reader.readBinary(field)
            case 6: minValue = try reader.readBinary(field)
            case 7: isMaxValueExact = try reader.readBool(field)
            case 8: isMinValueExact = try reader.readBool(field)
            case 9: nanCount = try reader.readI64(field)
            default: try reader.skip(field)
            }
        }
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, binary: max)
            writer.writeField(2, binary: min)
            writer.writeField(3, i64: nullCount)
            writer.writeField(4, i64: distinctCount)
            writer.writeField(5, binary: maxValue)
            writer.writeField(6, binary: minValue)
            writer.writeField(7, bool: isMaxValueExact)
            writer.writeField(8, bool: isMinValueExact)
            writer.writeField(9, i64: nanCount)
        }
    }
}
