/// Decodes DELTA_BINARY_PACKED INT32 and INT64 values (`Encodings.md`, "Delta Encoding"): a header,
/// then blocks of a zigzag min delta, one bit width per miniblock (up to 64) and the bit-packed
/// deltas. All arithmetic wraps, as the spec requires; INT32 values are the low 32 bits of the same
/// 64-bit sums, which is the same thing modulo 2^32.
///
/// Streamed like the other decoders; the page bytes are borrowed and must outlive the decoder.
struct DeltaBinaryPackedDecoder {
    private var cursor: ByteCursor
    let valuesPerBlock: Int
    let miniblocksPerBlock: Int
    let valuesPerMiniblock: Int
    /// The number of values in the header.
    let totalCount: Int
    /// The values not returned yet.
    private(set) var remaining: Int
    private var firstPending = true
    private var last: UInt64
    private var minDelta: UInt64 = 0
    /// The offset of the current block's bit widths, and the next miniblock's index in them.
    private var bitWidthsOffset = 0
    private var miniblockIndex: Int
    private var miniblockWidth = 0
    /// Values of the current miniblock not returned yet (including those in `pending`).
    private var miniblockRemaining = 0
    /// The byte offset of the current miniblock's next whole group.
    private var groupOffset = 0
    private var pending = SIMD8<UInt64>()
    private var pendingIndex = 8

    /// Reads the header at the start of `bytes`.
    init(_ bytes: UnsafeRawBufferPointer) throws(ParquetError) {
        cursor = ByteCursor(bytes)
        valuesPerBlock = try cursor.readCount("the DELTA_BINARY_PACKED block size", limit: 1 << 20)
        miniblocksPerBlock = try cursor.readCount("the DELTA_BINARY_PACKED miniblock count", limit: 1 << 20)
        totalCount = try cursor.readCount("the DELTA_BINARY_PACKED value count")
        last = UInt64(bitPattern: try cursor.readZigZag("the first DELTA_BINARY_PACKED value"))
        // The spec asks for multiples of 128 and 32; multiples of 8 are all the unpacking needs.
        guard valuesPerBlock > 0, miniblocksPerBlock > 0, valuesPerBlock % miniblocksPerBlock == 0,
            (valuesPerBlock / miniblocksPerBlock) % 8 == 0
        else {
            throw ParquetError(
                .invalidEncoding,
                "DELTA_BINARY_PACKED block of \(valuesPerBlock) values in \(miniblocksPerBlock) miniblocks "
                    + "does not split into miniblocks of a multiple of 8 values")
        }
        valuesPerMiniblock = valuesPerBlock / miniblocksPerBlock
        remaining = totalCount
        miniblockIndex = miniblocksPerBlock
    }

    /// Fills `output` with the next `output.count` values.
    mutating func decode(into output: UnsafeMutableBufferPointer<Int64>) throws(ParquetError) {
        try output.withMemoryRebound(to: UInt64.self) { (words) throws(ParquetError) in
            try decodeWords(into: words)
        }
    }

    /// Fills `output` with the next `output.count` values.
    mutating func decode(into output: UnsafeMutableBufferPointer<Int32>) throws(ParquetError) {
        try withZeroedScratch(of: UInt64.self) { (scratch) throws(ParquetError) in
            var done = 0
            while done < output.count {
                let batch = UnsafeMutableBufferPointer(rebasing: scratch[..<min(scratch.count, output.count - done)])
                try decodeWords(into: batch)
                for index in batch.indices {
                    output[done &+ index] = Int32(truncatingIfNeeded: batch[index])
                }
                done += batch.count
            }
        }
    }

    /// Skips the remaining values without decoding them and returns the offset just past the
    /// encoded data (where DELTA_LENGTH_BYTE_ARRAY bytes start).
    mutating func skipToEnd() throws(ParquetError) -> Int {
        if firstPending && remaining > 0 {
            firstPending = false
            remaining -= 1
        }
        while true {
            remaining -= miniblockRemaining
            miniblockRemaining = 0
            pendingIndex = 8
            guard remaining > 0 else { break }
            try startMiniblock()
        }
        return cursor.position
    }

    private mutating func decodeWords(into output: UnsafeMutableBufferPointer<UInt64>) throws(ParquetError) {
        guard let base = output.baseAddress else { return }
        let total = output.count
        guard total <= remaining else {
            throw ParquetError(
                .invalidEncoding, "\(total) DELTA_BINARY_PACKED values requested but only \(remaining) remain")
        }
        var written = 0
        if firstPending {
            base[0] = last
            firstPending = false
            written = 1
        }
        var value = last
        var delta = minDelta
        // Values written but not yet subtracted from `remaining` (which sizes the next miniblock).
        var accounted = 0
        while written < total {
            if miniblockRemaining == 0 {
                remaining &-= written &- accounted
                accounted = written
                try startMiniblock()
                delta = minDelta
                continue
            }
            while pendingIndex < 8 && miniblockRemaining > 0 && written < total {
                value = value &+ delta &+ pending[pendingIndex]
                base[written] = value
                pendingIndex &+= 1
                written &+= 1
                miniblockRemaining &-= 1
            }
            if miniblockRemaining == 0 || written == total { continue }
            let groups = min(miniblockRemaining, total &- written) / 8
            if groups > 0 {
                BitUnpacking.unpack(
                    cursor.bytes, offset: groupOffset, groupCount: groups, bitWidth: miniblockWidth,
                    into: base + written)
                // Prefix sum in place: each packed delta becomes a value.
                for index in written..<(written &+ groups &* 8) {
                    value = value &+ delta &+ base[index]
                    base[index] = value
                }
                groupOffset &+= groups &* miniblockWidth
                written &+= groups &* 8
                miniblockRemaining &-= groups &* 8
            }
            if miniblockRemaining > 0 && written < total {
                let width = miniblockWidth
                let offset = groupOffset
                withUnsafeMutablePointer(to: &pending) { pointer in
                    pointer.withMemoryRebound(to: UInt64.self, capacity: 8) { lanes in
                        BitUnpacking.unpack(cursor.bytes, offset: offset, groupCount: 1, bitWidth: width, into: lanes)
                    }
                }
                groupOffset &+= width
                pendingIndex = 0
            }
        }
        last = value
        remaining &-= written &- accounted
    }

    /// Moves to the next miniblock, reading a block header first when the block is done.
    private mutating func startMiniblock() throws(ParquetError) {
        if miniblockIndex == miniblocksPerBlock {
            minDelta = UInt64(bitPattern: try cursor.readZigZag("a DELTA_BINARY_PACKED min delta"))
            try cursor.require(miniblocksPerBlock, "the DELTA_BINARY_PACKED miniblock bit widths")
            bitWidthsOffset = cursor.position
            cursor.position &+= miniblocksPerBlock
            miniblockIndex = 0
        }
        let width = Int(cursor.bytes[bitWidthsOffset &+ miniblockIndex])
        guard width <= 64 else {
            throw ParquetError(.invalidEncoding, "DELTA_BINARY_PACKED miniblock bit width \(width) exceeds 64")
        }
        let needed = min(valuesPerMiniblock, remaining)
        // The last miniblock should be padded to full size; accept it cut after its last value.
        try cursor.require((needed * width + 7) / 8, "a DELTA_BINARY_PACKED miniblock of \(needed) values")
        miniblockWidth = width
        miniblockRemaining = needed
        groupOffset = cursor.position
        pendingIndex = 8
        cursor.position = min(cursor.position &+ valuesPerMiniblock * width / 8, cursor.bytes.count)
        miniblockIndex &+= 1
    }
}
