/// Decodes the RLE/bit-packed hybrid encoding: definition and repetition levels, RLE booleans and
/// dictionary indices (`Encodings.md`, "Run Length Encoding / Bit-Packing Hybrid").
///
/// Decoding is streamed: each `decode(into:)` call fills the whole output and remembers where it
/// stopped, in the middle of a run if need be. RLE runs become fills; bit-packed runs are unpacked
/// straight into the output 8 values at a time. The page bytes are borrowed and must outlive the
/// decoder.
struct RLEHybridDecoder {
    /// Bits per value, `0...32`.
    let bitWidth: Int
    private var cursor: ByteCursor
    /// Values left in the current run (bit-packed: including those still in `pending`).
    private var runRemaining = 0
    private var runIsPacked = false
    /// The value of the current RLE run.
    private var repeatedValue: UInt32 = 0
    /// The byte offset of the next whole group of the current bit-packed run.
    private var groupOffset = 0
    /// A group unpacked for a request that ended inside it; `pendingIndex == 8` when empty.
    private var pending = SIMD8<UInt32>()
    private var pendingIndex = 8

    /// A decoder for runs that fill all of `bytes` (no length prefix: data page v2 levels; and the
    /// indices after a dictionary page's bit-width byte).
    ///
    /// - Throws: `ParquetError(.invalidEncoding)` if `bitWidth` is not in `0...32`.
    init(bitWidth: Int, bytes: UnsafeRawBufferPointer) throws(ParquetError) {
        guard (0...32).contains(bitWidth) else {
            throw ParquetError(.invalidEncoding, "RLE bit width \(bitWidth) is not in 0...32")
        }
        self.bitWidth = bitWidth
        cursor = ByteCursor(bytes)
    }

    /// A decoder for the length-prefixed form (data page v1 levels, RLE booleans): a 4-byte
    /// little-endian length, then that many bytes of runs. Advances `page` past them.
    static func lengthPrefixed(bitWidth: Int, page: inout ByteCursor) throws(ParquetError) -> RLEHybridDecoder {
        let length = try page.readUInt32LE("the length of RLE data")
        let body = try page.take(Int(length), "RLE data of the declared length \(length)")
        return try RLEHybridDecoder(bitWidth: bitWidth, bytes: body)
    }

    /// A decoder for the values of an RLE_DICTIONARY / PLAIN_DICTIONARY data page: a 1-byte bit
    /// width, then runs to the end of the page. An empty page (all values null) decodes nothing.
    static func dictionaryIndices(_ bytes: UnsafeRawBufferPointer) throws(ParquetError) -> RLEHybridDecoder {
        guard let width = bytes.first else {
            return try RLEHybridDecoder(bitWidth: 0, bytes: bytes)
        }
        return try RLEHybridDecoder(bitWidth: Int(width), bytes: UnsafeRawBufferPointer(rebasing: bytes[1...]))
    }

    /// The bit width of levels whose maximum is `maxLevel`.
    static func bitWidth(forMaxLevel maxLevel: Int) -> Int {
        BitUnpacking.bitWidth(of: UInt64(max(0, maxLevel)))
    }

    /// The offset just past the runs consumed so far (meaningful once the data is exhausted).
    var bytesConsumed: Int { cursor.position }

    /// Fills `output` with the next `output.count` values.
    ///
    /// - Throws: `ParquetError(.invalidEncoding)` if the runs end first or a run is malformed; the
    ///   output's contents are then unspecified.
    mutating func decode<T: FixedWidthInteger & UnsignedInteger>(
        into output: UnsafeMutableBufferPointer<T>
    ) throws(ParquetError) {
        guard let base = output.baseAddress else { return }
        guard bitWidth <= T.bitWidth else {
            throw ParquetError(.invalidEncoding, "RLE bit width \(bitWidth) does not fit in \(T.self)")
        }
        let total = output.count
        var written = 0
        while written < total {
            if runRemaining == 0 {
                try startRun(decoded: written, of: total)
                continue
            }
            let wanted = total &- written
            if !runIsPacked {
                let count = min(runRemaining, wanted)
                (base + written).update(repeating: T(truncatingIfNeeded: repeatedValue), count: count)
                written &+= count
                runRemaining &-= count
                continue
            }
            // Values left over from a group split by the previous request.
            while pendingIndex < 8 && runRemaining > 0 && written < total {
                base[written] = T(truncatingIfNeeded: pending[pendingIndex])
                pendingIndex &+= 1
                written &+= 1
                runRemaining &-= 1
            }
            if runRemaining == 0 || written == total { continue }
            let groups = min(runRemaining, total &- written) / 8
            if groups > 0 {
                BitUnpacking.unpack(
                    cursor.bytes, offset: groupOffset, groupCount: groups, bitWidth: bitWidth,
                    into: base + written)
                groupOffset &+= groups &* bitWidth
                written &+= groups &* 8
                runRemaining &-= groups &* 8
            }
            if runRemaining > 0 && written < total {
                // The request ends inside a group: unpack it aside and serve part of it.
                withUnsafeMutablePointer(to: &pending) { pointer in
                    pointer.withMemoryRebound(to: UInt32.self, capacity: 8) { lanes in
                        BitUnpacking.unpack(
                            cursor.bytes, offset: groupOffset, groupCount: 1, bitWidth: bitWidth, into: lanes)
                    }
                }
                groupOffset &+= bitWidth
                pendingIndex = 0
            }
        }
    }

    /// Reads the next run header.
    private mutating func startRun(decoded: Int, of total: Int) throws(ParquetError) {
        if runIsPacked {
            // Step over the bytes of the finished bit-packed run.
            cursor.position = min(groupOffset, cursor.bytes.count)
            runIsPacked = false
        }
        guard cursor.remaining > 0 else {
            throw ParquetError(
                .invalidEncoding, "RLE/bit-packed data ends after \(decoded) of \(total) requested values")
        }
        let header = try cursor.readULEB128("an RLE run header")
        guard header >> 1 <= UInt64(Int32.max) else {
            throw ParquetError(.invalidEncoding, "RLE run length \(header >> 1) exceeds 2^31 - 1")
        }
        let length = Int(header >> 1)
        if header & 1 == 1 {
            let groups = length
            let present = cursor.remaining
            guard bitWidth == 0 || present > 0 || groups == 0 else {
                throw ParquetError(.invalidEncoding, "a bit-packed run of \(groups) groups has no data")
            }
            // Some writers end the last run early; read only the values whose bits are present.
            let values = bitWidth == 0 ? groups &* 8 : min(groups &* 8, present &* 8 / bitWidth)
            runIsPacked = true
            runRemaining = values
            groupOffset = cursor.position
            pendingIndex = 8
        } else {
            let width = (bitWidth + 7) / 8
            try cursor.require(width, "the value of an RLE run")
            var value: UInt32 = 0
            for index in 0..<width {
                value |= UInt32(cursor.bytes[cursor.position &+ index]) << (8 * index)
            }
            cursor.position &+= width
            guard bitWidth == 32 || value >> bitWidth == 0 else {
                throw ParquetError(.invalidEncoding, "RLE run value \(value) does not fit in \(bitWidth) bits")
            }
            repeatedValue = value
            runRemaining = length
        }
    }
}
