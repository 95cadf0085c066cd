/// Encodes levels, booleans and dictionary indices with the RLE/bit-packed hybrid.
///
/// Follows the strategy of parquet-mr and Arrow: values are buffered in groups of 8; a value
/// repeated at least 8 times from a group boundary becomes an RLE run, everything else joins a
/// bit-packed run (of at most 63 groups, so its header is one byte reserved before the groups).
/// Repeating a value is O(1) once its run is established, so all-valid levels cost nothing.
struct RLEHybridEncoder {
    /// Bits per value, `0...32`.
    let bitWidth: Int
    /// The encoded runs so far (complete after `finish()`).
    private(set) var bytes: [UInt8] = []
    private var buffered = SIMD8<UInt64>()
    private var bufferedCount = 0
    private var current: UInt32 = 0
    private var repeatCount = 0
    /// Values in the open bit-packed run, and where its header byte is reserved.
    private var literalCount = 0
    private var indicatorIndex: Int?

    /// - Precondition: `0 <= bitWidth <= 32`.
    init(bitWidth: Int) {
        precondition((0...32).contains(bitWidth), "RLE bit width \(bitWidth) is not in 0...32")
        self.bitWidth = bitWidth
    }

    /// Appends one value (its bits above `bitWidth` are dropped).
    mutating func append(_ value: UInt32) {
        let value = bitWidth == 32 ? value : value & ((1 << UInt32(bitWidth)) &- 1)
        if value == current {
            repeatCount += 1
            // Past 8 the run is already committed and the buffer empty: just count.
            if repeatCount > 8 { return }
        } else {
            if repeatCount >= 8 { flushRepeatedRun() }
            repeatCount = 1
            current = value
        }
        buffered[bufferedCount] = UInt64(value)
        bufferedCount += 1
        if bufferedCount == 8 { flushBufferedValues() }
    }

    /// Appends `count` copies of `value`.
    mutating func append(_ value: UInt32, count: Int) {
        var left = count
        let masked = bitWidth == 32 ? value : value & ((1 << UInt32(bitWidth)) &- 1)
        while left > 0 && !(masked == current && repeatCount > 8) {
            append(masked)
            left -= 1
        }
        repeatCount += left
    }

    /// Appends every value of `values`.
    mutating func append(contentsOf values: some Sequence<UInt32>) {
        for value in values { append(value) }
    }

    /// Ends the last run and returns all the runs (no length prefix). The encoder is then empty.
    mutating func finish() -> [UInt8] {
        if literalCount > 0 || repeatCount > 0 || bufferedCount > 0 {
            let allRepeat = literalCount == 0 && (repeatCount == bufferedCount || bufferedCount == 0)
            if repeatCount > 0 && allRepeat {
                flushRepeatedRun()
            } else {
                // Pad the last group with zeros: readers stop at the value count they know.
                if bufferedCount > 0 {
                    while bufferedCount < 8 {
                        buffered[bufferedCount] = 0
                        bufferedCount += 1
                    }
                }
                literalCount += bufferedCount
                flushLiteralRun(closing: true)
                repeatCount = 0
            }
        }
        let result = bytes
        self = RLEHybridEncoder(bitWidth: bitWidth)
        return result
    }

    /// `finish()` with the 4-byte little-endian length in front (data page v1 levels, RLE booleans).
    mutating func finishLengthPrefixed() -> [UInt8] {
        let runs = finish()
        let length = UInt32(truncatingIfNeeded: runs.count)
        return withUnsafeBytes(of: length.littleEndian) { Array($0) } + runs
    }

    private mutating func flushBufferedValues() {
        if repeatCount >= 8 {
            // The 8 buffered values start an RLE run: drop them and close any bit-packed run.
            bufferedCount = 0
            if literalCount != 0 { flushLiteralRun(closing: true) }
            return
        }
        literalCount += bufferedCount
        let groups = literalCount / 8
        flushLiteralRun(closing: groups + 1 >= 1 << 6)
        repeatCount = 0
    }

    private mutating func flushLiteralRun(closing: Bool) {
        if indicatorIndex == nil {
            indicatorIndex = bytes.count
            bytes.append(0)
        }
        if bufferedCount > 0 {
            withUnsafeBytes(of: buffered) { raw in
                let words = raw.bindMemory(to: UInt64.self)
                BitPacking.pack(UnsafeBufferPointer(rebasing: words[..<8]), bitWidth: bitWidth, into: &bytes)
            }
        }
        bufferedCount = 0
        if closing, let indicatorIndex {
            let groups = (literalCount + 7) / 8
            bytes[indicatorIndex] = UInt8(truncatingIfNeeded: groups << 1 | 1)
            self.indicatorIndex = nil
            literalCount = 0
        }
    }

    private mutating func flushRepeatedRun() {
        appendULEB128(UInt64(repeatCount) << 1, to: &bytes)
        var value = current
        for _ in 0..<(bitWidth + 7) / 8 {
            bytes.append(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
        bufferedCount = 0
        repeatCount = 0
    }
}
