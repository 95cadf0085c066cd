/// Encodes INT32 or INT64 values DELTA_BINARY_PACKED, in blocks of 128 values made of 4 miniblocks
/// of 32 (the layout parquet-mr and Arrow write).
///
/// Deltas are computed in the column's own width with wrapping arithmetic, so INT32 data never
/// needs more than 32 bits per delta, as the spec requires.
enum DeltaBinaryPackedEncoder {
    static let valuesPerBlock = 128
    static let miniblocksPerBlock = 4

    /// Appends the encoding of `values`.
    static func encode<T: FixedWidthInteger & SignedInteger>(
        _ values: UnsafeBufferPointer<T>, into output: inout [UInt8]
    ) {
        appendULEB128(UInt64(valuesPerBlock), to: &output)
        appendULEB128(UInt64(miniblocksPerBlock), to: &output)
        appendULEB128(UInt64(values.count), to: &output)
        appendULEB128(zigZagEncode(Int64(values.first ?? 0)), to: &output)
        guard values.count > 1 else { return }
        let valuesPerMiniblock = valuesPerBlock / miniblocksPerBlock
        var deltas = [T](repeating: 0, count: valuesPerBlock)
        var relative = [UInt64](repeating: 0, count: valuesPerMiniblock)
        var position = 1
        while position < values.count {
            let blockCount = min(valuesPerBlock, values.count - position)
            var minDelta = T.max
            for index in 0..<blockCount {
                deltas[index] = values[position + index] &- values[position + index - 1]
                minDelta = min(minDelta, deltas[index])
            }
            appendULEB128(zigZagEncode(Int64(minDelta)), to: &output)
            // Bit widths of the miniblocks this block uses; the rest are written as 0.
            var widths = [Int](repeating: 0, count: miniblocksPerBlock)
            let usedMiniblocks = (blockCount + valuesPerMiniblock - 1) / valuesPerMiniblock
            for miniblock in 0..<usedMiniblocks {
                var maximum: T.Magnitude = 0
                let start = miniblock * valuesPerMiniblock
                for index in start..<min(blockCount, start + valuesPerMiniblock) {
                    maximum = max(maximum, T.Magnitude(truncatingIfNeeded: deltas[index] &- minDelta))
                }
                widths[miniblock] = BitUnpacking.bitWidth(of: UInt64(maximum))
            }
            for width in widths { output.append(UInt8(truncatingIfNeeded: width)) }
            for miniblock in 0..<usedMiniblocks {
                let start = miniblock * valuesPerMiniblock
                for index in 0..<valuesPerMiniblock {
                    let delta = start + index < blockCount ? deltas[start + index] &- minDelta : 0
                    relative[index] = UInt64(T.Magnitude(truncatingIfNeeded: delta))
                }
                relative.withUnsafeBufferPointer { BitPacking.pack($0, bitWidth: widths[miniblock], into: &output) }
            }
            position += blockCount
        }
    }

    /// The encoding of `values`.
    static func encode<T: FixedWidthInteger & SignedInteger>(_ values: [T]) -> [UInt8] {
        var output: [UInt8] = []
        values.withUnsafeBufferPointer { encode($0, into: &output) }
        return output
    }
}
