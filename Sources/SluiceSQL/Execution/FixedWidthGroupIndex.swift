import SluiceCompute
import SluiceCore

/// Group numbers for a single fixed-width key column (integers, dates, timestamps, floats), the
/// common GROUP BY and PARTITION BY case. The keys' 64-bit patterns sit in one array and each slot
/// holds a group number with 32 bits of the key's hash, so a probe touches one slot and, when the
/// tags agree, one key: two cache lines instead of the general table's row comparison.
struct FixedWidthGroupIndex: Sendable {
    /// `(group + 1) << 32 | hash tag` per slot, 0 for an empty one; the count is a power of two.
    private var slots = [UInt64](repeating: 0, count: 1024)
    /// Each group's key pattern (0 for the null group, which has no slot).
    private var keys: [UInt64] = []
    private var nullGroup: Int?

    var count: Int { keys.count }

    /// The group of each row given by its key pattern in `bits` (null where `validity` says so),
    /// calling `newGroup` with the row that starts each new group, in group-number order.
    mutating func groupNumbers(_ bits: [UInt64], validity: ValidityBitmap?, newGroup: (Int) -> Void) -> [Int] {
        var numbers = [Int](repeating: 0, count: bits.count)
        for row in bits.indices {
            if let validity, validity.isNull(row) {
                let group = nullGroup ?? keys.count
                if nullGroup == nil {
                    nullGroup = group
                    keys.append(0)
                    newGroup(row)
                }
                numbers[row] = group
                continue
            }
            let key = bits[row]
            let hash = Self.mix(key)
            let tag = hash >> 32
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 {
                    let group = keys.count
                    keys.append(key)
                    slots[slot] = UInt64(group + 1) << 32 | tag
                    numbers[row] = group
                    newGroup(row)
                    if 2 * keys.count > slots.count { grow() }
                    break
                }
                if entry & 0xFFFF_FFFF == tag {
                    let group = Int(entry >> 32) - 1
                    if keys[group] == key {
                        numbers[row] = group
                        break
                    }
                }
                slot = (slot + 1) & mask
            }
        }
        return numbers
    }

    /// Doubles the slots and reinserts every group but the null one.
    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (group, key) in keys.enumerated() where group != nullGroup {
            let hash = Self.mix(key)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt64(group + 1) << 32 | hash >> 32
        }
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 { HashMixing.finalize(value) }

    /// Each row's key as a 64-bit pattern, equal exactly when GROUP BY sees the keys as equal
    /// (floats: -0.0 as 0.0, every NaN alike), or nil for a column of another type.
    static func keyBits(_ column: any ColumnArray) -> [UInt64]? {
        switch column {
        case let array as Int64Array: return array.withUnsafeValues { $0.map { UInt64(bitPattern: $0) } }
        case let array as Int32Array: return array.withUnsafeValues { $0.map { UInt64(UInt32(bitPattern: $0)) } }
        case let array as Int16Array: return array.withUnsafeValues { $0.map { UInt64(UInt16(bitPattern: $0)) } }
        case let array as Int8Array: return array.withUnsafeValues { $0.map { UInt64(UInt8(bitPattern: $0)) } }
        case let array as UInt64Array: return array.withUnsafeValues { Array($0) }
        case let array as UInt32Array: return array.withUnsafeValues { $0.map { UInt64($0) } }
        case let array as UInt16Array where array.dataType == .uint16:
            return array.withUnsafeValues { $0.map { UInt64($0) } }
        case let array as UInt8Array: return array.withUnsafeValues { $0.map { UInt64($0) } }
        case let array as Float64Array: return array.withUnsafeValues { $0.map { normalized($0).bitPattern } }
        case let array as Float32Array:
            return array.withUnsafeValues { $0.map { UInt64(normalized(Double($0)).bitPattern) } }
        default: return nil
        }
    }

    private static func normalized(_ value: Double) -> Double {
        if value.isNaN { return .nan }
        return value == 0 ? 0 : value
    }
}
