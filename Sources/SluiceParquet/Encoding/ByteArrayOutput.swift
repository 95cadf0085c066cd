import SluiceCore

/// The decoded values of a BYTE_ARRAY column in SluiceCore's layout: `count + 1` Int32 offsets and
/// the concatenated bytes. Decoders append to it page by page; `finish()` hands both buffers to a
/// `StringArray` or `BinaryArray` without copying.
struct ByteArrayOutput: ~Copyable {
    /// `count + 1` native Int32 offsets, starting with 0.
    var offsets: MutableBuffer
    var data: MutableBuffer

    /// An empty output with room for `capacity` values of `dataCapacity` bytes in all.
    init(capacity: Int = 0, dataCapacity: Int = 0) {
        offsets = MutableBuffer(capacity: 4 * (capacity + 1))
        offsets.append(Int32(0))
        data = MutableBuffer(capacity: dataCapacity)
    }

    /// The number of values appended.
    var count: Int { offsets.byteCount / 4 - 1 }

    /// Appends one value.
    mutating func append(_ value: UnsafeRawBufferPointer) throws(ParquetError) {
        guard data.byteCount + value.count <= Int(Int32.max) else { throw Self.tooLarge }
        data.append(bytes: value)
        offsets.append(Int32(truncatingIfNeeded: data.byteCount))
    }

    /// Appends up to `count` values that `body` writes in place, in one pass and without a bounds
    /// check per value.
    ///
    /// `body` receives room for `count` end offsets and `maxDataBytes` bytes, plus the absolute
    /// offset at which its bytes start (to add to the ends it writes). It returns how many values and
    /// bytes it wrote, or an error, after which nothing is appended.
    mutating func appendBatch(
        count: Int, maxDataBytes: Int,
        _ body: (
            _ ends: UnsafeMutablePointer<Int32>, _ bytes: UnsafeMutableRawPointer?, _ dataStart: Int
        ) -> Result<(values: Int, bytes: Int), ParquetError>
    ) throws(ParquetError) {
        let dataStart = data.byteCount
        let offsetStart = offsets.byteCount
        guard dataStart + maxDataBytes <= Int(Int32.max) else { throw Self.tooLarge }
        offsets.resize(byteCount: offsetStart + 4 * count)
        data.resize(byteCount: dataStart + maxDataBytes)
        let result = offsets.withUnsafeMutableBytes { offsetBytes in
            data.withUnsafeMutableBytes { dataBytes in
                let ends = (offsetBytes.baseAddress.unsafelyUnwrapped + offsetStart)
                    .assumingMemoryBound(to: Int32.self)
                return body(ends, dataBytes.baseAddress.map { $0 + dataStart }, dataStart)
            }
        }
        switch result {
        case .success(let written):
            offsets.resize(byteCount: offsetStart + 4 * written.values)
            data.resize(byteCount: dataStart + written.bytes)
        case .failure(let error):
            offsets.resize(byteCount: offsetStart)
            data.resize(byteCount: dataStart)
            throw error
        }
    }

    /// Hands the offsets and bytes over without copying.
    consuming func finish() throws -> (offsets: OffsetBuffer, data: Buffer) {
        let offsetBuffer = try OffsetBuffer(offsets.finish())
        return (offsetBuffer, data.finish())
    }

    private static var tooLarge: ParquetError {
        ParquetError(.unsupported, "more than 2 GiB of byte array values in one array; read smaller batches")
    }
}
