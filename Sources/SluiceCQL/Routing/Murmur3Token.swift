/// The token Cassandra's and ScyllaDB's Murmur3Partitioner give a partition key: h1 of
/// MurmurHash3_x64_128 with seed 0, as a signed 64-bit number, with the Java implementation's quirk
/// kept: the bytes after the last 16-byte block are read as signed bytes and sign-extended before
/// they are shifted in (the textbook reads them unsigned). `Int64.min` becomes `Int64.max`.
public enum Murmur3Token {
    public static func token<Bytes: Collection<UInt8>>(for key: Bytes) -> Int64 {
        let bytes = Array(key)
        let c1: UInt64 = 0x87c3_7b91_1142_53d5
        let c2: UInt64 = 0x4cf5_ad43_2745_937f
        var h1: UInt64 = 0
        var h2: UInt64 = 0
        let blocks = bytes.count / 16
        func word(_ offset: Int) -> UInt64 {
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
        }
        for block in 0..<blocks {
            var k1 = word(block * 16)
            var k2 = word(block * 16 + 8)
            k1 = (k1 &* c1).rotatedLeft(31) &* c2
            h1 ^= k1
            h1 = (h1.rotatedLeft(27) &+ h2) &* 5 &+ 0x52dc_e729
            k2 = (k2 &* c2).rotatedLeft(33) &* c1
            h2 ^= k2
            h2 = (h2.rotatedLeft(31) &+ h1) &* 5 &+ 0x3849_5ab5
        }
        var k1: UInt64 = 0
        var k2: UInt64 = 0
        let tail = bytes[(blocks * 16)...]
        for (position, byte) in tail.enumerated() {
            let extended = UInt64(bitPattern: Int64(Int8(bitPattern: byte)))
            if position < 8 {
                k1 ^= extended << (8 * position)
            } else {
                k2 ^= extended << (8 * (position - 8))
            }
        }
        if tail.count > 8 {
            k2 = (k2 &* c2).rotatedLeft(33) &* c1
            h2 ^= k2
        }
        if !tail.isEmpty {
            k1 = (k1 &* c1).rotatedLeft(31) &* c2
            h1 ^= k1
        }
        h1 ^= UInt64(bytes.count)
        h2 ^= UInt64(bytes.count)
        h1 &+= h2
        h2 &+= h1
        h1 = finalMix(h1)
        h2 = finalMix(h2)
        h1 &+= h2
        let token = Int64(bitPattern: h1)
        return token == .min ? .max : token
    }

    private static func finalMix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }

    /// The bytes a partition key hashes as: a single column's value, or for a composite key each
    /// component as a 2-byte length, its bytes and a 0 byte, in key order.
    public static func routingKey(_ components: [[UInt8]]) -> [UInt8] {
        guard components.count > 1 else { return components.first ?? [] }
        var key: [UInt8] = []
        for component in components {
            key.append(UInt8(truncatingIfNeeded: component.count >> 8))
            key.append(UInt8(truncatingIfNeeded: component.count))
            key += component
            key.append(0)
        }
        return key
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
