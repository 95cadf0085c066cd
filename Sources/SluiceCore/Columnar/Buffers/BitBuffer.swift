/// A packed run of bits over a `Buffer`, in Arrow's order: bit `i` is bit `i % 8` (least significant
/// first) of byte `i / 8`, counted from `offset`.
///
/// Used for boolean values and, wrapped in `ValidityBitmap`, for validity. Slicing copies nothing: it
/// moves the bit offset. The stored offset is always normalised to `0..<8` so that `buffer` starts at
/// the byte holding the first bit; when `offset == 0` the bytes are exactly Arrow's layout.
public struct BitBuffer: Sendable {
    /// The bytes, starting at the byte that holds bit 0 of this view.
    public let buffer: Buffer
    /// The bit position of bit 0 inside the first byte of `buffer` (0...7).
    public let offset: Int
    /// The number of bits.
    public let count: Int

    /// Wraps `count` bits starting `offset` bits into `buffer`. Copies nothing.
    ///
    /// - Throws: `ColumnarError.invalidBuffer` when the buffer holds fewer than `offset + count` bits.
    public init(buffer: Buffer, offset: Int = 0, count: Int) throws {
        guard offset >= 0, count >= 0 else {
            throw ColumnarError.invalidBuffer("negative bit offset \(offset) or count \(count)")
        }
        let needed = (offset + count + 7) / 8
        guard buffer.byteCount >= needed else {
            throw ColumnarError.invalidBuffer(
                "a bitmap of \(buffer.byteCount) bytes cannot hold \(count) bits at bit offset \(offset)")
        }
        self.init(unchecked: buffer, offset: offset, count: count)
    }

    /// Trusts that `buffer` holds `offset + count` bits; normalises the offset.
    @usableFromInline
    init(unchecked buffer: Buffer, offset: Int, count: Int) {
        let firstByte = offset >> 3
        let bitOffset = offset & 7
        self.buffer = buffer.slice(byteOffset: firstByte, byteCount: (bitOffset + count + 7) >> 3)
        self.offset = bitOffset
        self.count = count
    }

    /// Packs the given bits.
    public init(_ bits: [Bool]) {
        var builder = BitBufferBuilder(capacity: bits.count)
        for bit in bits {
            builder.append(bit)
        }
        self = builder.finish()
    }

    /// `count` copies of `bit`.
    public init(repeating bit: Bool, count: Int) {
        var builder = BitBufferBuilder(capacity: count)
        builder.append(repeating: bit, count: count)
        self = builder.finish()
    }

    /// The bit at `index`.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public subscript(index: Int) -> Bool {
        precondition(index >= 0 && index < count, "bit index \(index) out of range 0..<\(count)")
        let bit = offset &+ index
        let byte = buffer.baseAddress.load(fromByteOffset: bit &>> 3, as: UInt8.self)
        return byte & (1 &<< UInt8(truncatingIfNeeded: bit & 7)) != 0
    }

    /// The bits in `range`, sharing this buffer's bytes.
    ///
    /// - Precondition: `range` lies inside `0..<count`.
    public func slice(_ range: Range<Int>) -> BitBuffer {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice \(range) out of range 0..<\(count)")
        return BitBuffer(unchecked: buffer, offset: offset + range.lowerBound, count: range.count)
    }

    /// Calls `body` with the bytes: bit `i` of this view is bit `(offset + i) % 8` of byte
    /// `(offset + i) / 8`.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try buffer.withUnsafeBytes(body)
    }

    /// The number of set bits, counted a word at a time.
    public func countSetBits() -> Int {
        guard count > 0 else { return 0 }
        return buffer.withUnsafeBytes { bytes in
            var total = 0
            var bit = offset
            let end = offset + count
            // Leading bits up to a byte boundary.
            while bit < end && bit & 7 != 0 {
                if bytes[bit >> 3] & (1 << UInt8(bit & 7)) != 0 { total += 1 }
                bit += 1
            }
            var byte = bit >> 3
            let endByte = end >> 3
            while byte + 8 <= endByte {
                total += bytes.loadUnaligned(fromByteOffset: byte, as: UInt64.self).nonzeroBitCount
                byte += 8
            }
            while byte < endByte {
                total += bytes[byte].nonzeroBitCount
                byte += 1
            }
            // Trailing bits after the last whole byte.
            bit = max(bit, endByte << 3)
            while bit < end {
                if bytes[bit >> 3] & (1 << UInt8(bit & 7)) != 0 { total += 1 }
                bit += 1
            }
            return total
        }
    }

    /// The same bits starting at bit offset 0, as Arrow IPC and Parquet writers need. Returns `self`
    /// when the offset already is 0; otherwise copies the bits shifted into a new buffer.
    public func withZeroOffset() -> BitBuffer {
        guard offset != 0 else { return self }
        let outputBytes = (count + 7) >> 3
        var output = MutableBuffer(zeroedByteCount: outputBytes)
        buffer.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                let shift = UInt8(offset)
                for index in 0..<outputBytes {
                    var byte = source[index] >> shift
                    if index + 1 < source.count {
                        byte |= source[index + 1] << (8 - shift)
                    }
                    target[index] = byte
                }
                // Clear the bits past `count` in the last byte, as Arrow expects.
                let tail = count & 7
                if tail != 0 {
                    target[outputBytes - 1] &= UInt8((1 << tail) - 1)
                }
            }
        }
        return BitBuffer(unchecked: output.finish(), offset: 0, count: count)
    }
}

extension BitBuffer: Equatable {
    /// Bit-wise equality of the two views (offsets may differ).
    public static func == (lhs: BitBuffer, rhs: BitBuffer) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for index in 0..<lhs.count where lhs[index] != rhs[index] {
            return false
        }
        return true
    }
}
