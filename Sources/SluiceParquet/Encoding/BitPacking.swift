/// Packs values LSB first, 8 at a time: the inverse of `BitUnpacking`, for the writer.
enum BitPacking {
    /// Appends `values` (a multiple of 8 of them; callers pad with zeros) packed at `bitWidth`
    /// (`0...64`) bits each, `values.count / 8 * bitWidth` bytes in all. Higher bits are dropped.
    static func pack(_ values: UnsafeBufferPointer<UInt64>, bitWidth: Int, into output: inout [UInt8]) {
        guard bitWidth > 0 else { return }
        let mask: UInt64 = bitWidth == 64 ? ~0 : (1 << UInt64(bitWidth)) - 1
        var accumulator: UInt128 = 0
        var bits = 0
        output.reserveCapacity(output.count + (values.count * bitWidth + 7) / 8)
        for value in values {
            accumulator |= UInt128(value & mask) << bits
            bits += bitWidth
            while bits >= 8 {
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
        if bits > 0 {
            output.append(UInt8(truncatingIfNeeded: accumulator))
        }
    }
}
