#if _endian(big)
    #error("SluiceParquet copies little-endian parquet values as they are; big-endian hosts are not supported")
#endif

/// Decodes PLAIN-encoded values (`Encodings.md`, "Plain"), and dictionary pages, which are PLAIN.
///
/// Fixed-width values are little-endian on disk as in memory, so they are copied in bulk. The page
/// bytes are borrowed and must outlive the decoder. Each call decodes exactly the requested number
/// of values or throws `ParquetError(.invalidEncoding)` if the page ends first.
struct PlainDecoder {
    private var cursor: ByteCursor
    /// The bit of the current byte where the next BOOLEAN starts.
    private var bitOffset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        cursor = ByteCursor(bytes)
    }

    /// The number of bytes not decoded yet.
    var remainingBytes: Int { cursor.remaining }

    /// Decodes INT32, INT64, FLOAT or DOUBLE values (or any type whose PLAIN form is its
    /// little-endian memory layout).
    mutating func decode<T: BitwiseCopyable>(into output: UnsafeMutableBufferPointer<T>) throws(ParquetError) {
        let byteCount = output.count * MemoryLayout<T>.stride
        let source = try cursor.take(byteCount, "\(output.count) PLAIN \(T.self) values")
        UnsafeMutableRawBufferPointer(output).copyMemory(from: source)
    }

    /// Decodes `count` values of `byteWidth` bytes each (INT96 with 12, FIXED_LEN_BYTE_ARRAY with its
    /// length) into `output`, which must hold `count * byteWidth` bytes.
    mutating func decodeFixedSize(
        count: Int, byteWidth: Int, into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) {
        guard byteWidth >= 0, output.count == count * byteWidth else {
            throw ParquetError(
                .invalidEncoding, "output of \(output.count) bytes does not hold \(count) values of \(byteWidth) bytes")
        }
        let source = try cursor.take(count * byteWidth, "\(count) PLAIN values of \(byteWidth) bytes")
        output.copyMemory(from: source)
    }

    /// Decodes BOOLEAN values: bits, lowest first.
    mutating func decodeBooleans(into output: UnsafeMutableBufferPointer<Bool>) throws(ParquetError) {
        let bitsAvailable = cursor.remaining * 8 - bitOffset
        guard output.count <= bitsAvailable else {
            throw ParquetError(
                .invalidEncoding, "\(output.count) PLAIN booleans requested but only \(max(0, bitsAvailable)) remain")
        }
        for index in output.indices {
            output[index] = (cursor.bytes[cursor.position] >> UInt8(bitOffset)) & 1 == 1
            bitOffset &+= 1
            if bitOffset == 8 {
                bitOffset = 0
                cursor.position &+= 1
            }
        }
    }

    /// Decodes `count` BYTE_ARRAY values (a 4-byte little-endian length, then the bytes) and appends
    /// them to `output` in one pass.
    mutating func decodeByteArrays(count: Int, into output: inout ByteArrayOutput) throws(ParquetError) {
        guard count > 0 else { return }
        // Each value costs at least its 4-byte length, which bounds both the count and the bytes.
        guard count <= cursor.remaining / 4 else {
            throw ParquetError(
                .invalidEncoding, "\(count) PLAIN byte arrays requested but only \(cursor.remaining) bytes remain")
        }
        let page = cursor.bytes
        let start = cursor.position
        // First pass over the lengths only: validates the batch and sizes the copy exactly, so a
        // batch costs its own bytes, not the rest of the page.
        var position = start
        for index in 0..<count {
            guard page.count &- position >= 4 else { throw Self.truncated(index, count) }
            let length = Int(UInt32(littleEndian: page.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            guard length <= page.count &- position &- 4 else {
                throw ParquetError(
                    .invalidEncoding,
                    "PLAIN byte array \(index) of \(count) has length \(length) past the end of the page")
            }
            position &+= 4 &+ length
        }
        let end = position
        let dataBytes = end - start - 4 * count
        try output.appendBatch(count: count, maxDataBytes: dataBytes) { ends, destination, dataStart in
            guard let source = page.baseAddress, let destination else {
                // Nothing to copy: every value is empty.
                for index in 0..<count { ends[index] = Int32(truncatingIfNeeded: dataStart) }
                return .success((count, 0))
            }
            let pageEnd = page.count
            var position = start
            var written = 0
            for index in 0..<count {
                let length = Int(UInt32(littleEndian: source.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
                position &+= 4
                let from = source + position
                let to = destination + written
                if length <= 16 && pageEnd &- position >= 16 && dataBytes &- written >= 16 {
                    // Short values (the common case) copy as two words, cheaper than a memcpy call.
                    to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
                    to.storeBytes(
                        of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
                } else {
                    to.copyMemory(from: from, byteCount: length)
                }
                position &+= length
                written &+= length
                ends[index] = Int32(truncatingIfNeeded: dataStart &+ written)
            }
            return .success((count, written))
        }
        cursor.position = end
    }

    /// Decodes `count` BYTE_ARRAY values, calling `body` with each value's bytes (for dictionary
    /// pages and statistics, where values are few).
    mutating func forEachByteArray(
        count: Int, _ body: (UnsafeRawBufferPointer) throws(ParquetError) -> Void
    ) throws(ParquetError) {
        for index in 0..<count {
            guard cursor.remaining >= 4 else { throw Self.truncated(index, count) }
            let length = try cursor.readUInt32LE("a PLAIN byte array length")
            let value = try cursor.take(Int(length), "PLAIN byte array \(index) of \(count)")
            try body(value)
        }
    }

    private static func truncated(_ index: Int, _ count: Int) -> ParquetError {
        ParquetError(.invalidEncoding, "PLAIN byte array data ends after \(index) of \(count) values")
    }
}
