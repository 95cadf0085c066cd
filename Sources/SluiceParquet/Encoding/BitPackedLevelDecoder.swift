/// Decodes the deprecated BIT_PACKED level encoding: `valueCount` values of `bitWidth` bits back to
/// back, packed from the most significant bit of each byte down (the opposite of the hybrid
/// encoding), with no header. Only old parquet-mr files use it, so it favours simplicity.
struct BitPackedLevelDecoder {
    let bitWidth: Int
    private let bytes: UnsafeRawBufferPointer
    private var bitPosition = 0
    private var remaining: Int

    /// Takes the `ceil(valueCount * bitWidth / 8)` bytes of the levels from `page` and advances it
    /// past them.
    init(bitWidth: Int, valueCount: Int, page: inout ByteCursor) throws(ParquetError) {
        guard (0...16).contains(bitWidth) else {
            throw ParquetError(.invalidEncoding, "BIT_PACKED level bit width \(bitWidth) is not in 0...16")
        }
        guard valueCount >= 0, valueCount <= Int(Int32.max) else {
            throw ParquetError(.invalidEncoding, "BIT_PACKED level count \(valueCount) is out of range")
        }
        self.bitWidth = bitWidth
        bytes = try page.take((valueCount * bitWidth + 7) / 8, "\(valueCount) BIT_PACKED levels")
        remaining = valueCount
    }

    /// Fills `output` with the next `output.count` levels.
    mutating func decode<T: FixedWidthInteger & UnsignedInteger>(
        into output: UnsafeMutableBufferPointer<T>
    ) throws(ParquetError) {
        guard output.count <= remaining else {
            throw ParquetError(
                .invalidEncoding, "\(output.count) BIT_PACKED levels requested but only \(remaining) remain")
        }
        for index in output.indices {
            var value: UInt32 = 0
            for _ in 0..<bitWidth {
                let byte = bytes[bitPosition &>> 3]
                let bit = (byte &>> (7 &- UInt8(bitPosition & 7))) & 1
                value = value &<< 1 | UInt32(bit)
                bitPosition &+= 1
            }
            output[index] = T(truncatingIfNeeded: value)
        }
        remaining &-= output.count
    }
}
