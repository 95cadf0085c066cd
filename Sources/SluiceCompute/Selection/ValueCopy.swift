import SluiceCore

/// The row copies behind `take` and `filter` on fixed-width values, done through an unsigned integer
/// (or a pair of them) of the values' width. `PrimitiveArray<T>`'s selection is generic code that is
/// not specialized for the element type, so assigning a `T` goes through its value witness, one
/// `memmove` call per value; an integer load and store costs a fraction of that.
enum ValueCopy {
    /// Sixteen bytes (decimals) as one value.
    private struct Pair: BitwiseCopyable {
        var low: UInt64
        var high: UInt64
    }

    /// `target[row] = source[indices[row]]` for values of `width` bytes; a negative index copies
    /// value 0, whose row is null.
    static func gather(
        _ source: UnsafeRawPointer, into target: UnsafeMutableRawPointer, width: Int,
        _ indices: UnsafeBufferPointer<Int>
    ) {
        switch width {
        case 1: gather(UInt8.self, source, target, indices)
        case 2: gather(UInt16.self, source, target, indices)
        case 4: gather(UInt32.self, source, target, indices)
        case 8: gather(UInt64.self, source, target, indices)
        case 16: gather(Pair.self, source, target, indices)
        default:
            for (row, index) in indices.enumerated() {
                (target + row * width).copyMemory(from: source + max(index, 0) * width, byteCount: width)
            }
        }
    }

    /// The values of `width` bytes among the first `rows` whose bit is set in `selection`, moved to
    /// the front of `target` in order.
    static func compact(
        _ source: UnsafeRawPointer, into target: UnsafeMutableRawPointer, width: Int, rows: Int,
        _ selection: BitReader
    ) {
        switch width {
        case 1: compact(UInt8.self, source, target, rows: rows, selection)
        case 2: compact(UInt16.self, source, target, rows: rows, selection)
        case 4: compact(UInt32.self, source, target, rows: rows, selection)
        case 8: compact(UInt64.self, source, target, rows: rows, selection)
        case 16: compact(Pair.self, source, target, rows: rows, selection)
        default:
            var next = 0
            for row in 0..<rows where selection[row] {
                (target + next * width).copyMemory(from: source + row * width, byteCount: width)
                next += 1
            }
        }
    }

    private static func gather<W: BitwiseCopyable>(
        _: W.Type, _ source: UnsafeRawPointer, _ target: UnsafeMutableRawPointer, _ indices: UnsafeBufferPointer<Int>
    ) {
        let stride = MemoryLayout<W>.stride
        for (row, index) in indices.enumerated() {
            let value = source.loadUnaligned(fromByteOffset: max(index, 0) &* stride, as: W.self)
            target.storeBytes(of: value, toByteOffset: row &* stride, as: W.self)
        }
    }

    /// Branch-free: every value is written, the write position advancing only past selected ones. Up
    /// to the last selected row that position stays inside the selected count.
    private static func compact<W: BitwiseCopyable>(
        _: W.Type, _ source: UnsafeRawPointer, _ target: UnsafeMutableRawPointer, rows: Int, _ selection: BitReader
    ) {
        var lastRow = rows - 1
        while lastRow >= 0, !selection[lastRow] { lastRow -= 1 }
        guard lastRow >= 0 else { return }
        let stride = MemoryLayout<W>.stride
        var next = 0
        for row in 0...lastRow {
            let value = source.loadUnaligned(fromByteOffset: row &* stride, as: W.self)
            target.storeBytes(of: value, toByteOffset: next &* stride, as: W.self)
            next &+= selection[row] ? 1 : 0
        }
    }
}
