import SluiceCompute
import SluiceCore

/// The build side of a hash join on one fixed-width key column. Dense keys (the range of their bit
/// patterns at most a few times their count, as surrogate keys of a dimension are) index an array
/// directly; other keys sit in slots that hold a key's bit pattern beside its first build row, so a
/// probe usually costs one cache line. Later build rows with the same key are chained, and the chain
/// is followed only when the build side has duplicate keys at all.
struct FixedWidthJoinIndex: Sendable {
    private enum Heads {
        /// Build row + 1 of the first row of key `base + i` at `i` (0 for none).
        case direct(base: UInt64, rows: [Int32])
        /// Two words per slot: the key pattern, then the first build row + 1 (0 for an empty slot).
        case slots([UInt64])
    }

    private var heads: Heads
    /// Build row + 1 of the next row with the same key (0 at the end), in build order.
    private var nextRows: [Int]
    private var hasDuplicates = false

    /// The largest key range indexed directly: 64 Mi entries of 4 bytes.
    private static let maximumDirectRange: UInt64 = 1 << 26

    /// - Parameter bits: the build keys' patterns (`FixedWidthGroupIndex.keyBits`); null rows are left out.
    init(bits: [UInt64], column: any ColumnArray) {
        nextRows = [Int](repeating: 0, count: bits.count)
        let hasNulls = column.validity != nil
        let rows = bits.indices.filter { !(hasNulls && column.isNull($0)) }
        let low = rows.lazy.map { bits[$0] }.min() ?? 0
        let high = rows.lazy.map { bits[$0] }.max() ?? 0
        let range = high - low
        if !rows.isEmpty, bits.count < Int(Int32.max), range < Self.maximumDirectRange,
            range <= 4 * UInt64(rows.count) + 1024
        {
            var direct = [Int32](repeating: 0, count: Int(range) + 1)
            // Backwards, so that prepending keeps each key's rows in build order.
            for row in rows.reversed() {
                let offset = Int(bits[row] - low)
                if direct[offset] != 0 {
                    nextRows[row] = Int(direct[offset])
                    hasDuplicates = true
                }
                direct[offset] = Int32(row + 1)
            }
            heads = .direct(base: low, rows: direct)
            return
        }
        var capacity = 16
        while capacity < 2 * rows.count { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: 2 * capacity)
        let mask = capacity - 1
        for row in rows.reversed() {
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
        heads = .slots(slots)
    }

    /// The matching (probe row, build row) pairs, in probe order (null probe keys match nothing).
    func matches(bits: [UInt64], column: any ColumnArray) -> (probe: [Int], build: [Int]) {
        switch heads {
        case .direct(let base, let direct):
            return direct.withUnsafeBufferPointer { direct in
                let range = UInt64(direct.count)
                return matches(bits: bits, column: column) { key in
                    let offset = key &- base
                    return offset < range ? Int(direct[Int(offset)]) : 0
                }
            }
        case .slots(let slots):
            let mask = slots.count / 2 - 1
            return slots.withUnsafeBufferPointer { slots in
                matches(bits: bits, column: column) { key in
                    var slot = Int(truncatingIfNeeded: HashMixing.finalize(key)) & mask
                    while true {
                        let first = Int(slots[2 * slot + 1])
                        if first == 0 || slots[2 * slot] == key { return first }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The pairs, given the first build row + 1 (0 for none) of each key. Without duplicate build
    /// keys a probe row matches at most once, so the pairs are written straight into arrays of the
    /// probe's size.
    @inline(__always)
    private func matches(bits: [UInt64], column: any ColumnArray, first: (UInt64) -> Int) -> (
        probe: [Int], build: [Int]
    ) {
        let validity = column.validity
        guard hasDuplicates else {
            var buildRows = [Int](repeating: 0, count: bits.count)
            var matched = 0
            let probeRows = [Int](unsafeUninitializedCapacity: bits.count) { probe, probeCount in
                buildRows.withUnsafeMutableBufferPointer { build in
                    for row in bits.indices where validity?.isValid(row) ?? true {
                        let entry = first(bits[row])
                        probe[matched] = row
                        build[matched] = entry &- 1
                        matched &+= entry == 0 ? 0 : 1
                    }
                }
                probeCount = matched
            }
            buildRows.removeLast(bits.count - matched)
            return (probeRows, buildRows)
        }
        var probeRows: [Int] = []
        var buildRows: [Int] = []
        probeRows.reserveCapacity(bits.count)
        buildRows.reserveCapacity(bits.count)
        for row in bits.indices where validity?.isValid(row) ?? true {
            var entry = first(bits[row])
            while entry != 0 {
                probeRows.append(row)
                buildRows.append(entry - 1)
                entry = nextRows[entry - 1]
            }
        }
        return (probeRows, buildRows)
    }
}
