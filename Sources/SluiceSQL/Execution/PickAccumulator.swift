import SluiceCompute
import SluiceCore

/// first and last: each batch's picks (a row per group that changes its choice) are taken into a
/// small chunk, and each group remembers where its pick is in the chunks. `last` re-picks in every
/// batch, so its chunks are compacted when they outgrow the groups.
struct PickAccumulator: Accumulator {
    let type: DataType
    let isLast: Bool
    let ignoresNulls: Bool
    private var chunks: [any ColumnArray] = []
    private var chunkRows = 0
    /// Per group: the index of its pick in the concatenated chunks, or -1 while it has none.
    private var picks: [Int] = []
    /// Per group: this batch's row + 1, or 0; reset after each batch through `touched`.
    private var batchRows: [Int] = []

    init(type: DataType, isLast: Bool, ignoresNulls: Bool) {
        self.type = type
        self.isLast = isLast
        self.ignoresNulls = ignoresNulls
    }

    mutating func update(groups: [Int], groupCount: Int, values: (any ColumnArray)?) throws {
        guard let values else { throw ComputeError(.unsupported, "first and last need an argument") }
        picks.pad(to: groupCount, with: -1)
        batchRows.pad(to: groupCount, with: 0)
        var touched: [Int] = []
        for (row, group) in groups.enumerated() {
            if ignoresNulls && values.isNull(row) { continue }
            if !isLast && picks[group] >= 0 { continue }
            if batchRows[group] == 0 {
                touched.append(group)
            } else if !isLast {
                continue
            }
            batchRows[group] = row + 1
        }
        guard !touched.isEmpty else { return }
        chunks.append(try take(values, touched.map { batchRows[$0] - 1 }))
        for (offset, group) in touched.enumerated() {
            picks[group] = chunkRows + offset
            batchRows[group] = 0
        }
        chunkRows += touched.count
        if chunkRows > 2 * groupCount + 65_536 { try compact() }
    }

    /// Takes the other side's picks for the groups it has one for: a slice that saw no row of a
    /// group (or no row at all) must not pass on its empty pick as a null value.
    mutating func merge(_ other: any Accumulator, groups: [Int], groupCount: Int) throws {
        let other = try mergeable(other, as: Self.self)
        let picked = other.picks.indices.filter { other.picks[$0] >= 0 && $0 < groups.count }
        guard !picked.isEmpty else { return }
        let values = try take(other.finish(groupCount: other.picks.count), picked)
        try update(groups: picked.map { groups[$0] }, groupCount: groupCount, values: values)
    }

    /// Replaces the chunks by one holding just the current picks.
    private mutating func compact() throws {
        let picked = try take(concatenate(chunks), picks)
        chunks = [picked]
        chunkRows = picked.count
        picks = picks.indices.map { picks[$0] < 0 ? -1 : $0 }
    }

    func finish(groupCount: Int) throws -> any ColumnArray {
        let all = chunks.isEmpty ? try Scalar.null(type).makeArray(count: 0) : try concatenate(chunks)
        return try take(all, picks.padded(to: groupCount, with: -1))
    }
}
