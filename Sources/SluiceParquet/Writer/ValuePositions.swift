/// Which slots of a leaf's physical values a page receives: `range` of the slots themselves when
/// `indices` is nil (a column without nulls), else the slots `indices[range]`.
struct ValuePositions {
    let indices: UnsafeBufferPointer<Int32>?
    let range: Range<Int>

    var count: Int { range.count }

    /// Calls `body` with each slot in order.
    @inline(__always)
    func forEachSlot(_ body: (Int) -> Void) {
        if let indices {
            for position in range { body(Int(indices[position])) }
        } else {
            for slot in range { body(slot) }
        }
    }
}
