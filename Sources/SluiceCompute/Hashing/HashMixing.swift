/// 64-bit mixing functions for row hashes (not cryptographic, not stable across versions: for hash
/// tables in memory only).
public enum HashMixing {
    static let nullHash: UInt64 = 0x5BD1_E995_7F4A_7C15
    static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
    @inline(__always)
    public static func finalize(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x &>> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x &>> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x &>> 33
        return x
    }

    /// Folds one column's value hash into a row's running hash.
    @inline(__always)
    static func combine(_ running: UInt64, _ value: UInt64) -> UInt64 {
        finalize((running &* multiplier) ^ value)
    }

    /// A hash of a byte string, eight bytes at a time.
    @inline(__always)
    static func bytes(_ base: UnsafeRawPointer, _ count: Int) -> UInt64 {
        var hash = UInt64(truncatingIfNeeded: count) &* multiplier
        var offset = 0
        while offset + 8 <= count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ finalize(word)) &* multiplier
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &<< shift
                shift += 8
                offset += 1
            }
            hash = (hash ^ finalize(tail)) &* multiplier
        }
        return finalize(hash)
    }
}

/// The bits a stored value hashes by: floats normalised so that -0.0 and 0.0, and all NaNs, hash alike
/// (Spark groups and joins them as equal).
protocol HashableBits: SparkOrdered {
    var hashBits: UInt64 { get }
}

extension HashableBits where Self: FixedWidthInteger {
    @inline(__always) var hashBits: UInt64 { UInt64(truncatingIfNeeded: self) }
}

extension Int8: HashableBits {}
extension Int16: HashableBits {}
extension Int32: HashableBits {}
extension Int64: HashableBits {}
extension UInt8: HashableBits {}
extension UInt16: HashableBits {}
extension UInt32: HashableBits {}
extension UInt64: HashableBits {}

extension Int128: HashableBits {
    @inline(__always) var hashBits: UInt64 {
        UInt64(truncatingIfNeeded: self) ^ (UInt64(truncatingIfNeeded: self >> 64) &* HashMixing.multiplier)
    }
}

extension Float: HashableBits {
    @inline(__always) var hashBits: UInt64 {
        isNaN ? 0x7FC0_0000 : UInt64((self == 0 ? 0 : self).bitPattern)
    }
}

extension Double: HashableBits {
    @inline(__always) var hashBits: UInt64 {
        isNaN ? 0x7FF8_0000_0000_0000 : (self == 0 ? 0 : self).bitPattern
    }
}
