import SluiceCore

/// What the pages of one column chunk decode to before it becomes an array: the definition level
/// of every row (only for optional columns) and the non-null values, densely, in their physical
/// form. Fixed-width values (BOOLEAN as one byte each, INT32, INT64, INT96, FLOAT, DOUBLE,
/// FIXED_LEN_BYTE_ARRAY) go to `fixed`; BYTE_ARRAY values to `byteArrays`.
struct ChunkValues: ~Copyable {
    /// One byte per row: its definition level. Empty for required columns.
    var levels = MutableBuffer()
    /// One byte per row: its repetition level. Empty for columns outside any list.
    var repetitionLevels = MutableBuffer()
    var fixed = MutableBuffer()
    var byteArrays = ByteArrayOutput()
    /// Rows seen so far, nulls included.
    var rowCount = 0
    /// Non-null values decoded so far.
    var valueCount = 0

    /// Room for `byteCount` bytes of fixed-width values, so that appending page after page does not
    /// reallocate and copy.
    mutating func reserveFixed(byteCount: Int) {
        fixed.reserve(byteCount)
    }

    /// Grows `fixed` by `count` values of `width` bytes and lets `body` fill them in place.
    /// On failure the buffer is left as it was.
    mutating func appendFixed(
        count: Int, width: Int, _ body: (UnsafeMutableRawBufferPointer) throws(ParquetError) -> Void
    ) throws(ParquetError) {
        let start = fixed.byteCount
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow, byteCount <= Int(Int32.max) else {
            throw ParquetError(.unsupported, "\(count) values of \(width) bytes exceed 2 GiB in one array")
        }
        // `body` writes every new byte, so they are not zeroed first.
        fixed.resize(uninitializedByteCount: start + byteCount)
        let failure: ParquetError? = fixed.withUnsafeMutableBytes { raw in
            do throws(ParquetError) {
                try body(UnsafeMutableRawBufferPointer(rebasing: raw[start...]))
                return nil
            } catch {
                return error
            }
        }
        if let failure {
            fixed.resize(byteCount: start)
            throw failure
        }
    }

    /// Like `appendFixed`, with the new values typed as `T` (the buffer is 64-byte aligned and holds
    /// only values of `T`, so the new region is aligned for it).
    mutating func appendTyped<T: BitwiseCopyable>(
        count: Int, as type: T.Type, _ body: (UnsafeMutableBufferPointer<T>) throws(ParquetError) -> Void
    ) throws(ParquetError) {
        try appendFixed(count: count, width: MemoryLayout<T>.stride) { (raw) throws(ParquetError) in
            try body(raw.bindMemory(to: T.self))
        }
    }
}
