import SluiceCore

extension Scalar {
    /// An array holding this value (or null) `count` times.
    ///
    /// - Throws: `ComputeError.unsupported` for nested and float16 types.
    public func makeArray(count: Int) throws -> any ColumnArray {
        let validity = isNull ? ValidityBitmap(BitBuffer(repeating: false, count: count)) : nil
        switch (dataType, payload) {
        case (.boolean, let payload):
            var value = false
            if case .boolean(let bit) = payload { value = bit }
            return try BooleanArray(values: BitBuffer(repeating: value, count: count), validity: validity)
        case (.int8, _): return filled(Int8(truncatingIfNeeded: integerPayload), count, validity)
        case (.int16, _): return filled(Int16(truncatingIfNeeded: integerPayload), count, validity)
        case (.int32, _), (.date32, _): return filled(Int32(truncatingIfNeeded: integerPayload), count, validity)
        case (.time(let unit), _) where unit == .second || unit == .millisecond:
            return filled(Int32(truncatingIfNeeded: integerPayload), count, validity)
        case (.int64, _), (.timestamp, _), (.time, _): return filled(integerPayload, count, validity)
        case (.uint8, _): return filled(UInt8(truncatingIfNeeded: unsignedPayload), count, validity)
        case (.uint16, _): return filled(UInt16(truncatingIfNeeded: unsignedPayload), count, validity)
        case (.uint32, _): return filled(UInt32(truncatingIfNeeded: unsignedPayload), count, validity)
        case (.uint64, _): return filled(unsignedPayload, count, validity)
        case (.float32, _): return filled(Float(floatPayload), count, validity)
        case (.float64, _): return filled(floatPayload, count, validity)
        case (.decimal, _):
            var value: Int128 = 0
            if case .decimal(let unscaled) = payload { value = unscaled }
            return filled(value, count, validity)
        case (.string, _): return try repeatedBytes(StringBuilder(capacity: count), count)
        case (.binary, _): return try repeatedBytes(BinaryBuilder(capacity: count), count)
        case (.fixedSizeBinary(let width), _):
            let builder = FixedSizeBinaryBuilder(byteWidth: width, capacity: count)
            for _ in 0..<count {
                if case .bytes(let bytes) = payload { builder.append(bytes) } else { builder.appendNull() }
            }
            return builder.finish()
        default:
            throw ComputeError(.unsupported, "no scalar arrays of type \(dataType)")
        }
    }

    var integerPayload: Int64 {
        if case .integer(let value) = payload { return value }
        return 0
    }

    var unsignedPayload: UInt64 {
        if case .unsigned(let value) = payload { return value }
        return 0
    }

    var floatPayload: Double {
        if case .float(let value) = payload { return value }
        return 0
    }

    var bytesPayload: [UInt8] {
        if case .bytes(let value) = payload { return value }
        return []
    }

    private func filled<T: FixedWidthValue>(_ value: T, _ count: Int, _ validity: ValidityBitmap?) -> PrimitiveArray<T>
    {
        PrimitiveArray<T>(count: count, dataType: dataType, validity: validity) { values in
            values.initialize(repeating: value)
        }
    }

    private func repeatedBytes<Kind>(_ builder: GenericByteBuilder<Kind>, _ count: Int) throws -> GenericByteArray<Kind>
    {
        let bytes = bytesPayload
        bytes.withUnsafeBytes { raw in
            for _ in 0..<count {
                if isNull { builder.appendNull() } else { builder.append(bytes: raw) }
            }
        }
        return builder.finish()
    }
}
