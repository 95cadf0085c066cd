import SluiceCore

/// The row positions in `ORDER BY keys` order (stable: equal rows keep their input order). Gather the
/// rows with `take`.
///
/// - Throws: see `RowOrdering.init`.
public func sortIndices(_ keys: [SortKey]) throws -> [Int] {
    let ordering = try RowOrdering(keys)
    // Sort entries carrying the first two words of each row: most comparisons end there, without a
    // random access into the other rows' words.
    var entries = (0..<ordering.rowCount).map {
        SortEntry(first: ordering.word($0, 0), second: ordering.word($0, 1), row: $0)
    }
    if ordering.stride <= 2 {
        entries.sort { a, b in
            if a.first != b.first { return a.first < b.first }
            if a.second != b.second { return a.second < b.second }
            return a.row < b.row
        }
    } else {
        entries.sort { a, b in
            if a.first != b.first { return a.first < b.first }
            if a.second != b.second { return a.second < b.second }
            let order = ordering.compare(a.row, b.row, fromWord: 2)
            return order != 0 ? order < 0 : a.row < b.row
        }
    }
    return entries.map(\.row)
}

private struct SortEntry {
    let first: UInt64
    let second: UInt64
    let row: Int
}

/// The positions of the first `limit` rows in `ORDER BY keys` order, for `ORDER BY ... LIMIT n`: a
/// bounded heap keeps the best `limit` rows seen, so the cost is O(rows · log limit) and the memory
/// O(limit). Ties keep input order, as `sortIndices` does.
public func topNIndices(_ keys: [SortKey], limit: Int) throws -> [Int] {
    let ordering = try RowOrdering(keys)
    let rows = ordering.rowCount
    guard limit > 0 else { return [] }
    if limit >= rows { return try sortIndices(keys) }
    // A max-heap under the ordering: the root is the worst row kept.
    var heap: [Int] = []
    heap.reserveCapacity(limit)
    for row in 0..<rows {
        if heap.count < limit {
            heap.append(row)
            siftUp(&heap, heap.count - 1, ordering)
        } else if ordering.less(row, heap[0]) {
            heap[0] = row
            siftDown(&heap, 0, ordering)
        }
    }
    heap.sort { ordering.less($0, $1) }
    return heap
}

private func siftUp(_ heap: inout [Int], _ start: Int, _ ordering: RowOrdering) {
    var child = start
    while child > 0 {
        let parent = (child - 1) / 2
        guard ordering.less(heap[parent], heap[child]) else { return }
        heap.swapAt(parent, child)
        child = parent
    }
}

private func siftDown(_ heap: inout [Int], _ start: Int, _ ordering: RowOrdering) {
    var parent = start
    while true {
        let left = 2 * parent + 1
        guard left < heap.count else { return }
        var largest = left
        let right = left + 1
        if right < heap.count && ordering.less(heap[left], heap[right]) { largest = right }
        guard ordering.less(heap[parent], heap[largest]) else { return }
        heap.swapAt(parent, largest)
        parent = largest
    }
}

extension RecordBatch {
    /// The batch's rows in `ORDER BY keys` order (keys are columns of any batch of the same length).
    public func sorted(by keys: [SortKey]) throws -> RecordBatch {
        try take(sortIndices(keys))
    }
}
