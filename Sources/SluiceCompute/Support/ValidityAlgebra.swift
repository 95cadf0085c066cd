import SluiceCore

/// Combining validity bitmaps: a row of a binary kernel is null when either input is.
enum ValidityAlgebra {
    /// The rows valid in both (nil when neither has nulls).
    static func and(_ left: ValidityBitmap?, _ right: ValidityBitmap?) -> ValidityBitmap? {
        guard let left else { return right }
        guard let right else { return left }
        return combine(left.bits, right.bits) { $0 & $1 }
    }

    /// Combines two equally long bit runs a byte at a time through `op`.
    static func combine(_ left: BitBuffer, _ right: BitBuffer, _ op: (UInt8, UInt8) -> UInt8) -> ValidityBitmap? {
        let bits = combineBits(left, right, op)
        let bitmap = ValidityBitmap(bits)
        return bitmap.nullCount == 0 ? nil : bitmap
    }

    /// `op` applied byte-wise over two runs of equal length (offsets normalised to 0 first).
    static func combineBits(_ left: BitBuffer, _ right: BitBuffer, _ op: (UInt8, UInt8) -> UInt8) -> BitBuffer {
        precondition(left.count == right.count, "bit runs of \(left.count) and \(right.count) bits")
        let left = left.withZeroOffset()
        let right = right.withZeroOffset()
        let count = left.count
        let writer = BitmapWriter(count: count)
        let byteCount = (count + 7) / 8
        left.withUnsafeBytes { leftBytes in
            right.withUnsafeBytes { rightBytes in
                let target = UnsafeMutableRawPointer(writer.words).assumingMemoryBound(to: UInt8.self)
                for index in 0..<byteCount {
                    target[index] = op(leftBytes[index], rightBytes[index])
                }
            }
        }
        if count & 7 != 0 {
            // Keep the bits past `count` clear.
            let target = UnsafeMutableRawPointer(writer.words).assumingMemoryBound(to: UInt8.self)
            target[byteCount - 1] &= UInt8((1 << (count & 7)) - 1)
        }
        return writer.finish()
    }

    /// `op` applied to every byte of one run (offset normalised to 0), padding kept clear.
    static func mapBits(_ bits: BitBuffer, _ op: (UInt8) -> UInt8) -> BitBuffer {
        combineBits(bits, bits) { value, _ in op(value) }
    }
}
