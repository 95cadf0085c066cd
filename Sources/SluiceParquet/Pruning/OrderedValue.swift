/// A value in the order statistics use for its column, so bounds and literals compare directly:
/// every integer-like type (signed and unsigned integers, decimals as unscaled values of the
/// column's scale, dates, timestamps) as `Int128`, floats as `Double` (never NaN), strings and
/// binary as bytes compared unsigned, byte by byte.
enum OrderedValue: Sendable, Hashable {
    case boolean(Bool)
    case integer(Int128)
    case float(Double)
    case bytes([UInt8])

    /// -1, 0 or 1 as `lhs` sorts before, with or after `rhs`; nil when they are of different kinds
    /// (which binding rules out; a caller treats it as "unknown").
    static func order(_ lhs: OrderedValue, _ rhs: OrderedValue) -> Int? {
        switch (lhs, rhs) {
        case (.boolean(let left), .boolean(let right)):
            return left == right ? 0 : (right ? -1 : 1)
        case (.integer(let left), .integer(let right)):
            return left < right ? -1 : (left == right ? 0 : 1)
        case (.float(let left), .float(let right)):
            return left < right ? -1 : (left == right ? 0 : 1)
        case (.bytes(let left), .bytes(let right)):
            // Lexicographic on unsigned bytes; a prefix sorts first.
            for (a, b) in zip(left, right) where a != b { return a < b ? -1 : 1 }
            return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
        default:
            return nil
        }
    }
}
