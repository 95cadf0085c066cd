/// A bounds-checked read position in a page body: every read that would pass the end throws
/// `ParquetError(.invalidEncoding, …)` instead of touching memory outside the page.
///
/// It borrows the bytes: the page buffer must outlive the cursor.
struct ByteCursor {
    let bytes: UnsafeRawBufferPointer
    /// The offset of the next byte to read.
    var position: Int

    init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The number of bytes left to read.
    @inline(__always)
    var remaining: Int { bytes.count &- position }

    /// Throws unless `count` more bytes are present.
    @inline(__always)
    func require(_ count: Int, _ what: @autoclosure () -> String) throws(ParquetError) {
        guard count >= 0, count <= remaining else {
            throw ParquetError(
                .invalidEncoding, "\(what()) needs \(count) bytes but only \(remaining) remain")
        }
    }

    mutating func readByte(_ what: @autoclosure () -> String) throws(ParquetError) -> UInt8 {
        try require(1, what())
        let byte = bytes[position]
        position &+= 1
        return byte
    }

    /// Reads a little-endian unsigned 32-bit integer (the length prefixes of PLAIN byte arrays and
    /// of v1 level runs).
    mutating func readUInt32LE(_ what: @autoclosure () -> String) throws(ParquetError) -> UInt32 {
        try require(4, what())
        let value = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
        position &+= 4
        return value
    }

    /// Reads a ULEB128 integer of at most 64 bits (10 bytes).
    mutating func readULEB128(_ what: @autoclosure () -> String) throws(ParquetError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else {
                throw ParquetError(.invalidEncoding, "\(what()) (a ULEB128 varint) is truncated")
            }
            let byte = bytes[position]
            position &+= 1
            // The 10th byte may carry only the top bit of a 64-bit value.
            if shift == 63 && byte > 1 {
                throw ParquetError(.invalidEncoding, "\(what()) (a ULEB128 varint) overflows 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Reads a zigzag-encoded ULEB128 integer.
    mutating func readZigZag(_ what: @autoclosure () -> String) throws(ParquetError) -> Int64 {
        let raw = try readULEB128(what())
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// Reads a ULEB128 integer that must lie in `0...limit` (a count or size).
    mutating func readCount(_ what: @autoclosure () -> String, limit: Int = Int(Int32.max)) throws(ParquetError)
        -> Int
    {
        let raw = try readULEB128(what())
        guard raw <= UInt64(limit) else {
            throw ParquetError(.invalidEncoding, "\(what()) \(raw) exceeds \(limit)")
        }
        return Int(raw)
    }

    /// The next `count` bytes, consumed.
    mutating func take(_ count: Int, _ what: @autoclosure () -> String) throws(ParquetError) -> UnsafeRawBufferPointer {
        try require(count, what())
        let slice = UnsafeRawBufferPointer(rebasing: bytes[position..<(position &+ count)])
        position &+= count
        return slice
    }

    /// The bytes from the read position to the end, all consumed.
    mutating func takeRest() -> UnsafeRawBufferPointer {
        let slice = UnsafeRawBufferPointer(rebasing: bytes[position...])
        position = bytes.count
        return slice
    }
}

/// The zigzag encoding of `value` (small magnitudes → small unsigned numbers).
@inline(__always)
func zigZagEncode(_ value: Int64) -> UInt64 {
    UInt64(bitPattern: (value << 1) ^ (value >> 63))
}

/// Appends `value` as ULEB128.
func appendULEB128(_ value: UInt64, to output: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
        output.append(UInt8(truncatingIfNeeded: rest) | 0x80)
        rest >>= 7
    }
    output.append(UInt8(truncatingIfNeeded: rest))
}
