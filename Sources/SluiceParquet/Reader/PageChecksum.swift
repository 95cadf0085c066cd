import CZlib

/// The page CRC of parquet-format: a standard CRC-32 (zlib's `crc32`, polynomial 0x04C11DB7
/// reflected) of the page bytes after the header exactly as stored, i.e. compressed. For a data page
/// v2 that is the whole body: the uncompressed levels followed by the (possibly compressed) values.
enum PageChecksum {
    /// Throws `ParquetError(.checksumMismatch)` unless `body` hashes to `expected` (the header's
    /// signed `crc` field, compared as its unsigned bit pattern).
    static func verify(_ body: UnsafeRawBufferPointer, expected: Int32) throws(ParquetError) {
        var crc: UInt = crc32(0, nil, 0)
        var rest = body
        // zlib takes a 32-bit length; feed huge pages in pieces.
        while let base = rest.baseAddress, !rest.isEmpty {
            let piece = min(rest.count, Int(UInt32.max >> 1))
            crc = crc32(crc, base.assumingMemoryBound(to: UInt8.self), UInt32(piece))
            rest = UnsafeRawBufferPointer(rebasing: rest[piece...])
        }
        let actual = UInt32(truncatingIfNeeded: crc)
        let stated = UInt32(bitPattern: expected)
        guard actual == stated else {
            throw ParquetError(
                .checksumMismatch,
                "the page's CRC-32 is \(hex(actual)) but its header states \(hex(stated))")
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
