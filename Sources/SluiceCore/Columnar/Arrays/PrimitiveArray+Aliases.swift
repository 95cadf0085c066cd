// One Swift type serves every data type with the same storage; the array's `dataType` says which.
// The initializers default to the storage type's own data type (`Date32Array([1])` is `int32`), so pass
// `dataType:` for the others: `Date32Array([1], dataType: .date32)`.

public typealias Int8Array = PrimitiveArray<Int8>
public typealias Int16Array = PrimitiveArray<Int16>
public typealias Int32Array = PrimitiveArray<Int32>
public typealias Int64Array = PrimitiveArray<Int64>
public typealias UInt8Array = PrimitiveArray<UInt8>
public typealias UInt16Array = PrimitiveArray<UInt16>
public typealias UInt32Array = PrimitiveArray<UInt32>
public typealias UInt64Array = PrimitiveArray<UInt64>
/// `float16` values as IEEE binary16 bit patterns; see `HalfFloat` to convert.
public typealias Float16Array = PrimitiveArray<UInt16>
public typealias Float32Array = PrimitiveArray<Float>
public typealias Float64Array = PrimitiveArray<Double>
/// `date32`: days since 1970-01-01.
public typealias Date32Array = PrimitiveArray<Int32>
/// `time(.second)` and `time(.millisecond)`.
public typealias Time32Array = PrimitiveArray<Int32>
/// `time(.microsecond)` and `time(.nanosecond)`.
public typealias Time64Array = PrimitiveArray<Int64>
/// `timestamp(unit, timezone:)`: units since the epoch.
public typealias TimestampArray = PrimitiveArray<Int64>
/// `decimal(precision, scale)`: unscaled values.
public typealias Decimal128Array = PrimitiveArray<Int128>
