import SluiceCore

/// Writes a bitmap of `count` bits, zero-initialised and a whole number of 64-bit words long, so kernels
/// can store a word of results at a time. Noncopyable: one owner writes, then `finish()` freezes it.
struct BitmapWriter: ~Copyable {
    private var buffer: MutableBuffer
    let count: Int
    let words: UnsafeMutablePointer<UInt64>

    init(count: Int) {
        self.count = count
        buffer = MutableBuffer(zeroedByteCount: (count + 63) / 64 * 8)
        words = buffer.withUnsafeMutableBytes { raw in
            // The buffer is 64-byte aligned and never reallocated until frozen.
            raw.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt64.self)
        }
    }

    @inline(__always)
    func set(_ index: Int) {
        words[index &>> 6] |= 1 &<< UInt64(truncatingIfNeeded: index & 63)
    }

    consuming func finish() -> BitBuffer {
        let count = count
        let frozen = buffer.freeze()
        // The buffer has (count + 63) / 64 * 8 >= (count + 7) / 8 bytes, so this cannot fail.
        return (try? BitBuffer(buffer: frozen, count: count)) ?? BitBuffer(repeating: false, count: count)
    }

    /// The bits as a validity bitmap, nil when every bit is set.
    consuming func finishValidity() -> ValidityBitmap? {
        let bitmap = ValidityBitmap(finish())
        return bitmap.nullCount == 0 ? nil : bitmap
    }
}
