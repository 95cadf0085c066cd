import SluiceCore

/// Turns the decoded values of a column chunk into the SluiceCore array of its `dataType`:
/// narrows or reinterprets the physical values, spreads them over the rows with the validity from
/// the definition levels, and hands the buffers over without copying when nothing needs changing.
enum ChunkArrayBuilder {
    /// The array of `descriptor.dataType` holding `values`.
    ///
    /// - Throws: `ParquetError(.unsupported)` for a type this reader does not produce from the
    ///   column's physical type, `.invalidEncoding` for a decimal wider than 16 bytes.
    static func makeArray(
        from values: consuming ChunkValues, descriptor: ColumnDescriptor
    ) throws(ParquetError) -> any ColumnArray {
        let rows = values.rowCount
        let dense = values.valueCount
        let layout = RowLayout(
            levels: dense < rows ? values.levels.finish() : nil, rows: rows,
            maxLevel: UInt8(clamping: descriptor.maxDefinitionLevel))
        let physical = descriptor.physicalType
        let dataType = descriptor.dataType
        switch (dataType, physical) {
        case (.boolean, .boolean):
            return try layout.booleans(values.fixed.finish())
        case (.int8, .int32):
            return try layout.primitive(
                Int8.self, dataType, convert(values.fixed, dense) { (v: Int32) in Int8(truncatingIfNeeded: v) })
        case (.int16, .int32):
            return try layout.primitive(
                Int16.self, dataType, convert(values.fixed, dense) { (v: Int32) in Int16(truncatingIfNeeded: v) })
        case (.uint8, .int32):
            return try layout.primitive(
                UInt8.self, dataType, convert(values.fixed, dense) { (v: Int32) in UInt8(truncatingIfNeeded: v) })
        case (.uint16, .int32):
            return try layout.primitive(
                UInt16.self, dataType, convert(values.fixed, dense) { (v: Int32) in UInt16(truncatingIfNeeded: v) })
        case (.int32, .int32), (.date32, .int32), (.time(.second), .int32), (.time(.millisecond), .int32):
            return try layout.primitive(Int32.self, dataType, values.fixed.finish())
        case (.uint32, .int32):
            return try layout.primitive(UInt32.self, dataType, values.fixed.finish())
        case (.int64, .int64), (.timestamp, .int64), (.time(.microsecond), .int64), (.time(.nanosecond), .int64):
            return try layout.primitive(Int64.self, dataType, values.fixed.finish())
        case (.uint64, .int64):
            return try layout.primitive(UInt64.self, dataType, values.fixed.finish())
        case (.timestamp(let unit, _), .int96):
            let divisor = 1_000_000_000 / unit.perSecond
            return try layout.primitive(
                Int64.self, dataType,
                convert(values.fixed, dense) { (v: Int96Value) in v.nanosecondsSinceEpoch / divisor })
        case (.float32, .float):
            return try layout.primitive(Float.self, dataType, values.fixed.finish())
        case (.float64, .double):
            return try layout.primitive(Double.self, dataType, values.fixed.finish())
        case (.float16, .fixedLenByteArray) where descriptor.typeLength == 2:
            return try layout.primitive(UInt16.self, dataType, values.fixed.finish())
        case (.decimal, .int32):
            return try layout.primitive(Int128.self, dataType, convert(values.fixed, dense) { (v: Int32) in Int128(v) })
        case (.decimal, .int64):
            return try layout.primitive(Int128.self, dataType, convert(values.fixed, dense) { (v: Int64) in Int128(v) })
        case (.decimal, .fixedLenByteArray):
            let decimals = try BigEndianDecimal.decode(fixed: values.fixed, width: descriptor.typeLength, count: dense)
            return try layout.primitive(Int128.self, dataType, decimals)
        case (.decimal, .byteArray):
            let decimals = try BigEndianDecimal.decode(byteArrays: values.byteArrays, count: dense)
            return try layout.primitive(Int128.self, dataType, decimals)
        case (.fixedSizeBinary(let width), .fixedLenByteArray) where width == descriptor.typeLength:
            return try layout.fixedSizeBinary(width: width, values.fixed.finish())
        case (.string, .byteArray):
            let (offsets, data) = try finish(values.byteArrays)
            return try layout.byteArray(StringKind.self, offsets: offsets, data: data)
        case (.binary, .byteArray):
            let (offsets, data) = try finish(values.byteArrays)
            return try layout.byteArray(BinaryKind.self, offsets: offsets, data: data)
        default:
            throw ParquetError(.unsupported, "reading \(physical) values as \(dataType)")
        }
    }

    /// Maps `count` dense values of `S` in `buffer` to a new buffer of `T`, in one pass.
    private static func convert<S: BitwiseCopyable, T: BitwiseCopyable>(
        _ buffer: borrowing MutableBuffer, _ count: Int, _ transform: (S) -> T
    ) -> Buffer {
        var output = MutableBuffer(capacity: count * MemoryLayout<T>.stride)
        output.resize(byteCount: count * MemoryLayout<T>.stride)
        buffer.withUnsafeBytes { raw in
            let source = raw.bindMemory(to: S.self)
            output.withUnsafeMutableBufferPointer(as: T.self) { target in
                for index in 0..<count { target[index] = transform(source[index]) }
            }
        }
        return output.finish()
    }

    private static func finish(_ output: consuming ByteArrayOutput) throws(ParquetError) -> (OffsetBuffer, Buffer) {
        do {
            return try output.finish()
        } catch {
            throw ParquetError(.invalidEncoding, "byte array offsets: \(error)")
        }
    }
}
