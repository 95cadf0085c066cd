/// Decodes DELTA_LENGTH_BYTE_ARRAY values (`Encodings.md`, "Delta-length byte array"): all lengths
/// DELTA_BINARY_PACKED, then all bytes concatenated. Each batch decodes its lengths and copies its
/// bytes with one memcpy, since they are contiguous.
struct DeltaLengthByteArrayDecoder {
    private var lengths: DeltaBinaryPackedDecoder
    private var data: ByteCursor

    /// Reads the lengths' header and finds where the bytes start (skipping the lengths without
    /// decoding them).
    init(_ bytes: UnsafeRawBufferPointer) throws(ParquetError) {
        lengths = try DeltaBinaryPackedDecoder(bytes)
        var skipper = lengths
        data = ByteCursor(bytes, position: try skipper.skipToEnd())
    }

    /// The values not decoded yet.
    var remaining: Int { lengths.remaining }

    /// The offset just past all the bytes (meaningful once every value is decoded).
    var endOffset: Int { data.position }

    /// Decodes `count` values and appends them to `output`.
    mutating func decode(count: Int, into output: inout ByteArrayOutput) throws(ParquetError) {
        try withZeroedScratch(of: Int32.self) { (scratch) throws(ParquetError) in
            var done = 0
            while done < count {
                let batch = UnsafeMutableBufferPointer(rebasing: scratch[..<min(scratch.count, count - done)])
                let bytes = try next(lengths: batch)
                try output.appendBatch(count: batch.count, maxDataBytes: bytes.count) { ends, destination, dataStart in
                    if let destination, let source = bytes.baseAddress {
                        destination.copyMemory(from: source, byteCount: bytes.count)
                    }
                    var end = dataStart
                    for index in batch.indices {
                        end &+= Int(batch[index])
                        ends[index] = Int32(truncatingIfNeeded: end)
                    }
                    return .success((batch.count, bytes.count))
                }
                done += batch.count
            }
        }
    }

    /// Decodes the next `lengths.count` lengths and returns the bytes they cover, consumed.
    mutating func next(lengths batch: UnsafeMutableBufferPointer<Int32>) throws(ParquetError) -> UnsafeRawBufferPointer
    {
        try lengths.decode(into: batch)
        var total = 0
        for length in batch {
            guard length >= 0 else {
                throw ParquetError(.invalidEncoding, "DELTA_LENGTH_BYTE_ARRAY length \(length) is negative")
            }
            total &+= Int(length)
        }
        return try data.take(total, "DELTA_LENGTH_BYTE_ARRAY values of \(total) bytes")
    }
}
