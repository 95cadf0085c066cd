import SluiceCompute
import SluiceCore

/// The build side of a hash join on one fixed-width key column: each slot holds a key's bit pattern
/// beside its first build row, so a probe usually costs one cache line; later build rows with the same
/// key are chained, and the chain is followed only when the build side has duplicate keys at all.
struct FixedWidthJoinIndex: Sendable {
    /// Two words per slot: the key pattern, then the first build row + 1 (0 for an empty slot).
    private var slots: [UInt64]
    /// Build row + 1 of the next row with the same key (0 at the end), in build order.
    private var nextRows: [Int]
    private var hasDuplicates = false

    /// - Parameter bits: the build keys' patterns (`FixedWidthGroupIndex.keyBits`); null rows are left out.
    init(bits: [UInt64], column: any ColumnArray) {
        var capacity = 16
        while capacity < 2 * bits.count { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: 2 * capacity)
        nextRows = [Int](repeating: 0, count: bits.count)
        let mask = capacity - 1
        let hasNulls = column.validity != nil
        // Backwards, so that prepending keeps each key's rows in build order.
        for row in bits.indices.reversed() where !(hasNulls && column.isNull(row)) {
            let key = bits[row]
            var slot = Int(truncatingIfNeeded: HashMixing.finalize(key)) & mask
            while true {
                let first = slots[2 * slot + 1]
                if first == 0 {
                    slots[2 * slot] = key
                    slots[2 * slot + 1] = UInt64(row + 1)
                    break
                }
                if slots[2 * slot] == key {
                    nextRows[row] = Int(first)
                    slots[2 * slot + 1] = UInt64(row + 1)
                    hasDuplicates = true
                    break
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The matching (probe row, build row) pairs, in probe order (null probe keys match nothing).
    func matches(bits: [UInt64], column: any ColumnArray) -> (probe: [Int], build: [Int]) {
        var probeRows: [Int] = []
        var buildRows: [Int] = []
        probeRows.reserveCapacity(bits.count)
        buildRows.reserveCapacity(bits.count)
        let mask = slots.count / 2 - 1
        let hasNulls = column.validity != nil
        slots.withUnsafeBufferPointer { slots in
            for row in bits.indices where !(hasNulls && column.isNull(row)) {
                let key = bits[row]
                var slot = Int(truncatingIfNeeded: HashMixing.finalize(key)) & mask
                while true {
                    let first = Int(slots[2 * slot + 1])
                    if first == 0 { break }
                    if slots[2 * slot] == key {
                        var entry = first
                        while entry != 0 {
                            probeRows.append(row)
                            buildRows.append(entry - 1)
                            entry = hasDuplicates ? nextRows[entry - 1] : 0
                        }
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        return (probeRows, buildRows)
    }
}
