/// Decodes DELTA_BYTE_ARRAY values (`Encodings.md`, "Delta Strings"): the prefix lengths
/// DELTA_BINARY_PACKED, then the suffixes DELTA_LENGTH_BYTE_ARRAY; each value is that many leading
/// bytes of the previous value followed by its suffix.
///
/// Decoded values go to a `ByteArrayOutput` (BYTE_ARRAY) or, for FIXED_LEN_BYTE_ARRAY columns, the
/// caller checks each length. The previous value is kept across batches, so the output may be handed
/// over between them.
struct DeltaByteArrayDecoder {
    private var prefixLengths: DeltaBinaryPackedDecoder
    private var suffixes: DeltaLengthByteArrayDecoder
    private var previous: [UInt8] = []

    init(_ bytes: UnsafeRawBufferPointer) throws(ParquetError) {
        prefixLengths = try DeltaBinaryPackedDecoder(bytes)
        var skipper = prefixLengths
        let suffixStart = try skipper.skipToEnd()
        suffixes = try DeltaLengthByteArrayDecoder(UnsafeRawBufferPointer(rebasing: bytes[suffixStart...]))
        guard suffixes.remaining == prefixLengths.totalCount else {
            throw ParquetError(
                .invalidEncoding,
                "DELTA_BYTE_ARRAY has \(prefixLengths.totalCount) prefix lengths but \(suffixes.remaining) suffixes")
        }
    }

    /// The values not decoded yet.
    var remaining: Int { prefixLengths.remaining }

    /// Decodes `count` values and appends them to `output`.
    mutating func decode(count: Int, into output: inout ByteArrayOutput) throws(ParquetError) {
        try withZeroedScratch(of: Int32.self) { (prefixes) throws(ParquetError) in
            try withZeroedScratch(of: Int32.self) { (suffixLengths) throws(ParquetError) in
                var done = 0
                while done < count {
                    let size = min(prefixes.count, count - done)
                    let prefixBatch = UnsafeMutableBufferPointer(rebasing: prefixes[..<size])
                    let suffixBatch = UnsafeMutableBufferPointer(rebasing: suffixLengths[..<size])
                    try decodeBatch(prefixBatch, suffixBatch, into: &output)
                    done += size
                }
            }
        }
    }

    private mutating func decodeBatch(
        _ prefixes: UnsafeMutableBufferPointer<Int32>, _ suffixLengths: UnsafeMutableBufferPointer<Int32>,
        into output: inout ByteArrayOutput
    ) throws(ParquetError) {
        try prefixLengths.decode(into: prefixes)
        let suffixBytes = try suffixes.next(lengths: suffixLengths)
        // Check every prefix against the value before it, and size the batch exactly, before
        // allocating anything.
        var previousLength = previous.count
        var total = 0
        var lastStart = 0
        for index in prefixes.indices {
            let prefix = Int(prefixes[index])
            guard prefix >= 0, prefix <= previousLength else {
                throw ParquetError(
                    .invalidEncoding,
                    "DELTA_BYTE_ARRAY prefix length \(prefix) exceeds the previous value's \(previousLength) bytes")
            }
            previousLength = prefix + Int(suffixLengths[index])
            lastStart = total
            total += previousLength
            guard total <= Int(Int32.max) else {
                throw ParquetError(.unsupported, "a batch of DELTA_BYTE_ARRAY values exceeds 2 GiB")
            }
        }
        let count = prefixes.count
        let firstPrevious = previous
        try output.appendBatch(count: count, maxDataBytes: total) { ends, destination, dataStart in
            guard let destination else { return .success((count, 0)) }
            firstPrevious.withUnsafeBytes { firstPreviousBytes in
                var written = 0
                var previousStart: UnsafeRawPointer? = firstPreviousBytes.baseAddress
                var suffixOffset = 0
                for index in 0..<count {
                    let prefix = Int(prefixes[index])
                    let suffix = Int(suffixLengths[index])
                    let start = destination + written
                    if prefix > 0, let previousStart {
                        start.copyMemory(from: previousStart, byteCount: prefix)
                    }
                    if suffix > 0, let suffixBase = suffixBytes.baseAddress {
                        (start + prefix).copyMemory(from: suffixBase + suffixOffset, byteCount: suffix)
                    }
                    suffixOffset &+= suffix
                    written &+= prefix &+ suffix
                    previousStart = UnsafeRawPointer(start)
                    ends[index] = Int32(truncatingIfNeeded: dataStart &+ written)
                }
            }
            return .success((count, total))
        }
        // Keep the batch's last value for the next batch's first prefix.
        if count > 0 {
            output.data.withUnsafeBytes { data in
                previous = Array(data[(data.count - total + lastStart)...])
            }
        }
    }
}
