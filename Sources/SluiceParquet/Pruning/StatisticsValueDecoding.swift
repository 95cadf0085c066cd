import SluiceCore

extension OrderedValue {
    /// A min or max statistic of `column` (PLAIN bytes without a length prefix), or nil when the
    /// bytes do not fit the type or hold NaN (which bounds nothing).
    init?(statistic bytes: [UInt8], of column: ColumnDescriptor) {
        let isDecimal: Bool
        if case .decimal = column.dataType { isDecimal = true } else { isDecimal = false }
        switch column.physicalType {
        case .boolean:
            guard let first = bytes.first else { return nil }
            self = .boolean(first & 1 != 0)
        case .int32:
            guard bytes.count == 4 else { return nil }
            let bits = UInt32(truncatingIfNeeded: Self.littleEndian(bytes))
            let isUnsigned = [.uint8, .uint16, .uint32].contains(column.dataType)
            self = .integer(isUnsigned ? Int128(bits) : Int128(Int32(bitPattern: bits)))
        case .int64:
            guard bytes.count == 8 else { return nil }
            let bits = Self.littleEndian(bytes)
            self = .integer(column.dataType == .uint64 ? Int128(bits) : Int128(Int64(bitPattern: bits)))
        case .float:
            guard bytes.count == 4 else { return nil }
            self.init(float: Double(Float(bitPattern: UInt32(truncatingIfNeeded: Self.littleEndian(bytes)))))
        case .double:
            guard bytes.count == 8 else { return nil }
            self.init(float: Double(bitPattern: Self.littleEndian(bytes)))
        case .byteArray, .fixedLenByteArray:
            if isDecimal {
                guard let unscaled = Self.bigEndianTwosComplement(bytes) else { return nil }
                self = .integer(unscaled)
            } else if column.dataType == .float16 {
                guard bytes.count == 2 else { return nil }
                let bits = UInt16(bytes[0]) | UInt16(bytes[1]) << 8
                self.init(float: Double(HalfFloat.float(fromBits: bits)))
            } else {
                self = .bytes(bytes)
            }
        case .int96:
            return nil
        }
    }

    private init?(float value: Double) {
        guard !value.isNaN else { return nil }
        self = .float(value)
    }

    /// Up to 8 little-endian bytes as an unsigned integer.
    private static func littleEndian(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0
        for (index, byte) in bytes.prefix(8).enumerated() { value |= UInt64(byte) << (8 * index) }
        return value
    }

    /// A big-endian two's complement integer of 1 to 16 bytes (how decimals are stored in byte arrays).
    static func bigEndianTwosComplement(_ bytes: [UInt8]) -> Int128? {
        guard let first = bytes.first, bytes.count <= 16 else { return nil }
        var value: Int128 = first >= 0x80 ? -1 : 0
        for byte in bytes { value = value << 8 | Int128(byte) }
        return value
    }
}
