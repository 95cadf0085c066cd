// Builders for each data type stored as the same Swift type. The default data type is the storage type's own,
// so pass the data type: `TimestampBuilder(dataType: .timestamp(.microsecond, timezone: "UTC"))`.

public typealias Int8Builder = PrimitiveBuilder<Int8>
public typealias Int16Builder = PrimitiveBuilder<Int16>
public typealias Int32Builder = PrimitiveBuilder<Int32>
public typealias Int64Builder = PrimitiveBuilder<Int64>
public typealias UInt8Builder = PrimitiveBuilder<UInt8>
public typealias UInt16Builder = PrimitiveBuilder<UInt16>
public typealias UInt32Builder = PrimitiveBuilder<UInt32>
public typealias UInt64Builder = PrimitiveBuilder<UInt64>
public typealias Float16Builder = PrimitiveBuilder<UInt16>
public typealias Float32Builder = PrimitiveBuilder<Float>
public typealias Float64Builder = PrimitiveBuilder<Double>
public typealias Date32Builder = PrimitiveBuilder<Int32>
public typealias Time32Builder = PrimitiveBuilder<Int32>
public typealias Time64Builder = PrimitiveBuilder<Int64>
public typealias TimestampBuilder = PrimitiveBuilder<Int64>
public typealias Decimal128Builder = PrimitiveBuilder<Int128>
