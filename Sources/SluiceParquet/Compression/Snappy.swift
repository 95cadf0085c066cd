/// The SNAPPY codec in pure Swift: the raw snappy block format (google/snappy
/// `format_description.txt`), without the framing format.
///
/// A block is a varint of the uncompressed length followed by elements, each starting with a tag
/// byte whose low two bits say what it is: a literal (0), or a copy of earlier output with a 1-,
/// 2- or 4-byte offset (1, 2, 3).
enum Snappy {
    /// The largest uncompressed length the varint preamble can state.
    static let maxUncompressedLength = Int(UInt32.max)

    static func failure(_ what: String) -> ParquetError {
        ParquetError(.decompressionFailed, "snappy: \(what)")
    }

    /// Reads the varint length preamble: the uncompressed length and how many bytes it took.
    static func readPreamble(_ input: UnsafeRawBufferPointer) throws(ParquetError) -> (length: Int, byteCount: Int) {
        var value = 0
        var index = 0
        // At most 5 bytes: the format caps the length at 2^32 - 1.
        while index < 5 {
            guard index < input.count else { throw failure("truncated length preamble") }
            let byte = Int(input[index])
            value |= (byte & 0x7F) << (7 * index)
            index += 1
            if byte & 0x80 == 0 {
                guard value <= maxUncompressedLength else { throw failure("length preamble exceeds 2^32 - 1") }
                return (value, index)
            }
        }
        throw failure("length preamble longer than 5 bytes")
    }

    /// Writes `length` as a varint at `target` and returns the number of bytes written (1…5).
    static func writePreamble(_ length: Int, to target: UnsafeMutableRawPointer) -> Int {
        var value = UInt64(length)
        var index = 0
        while value >= 0x80 {
            target.storeBytes(of: UInt8(truncatingIfNeeded: value) | 0x80, toByteOffset: index, as: UInt8.self)
            value >>= 7
            index += 1
        }
        target.storeBytes(of: UInt8(value), toByteOffset: index, as: UInt8.self)
        return index + 1
    }

    /// The worst case of `compress(_:into:)`: snappy's own bound, 32 + n + n / 6.
    static func maxCompressedSize(_ inputSize: Int) throws(ParquetError) -> Int {
        guard inputSize <= maxUncompressedLength else {
            throw ParquetError(.compressionFailed, "snappy: input of \(inputSize) bytes exceeds 2^32 - 1")
        }
        return 32 + inputSize + inputSize / 6
    }
}
