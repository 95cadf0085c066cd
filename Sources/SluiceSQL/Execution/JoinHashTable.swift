import SluiceCompute
import SluiceCore

/// The build side of a hash join: its rows chained by hash bucket, for probing with the other side's
/// keys. Rows with a null key are left out, since a null key never matches. Without key columns every
/// row is in one chain and matches every probe row (a cross join). One fixed-width key column of the
/// same type on both sides takes a faster path (`FixedWidthJoinIndex`).
struct JoinHashTable: Sendable {
    private let keys: [any ColumnArray]
    private let fixedWidth: FixedWidthJoinIndex?
    private let hashes: [UInt64]
    /// Build row + 1 of the first row of each bucket (0 for none); the count is a power of two.
    private var heads: [Int]
    /// Build row + 1 of the next row in the same bucket (0 at the end of the chain).
    private var nextRows: [Int]

    init(keys: [any ColumnArray], rowCount: Int) throws {
        self.keys = keys
        if keys.count == 1, let bits = FixedWidthGroupIndex.keyBits(keys[0]) {
            fixedWidth = FixedWidthJoinIndex(bits: bits, column: keys[0])
            (hashes, heads, nextRows) = ([], [], [])
            return
        }
        fixedWidth = nil
        hashes = keys.isEmpty ? [UInt64](repeating: 0, count: rowCount) : try hashRows(keys)
        var bucketCount = 1
        while bucketCount < 2 * rowCount { bucketCount *= 2 }
        heads = [Int](repeating: 0, count: bucketCount)
        nextRows = [Int](repeating: 0, count: rowCount)
        let mask = bucketCount - 1
        let nullable = keys.filter { $0.validity != nil }
        // Inserted backwards so each chain lists its rows in build order.
        for row in (0..<rowCount).reversed() where !nullable.contains(where: { $0.isNull(row) }) {
            let bucket = Int(truncatingIfNeeded: hashes[row]) & mask
            nextRows[row] = heads[bucket]
            heads[bucket] = row + 1
        }
    }

    /// The matching (probe row, build row) pairs for `rowCount` rows of probe keys, in probe order.
    func matches(_ probe: [any ColumnArray], rowCount: Int) throws -> (probe: [Int], build: [Int]) {
        if let fixedWidth {
            guard probe.count == 1, probe[0].dataType.isCompatible(with: keys[0].dataType),
                let bits = FixedWidthGroupIndex.keyBits(probe[0])
            else {
                throw ComputeError(
                    .invalidArgument, "cannot match \(probe.map(\.dataType)) keys with \(keys[0].dataType)")
            }
            return fixedWidth.matches(bits: bits, column: probe[0])
        }
        let probeHashes = probe.isEmpty ? [UInt64](repeating: 0, count: rowCount) : try hashRows(probe)
        let equality = try RowEquality(left: probe, right: keys, nullsEqual: false)
        let mask = heads.count - 1
        var probeRows: [Int] = []
        var buildRows: [Int] = []
        for row in 0..<rowCount {
            let hash = probeHashes[row]
            var entry = heads[Int(truncatingIfNeeded: hash) & mask]
            while entry != 0 {
                let build = entry - 1
                if hashes[build] == hash, equality.equal(row, build) {
                    probeRows.append(row)
                    buildRows.append(build)
                }
                entry = nextRows[build]
            }
        }
        return (probeRows, buildRows)
    }
}
