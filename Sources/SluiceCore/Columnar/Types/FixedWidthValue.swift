/// A Swift type whose values a `PrimitiveArray` stores contiguously, one `MemoryLayout<Self>.stride`
/// slot per value, in native byte order (little-endian on every supported platform, as Arrow requires).
///
/// Several data types share one storage type; the array's `dataType` tells them apart (an `Int64`
/// array may be `int64`, `timestamp` or `time64`).
public protocol FixedWidthValue: BitwiseCopyable, Sendable, Equatable {
    /// The data type a `PrimitiveArray` of this type gets when none is given.
    static var defaultDataType: DataType { get }
    /// Whether values of `dataType` are stored as this type.
    static func canStore(_ dataType: DataType) -> Bool
}

extension Int8: FixedWidthValue {
    public static var defaultDataType: DataType { .int8 }
    public static func canStore(_ dataType: DataType) -> Bool { dataType == .int8 }
}

extension Int16: FixedWidthValue {
    public static var defaultDataType: DataType { .int16 }
    public static func canStore(_ dataType: DataType) -> Bool { dataType == .int16 }
}

extension Int32: FixedWidthValue {
    public static var defaultDataType: DataType { .int32 }
    public static func canStore(_ dataType: DataType) -> Bool {
        switch dataType {
        case .int32, .date32, .time(.second), .time(.millisecond): return true
        default: return false
        }
    }
}

extension Int64: FixedWidthValue {
    public static var defaultDataType: DataType { .int64 }
    public static func canStore(_ dataType: DataType) -> Bool {
        switch dataType {
        case .int64, .timestamp, .time(.microsecond), .time(.nanosecond): return true
        default: return false
        }
    }
}

extension UInt8: FixedWidthValue {
    public static var defaultDataType: DataType { .uint8 }
    public static func canStore(_ dataType: DataType) -> Bool { dataType == .uint8 }
}

extension UInt16: FixedWidthValue {
    public static var defaultDataType: DataType { .uint16 }
    public static func canStore(_ dataType: DataType) -> Bool { dataType == .uint16 || dataType == .float16 }
}

extension UInt32: FixedWidthValue {
    public static var defaultDataType: DataType { .uint32 }
    public static func canStore(_ dataType: DataType) -> Bool { dataType == .uint32 }
}

extension UInt64: FixedWidthValue {
    public static var defaultDataType: DataType { .uint64 }
    public static func canStore(_ dataType: DataType) -> Bool { dataType == .uint64 }
}

extension Float: FixedWidthValue {
    public static var defaultDataType: DataType { .float32 }
    public static func canStore(_ dataType: DataType) -> Bool { dataType == .float32 }
}

extension Double: FixedWidthValue {
    public static var defaultDataType: DataType { .float64 }
    public static func canStore(_ dataType: DataType) -> Bool { dataType == .float64 }
}

extension Int128: FixedWidthValue {
    /// `decimal(38,0)`: give decimal arrays their real precision and scale.
    public static var defaultDataType: DataType { .decimal(precision: 38, scale: 0) }
    public static func canStore(_ dataType: DataType) -> Bool {
        if case .decimal = dataType { return true }
        return false
    }
}
