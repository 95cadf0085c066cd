/// The decoded dictionary page of a BYTE_ARRAY column (offsets into one byte array), and the
/// gathers that turn indices into values.
///
/// `decode(from:into:)` materialises the strings by copying entries; `decodeIndices(from:into:)`
/// yields only checked indices, for readers that keep the column dictionary-encoded.
struct ByteArrayDictionary {
    /// `count + 1` offsets into `bytes`.
    let offsets: [Int32]
    let bytes: [UInt8]

    /// Decodes a dictionary page of `count` PLAIN byte arrays.
    init(plainPage page: UnsafeRawBufferPointer, count: Int) throws(ParquetError) {
        guard count >= 0, count <= page.count / 4 else {
            throw ParquetError(
                .invalidEncoding, "dictionary page of \(page.count) bytes cannot hold \(count) byte arrays")
        }
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(count + 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(page.count - 4 * count)
        var decoder = PlainDecoder(page)
        try decoder.forEachByteArray(count: count) { value in
            bytes.append(contentsOf: value)
            offsets.append(Int32(truncatingIfNeeded: bytes.count))
        }
        self.offsets = offsets
        self.bytes = bytes
    }

    /// A dictionary of the given values (for tests and the writer).
    init(_ values: [[UInt8]]) {
        var offsets: [Int32] = [0]
        var bytes: [UInt8] = []
        for value in values {
            bytes += value
            offsets.append(Int32(truncatingIfNeeded: bytes.count))
        }
        self.offsets = offsets
        self.bytes = bytes
    }

    /// The number of entries.
    var count: Int { offsets.count - 1 }

    /// Entry `index`'s bytes.
    func value(at index: Int) -> ArraySlice<UInt8> {
        bytes[Int(offsets[index])..<Int(offsets[index + 1])]
    }

    /// Decodes `count` indices and appends the values they name to `output`.
    func decode(from indices: inout RLEHybridDecoder, count: Int, into output: inout ByteArrayOutput)
        throws(ParquetError)
    {
        try withIndexScratch { (scratch) throws(ParquetError) in
            var done = 0
            while done < count {
                let batch = UnsafeMutableBufferPointer(rebasing: scratch[..<min(scratch.count, count - done)])
                try indices.decode(into: batch)
                try gather(indices: UnsafeBufferPointer(batch), into: &output)
                done += batch.count
            }
        }
    }

    /// Decodes `output.count` indices, checked against the dictionary's size.
    func decodeIndices(from indices: inout RLEHybridDecoder, into output: UnsafeMutableBufferPointer<UInt32>)
        throws(ParquetError)
    {
        try indices.decode(into: output)
        let size = UInt32(truncatingIfNeeded: count)
        for index in output where index >= size {
            throw DictionaryIndexError.outOfRange(index, size: count)
        }
    }

    /// Appends the entries named by `indices` to `output`.
    func gather(indices: UnsafeBufferPointer<UInt32>, into output: inout ByteArrayOutput) throws(ParquetError) {
        let size = UInt32(truncatingIfNeeded: count)
        // First pass: check the indices and size the copy exactly.
        var total = 0
        try offsets.withUnsafeBufferPointer { (offsets) throws(ParquetError) in
            for index in indices {
                guard index < size else { throw DictionaryIndexError.outOfRange(index, size: count) }
                total &+= Int(offsets[Int(index) &+ 1] &- offsets[Int(index)])
            }
        }
        try output.appendBatch(count: indices.count, maxDataBytes: total) { ends, destination, dataStart in
            offsets.withUnsafeBufferPointer { offsets in
                bytes.withUnsafeBytes { source in
                    var written = 0
                    for position in indices.indices {
                        let index = Int(indices[position])
                        let start = Int(offsets[index])
                        let length = Int(offsets[index &+ 1]) &- start
                        if length > 0, let destination, let source = source.baseAddress {
                            (destination + written).copyMemory(from: source + start, byteCount: length)
                        }
                        written &+= length
                        ends[position] = Int32(truncatingIfNeeded: dataStart &+ written)
                    }
                    return .success((indices.count, written))
                }
            }
        }
    }
}
