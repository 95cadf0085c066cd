/// An integer of any size, as CQL's `varint` stores it: two's complement, big-endian, in as few
/// bytes as hold it (v4 §6.23).
public struct CQLVarint: Sendable, Hashable, CustomStringConvertible {
    /// The minimal two's-complement bytes; at least one.
    public let bytes: [UInt8]

    /// Takes any two's-complement bytes (a server's) and drops redundant sign bytes.
    public init(bytes: [UInt8]) {
        var start = 0
        while start + 1 < bytes.count,
            (bytes[start] == 0x00 && bytes[start + 1] < 0x80) || (bytes[start] == 0xFF && bytes[start + 1] >= 0x80)
        {
            start += 1
        }
        self.bytes = bytes.isEmpty ? [0] : Array(bytes[start...])
    }

    public init(_ value: Int64) {
        self.init(bytes: withUnsafeBytes(of: value.bigEndian) { Array($0) })
    }

    public init(_ value: Int128) {
        let high = withUnsafeBytes(of: Int64(truncatingIfNeeded: value >> 64).bigEndian) { Array($0) }
        let low = withUnsafeBytes(of: UInt64(truncatingIfNeeded: value).bigEndian) { Array($0) }
        self.init(bytes: high + low)
    }

    /// The value, when it fits 128 bits.
    public var int128: Int128? {
        guard bytes.count <= 16 else { return nil }
        var value: Int128 = bytes[0] >= 0x80 ? -1 : 0
        for byte in bytes { value = value << 8 | Int128(byte) }
        return value
    }

    public var description: String { int128.map(String.init) ?? "varint(\(bytes.count) bytes)" }
}

/// CQL's `decimal`: `unscaled × 10^-scale`.
public struct CQLDecimal: Sendable, Hashable, CustomStringConvertible {
    public var unscaled: CQLVarint
    public var scale: Int32

    public init(unscaled: CQLVarint, scale: Int32) {
        self.unscaled = unscaled
        self.scale = scale
    }

    public var description: String { "\(unscaled)E\(-scale)" }
}
