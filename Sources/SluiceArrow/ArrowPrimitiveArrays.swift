import SluiceCore

/// Fixed-width Arrow buffers as Sluice arrays: the one place that picks the Swift storage type for a
/// data type.
enum ArrowPrimitiveArrays {
    /// Wraps `values` as an array of `dataType` (a type Sluice stores in a `PrimitiveArray`), copying
    /// only a buffer not aligned for its values.
    static func wrap(_ dataType: DataType, count: Int, values: Buffer, validity: ValidityBitmap?) throws
        -> any ColumnArray
    {
        func make<T: FixedWidthValue>(_: T.Type) throws -> any ColumnArray {
            try PrimitiveArray<T>(
                dataType: dataType, count: count, values: values.aligned(to: MemoryLayout<T>.alignment),
                validity: validity)
        }
        switch dataType {
        case .int8: return try make(Int8.self)
        case .int16: return try make(Int16.self)
        case .int32, .date32: return try make(Int32.self)
        case .int64, .timestamp: return try make(Int64.self)
        case .uint8: return try make(UInt8.self)
        case .uint16, .float16: return try make(UInt16.self)
        case .uint32: return try make(UInt32.self)
        case .uint64: return try make(UInt64.self)
        case .float32: return try make(Float.self)
        case .float64: return try make(Double.self)
        case .decimal: return try make(Int128.self)
        case .time(let unit):
            return unit == .second || unit == .millisecond ? try make(Int32.self) : try make(Int64.self)
        default: throw ArrowIPCError("\(dataType) is not a fixed-width type")
        }
    }

    /// Dictionary indices of `bitWidth` bits as the Int32 codes `DictionaryArray` holds.
    static func dictionaryCodes(
        _ buffer: Buffer, bitWidth: Int, count: Int, validity: ValidityBitmap?
    ) throws -> Int32Array {
        func widen<T: FixedWidthValue & BinaryInteger>(_: T.Type) throws -> Int32Array {
            let indices = try PrimitiveArray<T>(
                dataType: T.defaultDataType, count: count, values: buffer.aligned(to: MemoryLayout<T>.alignment))
            var tooLarge: T?
            let codes = Int32Array(count: count, validity: validity) { codes in
                indices.withUnsafeValues { values in
                    for index in 0..<count {
                        // A null slot's index is undefined: any value may be there.
                        guard validity?.isNull(index) != true, let code = Int32(exactly: values[index]) else {
                            if validity?.isNull(index) != true { tooLarge = values[index] }
                            codes[index] = 0
                            continue
                        }
                        codes[index] = code
                    }
                }
            }
            if let tooLarge {
                throw ArrowIPCError("dictionary index \(tooLarge) is beyond what Sluice holds")
            }
            return codes
        }
        switch bitWidth {
        case 8: return try widen(Int8.self)
        case 16: return try widen(Int16.self)
        case 32:
            return try Int32Array(count: count, values: buffer.aligned(to: 4), validity: validity)
        default: return try widen(Int64.self)
        }
    }
}
