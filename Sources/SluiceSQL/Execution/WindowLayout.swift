import SluiceCompute
import SluiceCore

/// The rows of a batch arranged for one window: sorted by PARTITION BY then ORDER BY, cut into
/// partitions and into peer groups (rows of a partition with equal ORDER BY values). Positions are
/// indices into `order`, which maps each to its row in the batch.
struct WindowLayout {
    /// Row of the batch at each sorted position.
    let order: [Int]
    /// The positions of each partition, in order.
    let partitions: [Range<Int>]
    /// The first position of each position's peer group, and the position after its last.
    let peerStarts: [Int]
    let peerEnds: [Int]

    init(_ window: WindowDefinition, batch: RecordBatch) throws {
        let rows = batch.numRows
        let partitionKeys = try window.partitionBy.map { try ExpressionEvaluator.array($0, batch) }
        let orderKeys = try window.orderBy.map { try ExpressionEvaluator.array($0.expression, batch) }
        let sortKeys =
            partitionKeys.map { SortKey($0) }
            + zip(orderKeys, window.orderBy).map { SortKey($0, ascending: $1.ascending, nullsFirst: $1.nullsFirst) }
        let order = sortKeys.isEmpty ? Array(0..<rows) : try sortIndices(sortKeys)
        let samePartition =
            partitionKeys.isEmpty ? nil : try RowEquality(left: partitionKeys, right: partitionKeys, nullsEqual: true)
        let samePeers =
            orderKeys.isEmpty ? nil : try RowEquality(left: orderKeys, right: orderKeys, nullsEqual: true)
        var partitions: [Range<Int>] = []
        var peerStarts = [Int](repeating: 0, count: rows)
        var partitionStart = 0
        var peerStart = 0
        for position in 0..<rows {
            if position > 0, samePartition?.equal(order[position], order[position - 1]) == false {
                partitions.append(partitionStart..<position)
                partitionStart = position
                peerStart = position
            } else if position > 0, samePeers?.equal(order[position], order[position - 1]) == false {
                peerStart = position
            }
            peerStarts[position] = peerStart
        }
        if rows > 0 { partitions.append(partitionStart..<rows) }
        var peerEnds = [Int](repeating: rows, count: rows)
        for position in stride(from: rows - 2, through: 0, by: -1) {
            peerEnds[position] =
                peerStarts[position + 1] == peerStarts[position] ? peerEnds[position + 1] : position + 1
        }
        self.order = order
        self.partitions = partitions
        self.peerStarts = peerStarts
        self.peerEnds = peerEnds
    }

    /// The positions of `frame` for the row at `position` of `partition` (empty when the frame is).
    func frame(_ frame: BoundWindowFrame, at position: Int, in partition: Range<Int>) -> Range<Int> {
        let size = partition.count
        var lower: Int
        var upper: Int
        switch frame.start {
        case .unboundedPreceding: lower = partition.lowerBound
        case .preceding(let rows): lower = position - min(rows, size)
        case .currentRow: lower = frame.isRange ? peerStarts[position] : position
        case .following(let rows): lower = position + min(rows, size)
        case .unboundedFollowing: lower = partition.upperBound
        }
        switch frame.end {
        case .unboundedPreceding: upper = partition.lowerBound
        case .preceding(let rows): upper = position - min(rows, size) + 1
        case .currentRow: upper = frame.isRange ? peerEnds[position] : position + 1
        case .following(let rows): upper = position + min(rows, size) + 1
        case .unboundedFollowing: upper = partition.upperBound
        }
        lower = max(lower, partition.lowerBound)
        upper = min(upper, partition.upperBound)
        return lower < upper ? lower..<upper : lower..<lower
    }
}
