/// CQL's `duration`: months, days and nanoseconds, kept apart because their lengths vary. All three
/// share one sign.
public struct CQLDuration: Sendable, Hashable {
    public var months: Int32
    public var days: Int32
    public var nanoseconds: Int64

    public init(months: Int32, days: Int32, nanoseconds: Int64) {
        self.months = months
        self.days = days
        self.nanoseconds = nanoseconds
    }
}

/// Cassandra's variable-length integers (the `duration` value): zigzag for the sign, then a length
/// prefix of leading one-bits in the first byte and the value big-endian. Not LEB128.
enum CQLVInt {
    static func write(_ value: Int64, to bytes: inout [UInt8]) {
        writeUnsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
    }

    static func writeUnsigned(_ value: UInt64, to bytes: inout [UInt8]) {
        let size = 9 - ((value | 1).leadingZeroBitCount - 1) / 7
        let extra = size - 1
        var encoded = [UInt8](repeating: 0, count: size)
        var rest = value
        for index in stride(from: size - 1, through: 0, by: -1) {
            encoded[index] = UInt8(truncatingIfNeeded: rest)
            rest >>= 8
        }
        encoded[0] |= ~(0xFF >> extra) & 0xFF
        bytes += encoded
    }

    /// Reads a signed vint at `index`, advancing it; nil when the bytes end first.
    static func read(_ bytes: [UInt8], at index: inout Int) -> Int64? {
        guard let unsigned = readUnsigned(bytes, at: &index) else { return nil }
        return Int64(bitPattern: unsigned >> 1) ^ -Int64(bitPattern: unsigned & 1)
    }

    static func readUnsigned(_ bytes: [UInt8], at index: inout Int) -> UInt64? {
        guard index < bytes.count else { return nil }
        let first = bytes[index]
        index += 1
        let extra = (~first).leadingZeroBitCount
        guard index + extra <= bytes.count else { return nil }
        var value = UInt64(extra == 8 ? 0 : first & (0xFF >> extra))
        for _ in 0..<extra {
            value = value << 8 | UInt64(bytes[index])
            index += 1
        }
        return value
    }
}
