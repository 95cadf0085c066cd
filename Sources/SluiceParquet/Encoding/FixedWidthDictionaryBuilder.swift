/// Builds the dictionary of an INT32, INT64, FLOAT or DOUBLE column chunk for the writer: maps each
/// value to its entry index, adding new values at the end.
///
/// Values are keyed by their bit pattern (`Key` is `UInt32` for INT32 and FLOAT, `UInt64` for INT64
/// and DOUBLE), so every NaN payload and -0.0 keep their own entries and round-trip exactly.
struct FixedWidthDictionaryBuilder<Key: FixedWidthInteger & UnsignedInteger> {
    /// The entries, in index order.
    private(set) var entries: [Key] = []
    private var indices: [Key: UInt32] = [:]

    /// The number of entries.
    var count: Int { entries.count }

    /// The size of the dictionary page (PLAIN) in bytes, for deciding to fall back to PLAIN.
    var encodedSize: Int { entries.count * MemoryLayout<Key>.size }

    /// The entry index of `key`, added if new.
    mutating func index(of key: Key) -> UInt32 {
        if let index = indices[key] { return index }
        let index = UInt32(truncatingIfNeeded: entries.count)
        indices[key] = index
        entries.append(key)
        return index
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
