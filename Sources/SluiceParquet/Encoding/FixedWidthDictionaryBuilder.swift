/// Builds the dictionary of an INT32, INT64, FLOAT or DOUBLE column chunk for the writer: maps each
/// value to its entry index, adding new values at the end.
///
/// Values are keyed by their bit pattern (`Key` is `UInt32` for INT32 and FLOAT, `UInt64` for INT64
/// and DOUBLE), so every NaN payload and -0.0 keep their own entries and round-trip exactly.
struct FixedWidthDictionaryBuilder<Key: FixedWidthInteger & UnsignedInteger> {
    /// The entries, in index order.
    private(set) var entries: [Key] = []
    /// Entry index + 1 per slot, 0 when empty; an open-addressing table (the capacity a power of
    /// two, at most half full), several times faster than `Dictionary` in the writer's hot loop.
    private var slots = [UInt32](repeating: 0, count: 1024)

    /// The number of entries.
    var count: Int { entries.count }

    /// The size of the dictionary page (PLAIN) in bytes, for deciding to fall back to PLAIN.
    var encodedSize: Int { entries.count * MemoryLayout<Key>.size }

    /// The entry index of `key`, added if new.
    mutating func index(of key: Key) -> UInt32 {
        let mask = slots.count - 1
        var slot = Self.slot(of: key, mask: mask)
        while true {
            let occupant = slots[slot]
            if occupant == 0 { break }
            if entries[Int(occupant - 1)] == key { return occupant - 1 }
            slot = (slot + 1) & mask
        }
        let index = UInt32(truncatingIfNeeded: entries.count)
        slots[slot] = index + 1
        entries.append(key)
        if entries.count * 2 > slots.count { grow() }
        return index
    }

    private mutating func grow() {
        var newSlots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = newSlots.count - 1
        for (entry, key) in entries.enumerated() {
            var slot = Self.slot(of: key, mask: mask)
            while newSlots[slot] != 0 { slot = (slot + 1) & mask }
            newSlots[slot] = UInt32(truncatingIfNeeded: entry + 1)
        }
        slots = newSlots
    }

    /// The home slot of `key`: a multiplicative hash whose high bits pick the slot, so that
    /// sequential keys spread.
    private static func slot(of key: Key, mask: Int) -> Int {
        let hash = UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: (hash ^ (hash >> 29)) >> 20) & mask
    }

    /// Appends the entry index of each value (whose size must be `Key`'s) to `output`.
    mutating func indices<Value: BitwiseCopyable>(
        of values: UnsafeBufferPointer<Value>, into output: inout [UInt32]
    ) {
        precondition(MemoryLayout<Value>.size == MemoryLayout<Key>.size, "\(Value.self) is not keyed by \(Key.self)")
        let raw = UnsafeRawBufferPointer(values)
        output.reserveCapacity(output.count + values.count)
        for position in 0..<values.count {
            output.append(
                index(of: raw.loadUnaligned(fromByteOffset: position * MemoryLayout<Value>.stride, as: Key.self)))
        }
    }

    /// The dictionary page: the entries PLAIN.
    func dictionaryPage() -> [UInt8] {
        entries.withUnsafeBytes { Array($0) }
    }
}
