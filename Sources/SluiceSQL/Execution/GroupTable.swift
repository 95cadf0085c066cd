import SluiceCompute
import SluiceCore

/// The distinct group keys seen so far and each row's group number: rows are hashed with `hashRows`
/// into an open-addressing table (linear probing) and matched against the first row of each group with
/// the same hash by `RowEquality` (nulls equal, so null keys form one group). A single fixed-width key
/// column takes a faster path (`FixedWidthGroupIndex`). Group numbers count up in order of first
/// appearance.
struct GroupTable: Sendable {
    /// Group number + 1 per slot (0 marks an empty slot); the count is a power of two.
    private var slots = [Int](repeating: 0, count: 1024)
    private var groupHashes: [UInt64] = []
    /// Set once a batch of a single fixed-width key column was seen; such tables use it throughout.
    private var fixedWidth: FixedWidthGroupIndex?
    /// The key columns of each batch that introduced a group; groups point at their first row.
    private var keyChunks: [[any ColumnArray]] = []
    private var firstChunks: [Int] = []
    private var firstRows: [Int] = []

    var count: Int { firstChunks.count }

    /// The group number of each row of `keys`, adding groups for new keys.
    mutating func groupNumbers(for keys: [any ColumnArray]) throws -> [Int] {
        if keys.contains(where: { $0 is DictionaryArray }) {
            let dictionaries = keys.compactMap { $0 as? DictionaryArray }
            if dictionaries.count == keys.count, let numbers = try groupNumbers(forCodesOf: dictionaries) {
                return numbers
            }
            return try groupNumbers(for: keys.map(decodingDictionary))
        }
        let rows = keys.first?.count ?? 0
        let chunk = keyChunks.count
        keyChunks.append(keys)
        if keys.count == 1, count == 0 || fixedWidth != nil, let bits = FixedWidthGroupIndex.keyBits(keys[0]) {
            var index = fixedWidth ?? FixedWidthGroupIndex()
            fixedWidth = nil  // keeps the index uniquely referenced while it grows
            let numbers = index.groupNumbers(bits, validity: keys[0].validity) { row in
                firstChunks.append(chunk)
                firstRows.append(row)
            }
            fixedWidth = index
            if firstChunks.last != chunk { keyChunks.removeLast() }
            return numbers
        }
        let hashes = try hashRows(keys)
        // Equality of this batch's rows against each chunk's rows, made when first needed.
        var equalities = [RowEquality?](repeating: nil, count: keyChunks.count)
        var numbers = [Int](repeating: 0, count: rows)
        for row in 0..<rows {
            if 2 * (count + 1) > slots.count { grow() }
            let hash = hashes[row]
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 {
                    numbers[row] = count
                    slots[slot] = count + 1
                    groupHashes.append(hash)
                    firstChunks.append(chunk)
                    firstRows.append(row)
                    break
                }
                let group = entry - 1
                if groupHashes[group] == hash {
                    let firstChunk = firstChunks[group]
                    if equalities[firstChunk] == nil {
                        equalities[firstChunk] = try RowEquality(
                            left: keys, right: keyChunks[firstChunk], nullsEqual: true)
                    }
                    if equalities[firstChunk]?.equal(row, firstRows[group]) == true {
                        numbers[row] = group
                        break
                    }
                }
                slot = (slot + 1) & mask
            }
        }
        if firstChunks.last != chunk { keyChunks.removeLast() }
        return numbers
    }

    /// Dictionary-encoded keys: the batch's rows are grouped on their codes packed into one 64-bit
    /// pattern, then one row per distinct pattern is looked up by value. A batch then costs a value
    /// lookup per distinct key rather than per row. Nil when the packed codes would not fit.
    private mutating func groupNumbers(forCodesOf keys: [DictionaryArray]) throws -> [Int]? {
        let rows = keys.first?.count ?? 0
        var packed = [UInt64](repeating: 0, count: rows)
        var stride: UInt64 = 1
        for key in keys {
            // Code + 1, so that 0 stands for null.
            let (next, overflow) = stride.multipliedReportingOverflow(by: UInt64(key.values.array.count) + 1)
            guard !overflow else { return nil }
            key.codes.withUnsafeValues { codes in
                for row in 0..<rows where key.validity?.isValid(row) ?? true {
                    packed[row] &+= UInt64(UInt32(bitPattern: codes[row]) &+ 1) &* stride
                }
            }
            stride = next
        }
        // Sized by the batch: a direct range of up to 4 rows per entry, never the 4 MiB allowance.
        var batchIndex = FixedWidthGroupIndex(smallDirectRange: 0)
        var representatives: [Int] = []
        let batchNumbers = batchIndex.groupNumbers(packed, validity: nil) { representatives.append($0) }
        let values = try keys.map { try decodingDictionary(take($0, representatives)) }
        let numbers = try groupNumbers(for: values)
        return batchNumbers.map { numbers[$0] }
    }

    /// Doubles the slots and reinserts every group by its hash.
    private mutating func grow() {
        slots = [Int](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (group, hash) in groupHashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = group + 1
        }
    }

    /// One row per group, in group-number order: the key columns.
    func keyColumns() throws -> [any ColumnArray] {
        guard let width = keyChunks.first?.count else { return [] }
        var rowsByChunk = [[Int]](repeating: [], count: keyChunks.count)
        for (chunk, row) in zip(firstChunks, firstRows) { rowsByChunk[chunk].append(row) }
        return try (0..<width).map { column in
            let pieces = try keyChunks.indices.map { try take(keyChunks[$0][column], rowsByChunk[$0]) }
            return pieces.count == 1 ? pieces[0] : try concatenate(pieces)
        }
    }
}
