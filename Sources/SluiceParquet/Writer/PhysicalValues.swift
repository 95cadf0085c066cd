import SluiceCore

/// The values of a leaf array in the physical representation of its parquet column, sharing the
/// array's buffers where the layouts agree (32- and 64-bit integers, floats, dates, most times and
/// timestamps, strings, binary, float16, fixed-size binary) and converted otherwise (8- and 16-bit
/// integers widened, seconds scaled to milliseconds, decimals to big-endian bytes).
///
/// Slot `i` of the array is value `i` here; null slots hold unspecified values.
enum PhysicalValues {
    case int32(Buffer)
    case int64(Buffer)
    case float(Buffer)
    case double(Buffer)
    case boolean(BitBuffer)
    /// Arrow-style offsets (absolute into `data`) and bytes.
    case byteArray(offsets: OffsetBuffer, data: Buffer)
    /// `width` bytes per value, back to back.
    case fixedLength(width: Int, data: Buffer)

    /// The physical values of `array`.
    ///
    /// - Throws: `ParquetError(.unsupported)` for a nested array (they are shredded first).
    init(converting array: any ColumnArray) throws(ParquetError) {
        switch array.dataType {
        case .boolean:
            guard let booleans = array as? BooleanArray else { throw Self.unexpected(array) }
            self = .boolean(booleans.values)
        case .int8: self = .int32(try Self.widened(array, as: Int8.self) { Int32($0) })
        case .int16: self = .int32(try Self.widened(array, as: Int16.self) { Int32($0) })
        case .uint8: self = .int32(try Self.widened(array, as: UInt8.self) { Int32($0) })
        case .uint16: self = .int32(try Self.widened(array, as: UInt16.self) { Int32($0) })
        case .int32, .uint32, .date32, .time(.millisecond):
            self = .int32(try Self.buffer(of: array, as: Int32.self, or: UInt32.self))
        case .time(.second): self = .int32(try Self.widened(array, as: Int32.self) { $0 &* 1000 })
        case .timestamp(.second, _): self = .int64(try Self.widened(array, as: Int64.self) { $0 &* 1000 })
        case .int64, .uint64, .time, .timestamp:
            self = .int64(try Self.buffer(of: array, as: Int64.self, or: UInt64.self))
        case .float32:
            guard let floats = array as? Float32Array else { throw Self.unexpected(array) }
            self = .float(floats.values)
        case .float64:
            guard let doubles = array as? Float64Array else { throw Self.unexpected(array) }
            self = .double(doubles.values)
        case .float16:
            // IEEE binary16 bits in little-endian memory: parquet's FLOAT16 layout.
            guard let halves = array as? Float16Array else { throw Self.unexpected(array) }
            self = .fixedLength(width: 2, data: halves.values)
        case .decimal(let precision, _):
            guard let decimals = array as? Decimal128Array else { throw Self.unexpected(array) }
            let width = SchemaElementConversion.decimalByteWidth(precision: precision)
            self = .fixedLength(width: width, data: Self.bigEndian(decimals, width: width))
        case .string:
            guard let strings = array as? StringArray else { throw Self.unexpected(array) }
            self = .byteArray(offsets: strings.offsets, data: strings.data)
        case .binary:
            guard let binary = array as? BinaryArray else { throw Self.unexpected(array) }
            self = .byteArray(offsets: binary.offsets, data: binary.data)
        case .fixedSizeBinary(let width):
            guard let fixed = array as? FixedSizeBinaryArray else { throw Self.unexpected(array) }
            self = .fixedLength(width: width, data: fixed.data)
        case .list, .struct, .map:
            throw ParquetError(.unsupported, "a nested array reached the leaf encoder (\(array.dataType))")
        }
    }

    private static func buffer<A: FixedWidthValue, B: FixedWidthValue>(
        of array: any ColumnArray, as first: A.Type, or second: B.Type
    ) throws(ParquetError) -> Buffer {
        if let values = array as? PrimitiveArray<A> { return values.values }
        if let values = array as? PrimitiveArray<B> { return values.values }
        throw unexpected(array)
    }

    private static func widened<Source: FixedWidthValue, Target: FixedWidthValue>(
        _ array: any ColumnArray, as source: Source.Type, _ convert: (Source) -> Target
    ) throws(ParquetError) -> Buffer {
        guard let values = array as? PrimitiveArray<Source> else { throw unexpected(array) }
        let widened = PrimitiveArray<Target>(count: values.count, dataType: Target.defaultDataType) { output in
            values.withUnsafeValues { input in
                for index in input.indices { output[index] = convert(input[index]) }
            }
        }
        return widened.values
    }

    /// Each unscaled value as `width` big-endian two's complement bytes.
    private static func bigEndian(_ decimals: Decimal128Array, width: Int) -> Buffer {
        let bytes = [UInt8](unsafeUninitializedCapacity: decimals.count * width) { output, initialized in
            decimals.withUnsafeValues { values in
                for index in values.indices {
                    let value = UInt128(bitPattern: values[index])
                    let base = index * width
                    for byte in 0..<width {
                        output[base + byte] = UInt8(truncatingIfNeeded: value >> UInt128(8 * (width - 1 - byte)))
                    }
                }
            }
            initialized = decimals.count * width
        }
        return bytes.withUnsafeBytes { Buffer(copying: $0) }
    }

    private static func unexpected(_ array: any ColumnArray) -> ParquetError {
        ParquetError(.unsupported, "an array of type \(array.dataType) is stored as \(type(of: array))")
    }
}
