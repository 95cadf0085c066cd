import SluiceCompute
import SluiceCore

/// Group numbers for a single fixed-width key column (integers, dates, timestamps, floats), the
/// common GROUP BY and PARTITION BY case.
///
/// Keys whose patterns span a dense range (ids, days, `x % n`) index an array of group numbers
/// directly: keys that arrive in order then touch memory in order, where any hash would scatter
/// them over a table larger than the caches. Other keys sit in hash slots that hold a key's pattern
/// beside its group number, so a probe usually reads one cache line. The index starts direct and
/// turns to slots, for good, once a batch's keys would make the range too wide.
struct FixedWidthGroupIndex: Sendable {
    /// Direct: group + 1 of key `base + i` at `i` (0 for none).
    private var direct: [Int32] = []
    private var base: UInt64 = 0
    /// Slots, once not direct: two words per slot, the key pattern then group + 1 (0 for an empty
    /// slot). The slot count is a power of two, at least twice the groups.
    private var slots: [UInt64] = []
    private var nullGroup: Int?
    private(set) var count = 0

    /// A direct range any number of groups may use: by default 4 MiB of group numbers, which a
    /// GROUP BY's table can afford once; an index made per batch passes 0.
    private let smallDirectRange: UInt64
    /// The widest direct range, used when the groups fill at least a quarter of it.
    private static let maximumDirectRange: UInt64 = 1 << 24

    init(smallDirectRange: UInt64 = 1 << 20) {
        self.smallDirectRange = smallDirectRange
    }

    /// The group of each row given by its key pattern in `bits` (null where `validity` says so),
    /// calling `newGroup` with the row that starts each new group, in group-number order.
    mutating func groupNumbers(_ bits: [UInt64], validity: ValidityBitmap?, newGroup: (Int) -> Void) -> [Int] {
        if slots.isEmpty, !widenDirectRange(to: bits, validity: validity) { moveToSlots() }
        var numbers = [Int](repeating: 0, count: bits.count)
        for row in bits.indices {
            if let validity, validity.isNull(row) {
                let group = nullGroup ?? count
                if nullGroup == nil {
                    nullGroup = group
                    count += 1
                    newGroup(row)
                }
                numbers[row] = group
                continue
            }
            let key = bits[row]
            guard !slots.isEmpty else {
                let offset = Int(truncatingIfNeeded: key &- base)
                let entry = direct[offset]
                if entry != 0 {
                    numbers[row] = Int(entry) - 1
                } else {
                    direct[offset] = Int32(truncatingIfNeeded: count + 1)
                    numbers[row] = count
                    count += 1
                    newGroup(row)
                }
                continue
            }
            let mask = slots.count / 2 - 1
            var slot = Int(truncatingIfNeeded: Self.mix(key)) & mask
            while true {
                let entry = slots[2 &* slot &+ 1]
                if entry == 0 {
                    insert(key, group: count, at: slot)
                    numbers[row] = count
                    count += 1
                    newGroup(row)
                    if 4 * count > slots.count { grow() }
                    break
                }
                if slots[2 &* slot] == key {
                    numbers[row] = Int(entry) - 1
                    break
                }
                slot = (slot &+ 1) & mask
            }
        }
        return numbers
    }

    /// Widens the direct range to hold the valid keys of `bits`, at least doubling it so that keys
    /// that keep rising cost few copies; false when it would be too wide for the groups it may hold.
    private mutating func widenDirectRange(to bits: [UInt64], validity: ValidityBitmap?) -> Bool {
        var low = UInt64.max
        var high = UInt64.min
        for row in bits.indices where validity?.isValid(row) ?? true {
            low = min(low, bits[row])
            high = max(high, bits[row])
        }
        guard low <= high else { return true }
        let oldCount = UInt64(direct.count)
        if oldCount > 0 {
            guard low < base || high - base >= oldCount else { return true }
            low = min(low, base)
            high = max(high, base + (oldCount - 1))
        }
        guard count + bits.count < Int(Int32.max) else { return false }
        let allowed = max(smallDirectRange, min(Self.maximumDirectRange, 4 * UInt64(count + bits.count)))
        let (span, overflow) = (high - low).addingReportingOverflow(1)
        guard !overflow, span <= allowed else { return false }
        let newCount = oldCount == 0 ? span : min(allowed, max(span, 2 * oldCount))
        // The headroom goes on the side the keys grew towards.
        let newBase: UInt64
        if oldCount > 0, low < base {
            newBase = high >= newCount - 1 ? high - (newCount - 1) : 0
        } else {
            newBase = low <= UInt64.max - (newCount - 1) ? low : UInt64.max - (newCount - 1)
        }
        var widened = [Int32](repeating: 0, count: Int(newCount))
        if oldCount > 0 {
            let shift = Int(base - newBase)
            widened.withUnsafeMutableBufferPointer { target in
                direct.withUnsafeBufferPointer { source in
                    for offset in source.indices { target[shift + offset] = source[offset] }
                }
            }
        }
        direct = widened
        base = newBase
        return true
    }

    /// Leaves the direct layout: every group so far goes into slots.
    private mutating func moveToSlots() {
        var capacity = 1024
        while capacity < 2 * (count + 1) { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: 2 * capacity)
        for (offset, entry) in direct.enumerated() where entry != 0 {
            insert(base &+ UInt64(offset), group: Int(entry) - 1)
        }
        direct = []
    }

    /// Puts `key` in its slot, or in `slot` when the caller found that one empty already.
    private mutating func insert(_ key: UInt64, group: Int, at knownSlot: Int? = nil) {
        let mask = slots.count / 2 - 1
        var slot = knownSlot ?? Int(truncatingIfNeeded: Self.mix(key)) & mask
        while slots[2 &* slot &+ 1] != 0 { slot = (slot &+ 1) & mask }
        slots[2 &* slot] = key
        slots[2 &* slot &+ 1] = UInt64(group + 1)
    }

    /// Doubles the slots and reinserts every group but the null one.
    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        for slot in 0..<old.count / 2 where old[2 * slot + 1] != 0 {
            insert(old[2 * slot], group: Int(old[2 * slot + 1]) - 1)
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
