/// The decoded dictionary page of an INT32, INT64, INT96, FLOAT or DOUBLE column, and the gather
/// that turns RLE_DICTIONARY / PLAIN_DICTIONARY indices into values.
struct FixedWidthDictionary<Value: BitwiseCopyable> {
    /// The entries, in dictionary order.
    let values: [Value]

    init(values: [Value]) {
        self.values = values
    }

    /// Decodes a dictionary page of `count` PLAIN values.
    ///
    /// - Throws: `ParquetError(.invalidEncoding)` if the page holds fewer than `count` values (checked
    ///   before allocating, so a damaged count cannot cause a huge allocation).
    init(plainPage bytes: UnsafeRawBufferPointer, count: Int) throws(ParquetError) {
        guard count >= 0, count <= bytes.count / max(1, MemoryLayout<Value>.stride) else {
            throw ParquetError(
                .invalidEncoding,
                "dictionary page of \(bytes.count) bytes cannot hold \(count) values of \(MemoryLayout<Value>.stride) bytes"
            )
        }
        var decoder = PlainDecoder(bytes)
        var failure: ParquetError?
        values = [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(ParquetError) {
                try decoder.decode(into: buffer)
                initialized = count
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
    }

    /// The number of entries.
    var count: Int { values.count }

    /// Writes `values[indices[i]]` to `output[i]` for every index.
    ///
    /// - Throws: `ParquetError(.invalidEncoding)` naming the first index that is out of range.
    func gather(indices: UnsafeBufferPointer<UInt32>, into output: UnsafeMutablePointer<Value>) throws(ParquetError) {
        try values.withUnsafeBufferPointer { (entries) throws(ParquetError) in
            guard let base = entries.baseAddress else {
                if let first = indices.first { throw DictionaryIndexError.outOfRange(first, size: 0) }
                return
            }
            let size = UInt32(truncatingIfNeeded: entries.count)
            for position in indices.indices {
                let index = indices[position]
                guard index < size else { throw DictionaryIndexError.outOfRange(index, size: entries.count) }
                output[position] = base[Int(index)]
            }
        }
    }

    /// Decodes `output.count` indices from `indices` and writes the values they name.
    func decode(
        from indices: inout RLEHybridDecoder, into output: UnsafeMutableBufferPointer<Value>
    ) throws(ParquetError) {
        guard let base = output.baseAddress else { return }
        try withIndexScratch { (scratch) throws(ParquetError) in
            var done = 0
            while done < output.count {
                let batch = UnsafeMutableBufferPointer(rebasing: scratch[..<min(scratch.count, output.count - done)])
                try indices.decode(into: batch)
                try gather(indices: UnsafeBufferPointer(batch), into: base + done)
                done += batch.count
            }
        }
    }
}

/// The error for a dictionary index past the dictionary's end.
enum DictionaryIndexError {
    static func outOfRange(_ index: UInt32, size: Int) -> ParquetError {
        ParquetError(.invalidEncoding, "dictionary index \(index) is out of range for a dictionary of \(size) entries")
    }
}

/// Calls `body` with a stack buffer for a batch of dictionary indices (4 KiB, so a batch of
/// indices and its values stay in the L1 cache).
func withIndexScratch<R>(
    _ body: (UnsafeMutableBufferPointer<UInt32>) throws(ParquetError) -> R
) throws(ParquetError) -> R {
    var result: Result<R, ParquetError>?
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 1024) { scratch in
        scratch.initialize(repeating: 0)
        do throws(ParquetError) {
            result = .success(try body(scratch))
        } catch {
            result = .failure(error)
        }
    }
    switch result {
    case .success(let value): return value
    case .failure(let error): throw error
    case nil: throw ParquetError(.invalidEncoding, "index batch was not decoded")
    }
}
