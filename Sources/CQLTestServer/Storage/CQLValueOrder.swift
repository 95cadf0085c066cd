import Foundation
import SluiceCQL

/// How a table orders clustering values: by number for numbers, by bytes for text, blobs and
/// addresses, by time then bytes for timeuuids.
enum CQLValueOrder {
    static func compare(_ lhs: CQLValue?, _ rhs: CQLValue?) -> Int {
        guard let lhs else { return rhs == nil ? 0 : -1 }
        guard let rhs else { return 1 }
        switch (lhs, rhs) {
        case (.tinyint(let a), .tinyint(let b)): return order(a, b)
        case (.smallint(let a), .smallint(let b)): return order(a, b)
        case (.int(let a), .int(let b)): return order(a, b)
        case (.bigint(let a), .bigint(let b)), (.counter(let a), .counter(let b)): return order(a, b)
        case (.date(let a), .date(let b)), (.time(let a), .time(let b)), (.timestamp(let a), .timestamp(let b)):
            return order(a, b)
        case (.float(let a), .float(let b)): return order(a, b)
        case (.double(let a), .double(let b)): return order(a, b)
        case (.boolean(let a), .boolean(let b)): return order(a ? 1 : 0, b ? 1 : 0)
        case (.varint(let a), .varint(let b)):
            if let a = a.int128, let b = b.int128 { return order(a, b) }
        case (.decimal(let a), .decimal(let b)):
            if let x = Double("\(a.unscaled)E\(-a.scale)"), let y = Double("\(b.unscaled)E\(-b.scale)") {
                return order(x, y)
            }
        case (.ascii(let a), .ascii(let b)), (.text(let a), .text(let b)):
            return bytes(Array(a.utf8), Array(b.utf8))
        case (.timeuuid(let a), .timeuuid(let b)):
            let byTime = order(timeuuidTicks(a), timeuuidTicks(b))
            if byTime != 0 { return byTime }
        case (.list(let a), .list(let b)), (.set(let a), .set(let b)), (.tuple(let a), .tuple(let b)),
            (.udt(let a), .udt(let b)):
            for (x, y) in zip(a, b) {
                let result = compare(x, y)
                if result != 0 { return result }
            }
            return order(a.count, b.count)
        default: break
        }
        return bytes(lhs.serialized(), rhs.serialized())
    }

    private static func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }

    private static func bytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.lexicographicallyPrecedes(b) ? -1 : (a == b ? 0 : 1)
    }

    /// A version-1 UUID's 60-bit timestamp.
    private static func timeuuidTicks(_ uuid: UUID) -> UInt64 {
        let b = uuid.uuid
        let low = UInt64(b.0) << 24 | UInt64(b.1) << 16 | UInt64(b.2) << 8 | UInt64(b.3)
        let mid = UInt64(b.4) << 8 | UInt64(b.5)
        let high = UInt64(b.6 & 0x0F) << 8 | UInt64(b.7)
        return high << 48 | mid << 32 | low
    }
}
