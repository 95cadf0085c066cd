import SluiceCore

/// Reads bits of a `BitBuffer` inside `withUnsafeBytes`: a raw pointer and the bit offset, with no
/// bounds checks, for hot loops.
struct BitReader {
    let bytes: UnsafePointer<UInt8>
    let offset: Int

    @inline(__always)
    subscript(index: Int) -> Bool {
        let bit = offset &+ index
        return bytes[bit &>> 3] & (1 &<< UInt8(truncatingIfNeeded: bit & 7)) != 0
    }
}

extension BitBuffer {
    /// Calls `body` with an unchecked reader of these bits.
    @inline(__always)
    func withReader<R>(_ body: (BitReader) throws -> R) rethrows -> R {
        try withUnsafeBytes { raw in
            guard let base = raw.baseAddress else {
                // An empty bitmap: no index is ever read.
                var zero: UInt8 = 0
                return try withUnsafePointer(to: &zero) { try body(BitReader(bytes: $0, offset: 0)) }
            }
            return try body(BitReader(bytes: base.assumingMemoryBound(to: UInt8.self), offset: offset))
        }
    }
}

/// Calls `body` with a reader of `validity`, or nil when there is none (no nulls), so loops branch once.
@inline(__always)
func withValidityReader<R>(_ validity: ValidityBitmap?, _ body: (BitReader?) throws -> R) rethrows -> R {
    guard let validity else { return try body(nil) }
    return try validity.bits.withReader { try body($0) }
}
