/// Decodes BYTE_STREAM_SPLIT values (`Encodings.md`, "Byte Stream Split"): for values of `K` bytes,
/// the page holds `K` streams, stream `k` holding byte `k` of every value. Used for FLOAT, DOUBLE,
/// INT32, INT64 and FIXED_LEN_BYTE_ARRAY.
struct ByteStreamSplitDecoder {
    private let bytes: UnsafeRawBufferPointer
    let byteWidth: Int
    /// The number of values in the page.
    let count: Int
    private var position = 0

    /// - Throws: `ParquetError(.invalidEncoding)` unless the page is a whole number of values.
    init(_ bytes: UnsafeRawBufferPointer, byteWidth: Int) throws(ParquetError) {
        guard byteWidth > 0, bytes.count % byteWidth == 0 else {
            throw ParquetError(
                .invalidEncoding, "BYTE_STREAM_SPLIT page of \(bytes.count) bytes is not a multiple of \(byteWidth)")
        }
        self.bytes = bytes
        self.byteWidth = byteWidth
        count = bytes.count / byteWidth
    }

    /// The values not decoded yet.
    var remaining: Int { count - position }

    /// Decodes values of `T` (`MemoryLayout<T>.stride` must equal the byte width).
    mutating func decode<T: BitwiseCopyable>(into output: UnsafeMutableBufferPointer<T>) throws(ParquetError) {
        guard MemoryLayout<T>.stride == byteWidth else {
            throw ParquetError(.invalidEncoding, "BYTE_STREAM_SPLIT of \(byteWidth)-byte values read as \(T.self)")
        }
        try decode(count: output.count, into: UnsafeMutableRawBufferPointer(output))
    }

    /// Decodes `count` values into `output` (`count * byteWidth` bytes).
    mutating func decode(count wanted: Int, into output: UnsafeMutableRawBufferPointer) throws(ParquetError) {
        guard wanted >= 0, wanted <= remaining, output.count == wanted * byteWidth else {
            throw ParquetError(
                .invalidEncoding, "\(wanted) BYTE_STREAM_SPLIT values requested but only \(remaining) remain")
        }
        guard wanted > 0, let source = bytes.baseAddress, let destination = output.baseAddress else { return }
        let width = byteWidth
        for stream in 0..<width {
            // One stream at a time: sequential reads, strided writes.
            var from = source + stream * count + position
            var to = destination + stream
            for _ in 0..<wanted {
                to.storeBytes(of: from.load(as: UInt8.self), as: UInt8.self)
                from += 1
                to += width
            }
        }
        position += wanted
    }
}
