/// Appends bits (LSB first) into a growable buffer and freezes them into a `BitBuffer`.
///
/// Noncopyable like `MutableBuffer`, which it wraps. Bits past `count` in the last byte stay zero.
public struct BitBufferBuilder: ~Copyable {
    @usableFromInline var bytes: MutableBuffer
    @usableFromInline var length: Int

    /// An empty builder with room for `capacity` bits.
    public init(capacity: Int = 0) {
        bytes = MutableBuffer(capacity: (capacity + 7) / 8)
        length = 0
    }

    /// The number of bits appended.
    public var count: Int { length }

    /// Makes room for `additionalBits` more bits.
    public mutating func reserve(_ additionalBits: Int) {
        bytes.reserve((length + additionalBits + 7) / 8 - bytes.length)
    }

    /// Appends one bit.
    @inlinable
    public mutating func append(_ bit: Bool) {
        let byteIndex = length &>> 3
        if byteIndex == bytes.length {
            bytes.append(UInt8(0))
        }
        if bit {
            let old = bytes.pointer.load(fromByteOffset: byteIndex, as: UInt8.self)
            let mask: UInt8 = 1 &<< UInt8(truncatingIfNeeded: length & 7)
            bytes.pointer.storeBytes(of: old | mask, toByteOffset: byteIndex, as: UInt8.self)
        }
        length &+= 1
    }

    /// Appends `count` copies of `bit`, whole bytes at a time.
    public mutating func append(repeating bit: Bool, count: Int) {
        precondition(count >= 0, "negative count \(count)")
        guard count > 0 else { return }
        let end = length + count
        bytes.resize(byteCount: (end + 7) / 8)
        if bit {
            setBits(length..<end)
        }
        length = end
    }

    /// Sets the bits in `range` (already inside the byte buffer) to 1.
    private mutating func setBits(_ range: Range<Int>) {
        bytes.withUnsafeMutableBytes { raw in
            var bit = range.lowerBound
            let end = range.upperBound
            while bit < end && bit & 7 != 0 {
                raw[bit >> 3] |= 1 << UInt8(bit & 7)
                bit += 1
            }
            let wholeEnd = end & ~7
            if bit < wholeEnd {
                let start = bit >> 3
                let byteCount = (wholeEnd - bit) >> 3
                if let base = raw.baseAddress {
                    (base + start).initializeMemory(as: UInt8.self, repeating: 0xFF, count: byteCount)
                }
                bit = wholeEnd
            }
            while bit < end {
                raw[bit >> 3] |= 1 << UInt8(bit & 7)
                bit += 1
            }
        }
    }

    /// Freezes the bits into a `BitBuffer` without copying and leaves the builder empty.
    public mutating func finish() -> BitBuffer {
        let count = length
        length = 0
        return BitBuffer(unchecked: bytes.finish(), offset: 0, count: count)
    }
}
