/// Builds the dictionary of a BYTE_ARRAY column chunk for the writer: maps each value to its entry
/// index through an open-addressing hash table over the entries' bytes, so looking a value up
/// allocates nothing.
struct ByteArrayDictionaryBuilder {
    /// `count + 1` offsets into `bytes`.
    private(set) var offsets: [Int32] = [0]
    private(set) var bytes: [UInt8] = []
    private var hashes: [UInt64] = []
    /// Entry index + 1 per slot, 0 when empty; the capacity is a power of two.
    private var slots = [UInt32](repeating: 0, count: 1024)

    /// The number of entries.
    var count: Int { offsets.count - 1 }

    /// The size of the dictionary page (PLAIN: a 4-byte length per entry plus its bytes).
    var encodedSize: Int { 4 * count + bytes.count }

    /// The entry index of `value`, added if new.
    mutating func index(of value: UnsafeRawBufferPointer) -> UInt32 {
        let hash = Self.hash(value)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let occupant = slots[slot]
            if occupant == 0 { break }
            let entry = Int(occupant - 1)
            if hashes[entry] == hash && equals(entry, value) { return occupant - 1 }
            slot = (slot + 1) & mask
        }
        let index = UInt32(truncatingIfNeeded: count)
        slots[slot] = index + 1
        hashes.append(hash)
        bytes.append(contentsOf: value)
        offsets.append(Int32(truncatingIfNeeded: bytes.count))
        if count * 2 > slots.count { grow() }
        return index
    }

    /// The dictionary page: the entries PLAIN.
    func dictionaryPage() -> [UInt8] {
        var page: [UInt8] = []
        page.reserveCapacity(encodedSize)
        bytes.withUnsafeBytes { data in
            offsets.withUnsafeBufferPointer { offsets in
                PlainEncoder.encodeByteArrays(offsets: offsets, data: data, into: &page)
            }
        }
        return page
    }

    private func equals(_ entry: Int, _ value: UnsafeRawBufferPointer) -> Bool {
        let start = Int(offsets[entry])
        let end = Int(offsets[entry + 1])
        guard end - start == value.count else { return false }
        return bytes.withUnsafeBytes { data in
            UnsafeRawBufferPointer(rebasing: data[start..<end]).elementsEqual(value)
        }
    }

    private mutating func grow() {
        var newSlots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = newSlots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while newSlots[slot] != 0 { slot = (slot + 1) & mask }
            newSlots[slot] = UInt32(truncatingIfNeeded: entry + 1)
        }
        slots = newSlots
    }

    /// A fast 64-bit hash, a word at a time, with a final mix so the low bits (the slot) spread.
    static func hash(_ value: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(value.count)
        var position = 0
        while position + 8 <= value.count {
            let word = value.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 29
            position += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while position < value.count {
            tail |= UInt64(value[position]) << shift
            shift += 8
            position += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 32
        return hash
    }
}
