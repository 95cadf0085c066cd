import SluiceCore

@testable import SluiceParquet

/// Helpers that run the decoders over byte arrays, for the encoding tests.
enum EncodingTestSupport {
    static func decodeRLE(_ bytes: [UInt8], bitWidth: Int, count: Int, batch: Int = .max) throws -> [UInt32] {
        try bytes.withUnsafeBytes { raw in
            var decoder = try RLEHybridDecoder(bitWidth: bitWidth, bytes: raw)
            return try decodeInBatches(count: count, batch: batch) { try decoder.decode(into: $0) }
        }
    }

    static func decodeDelta64(_ bytes: [UInt8], count: Int, batch: Int = .max) throws -> [Int64] {
        try bytes.withUnsafeBytes { raw in
            var decoder = try DeltaBinaryPackedDecoder(raw)
            return try decodeInBatches(count: count, batch: batch) { try decoder.decode(into: $0) }
        }
    }

    static func decodeDelta32(_ bytes: [UInt8], count: Int, batch: Int = .max) throws -> [Int32] {
        try bytes.withUnsafeBytes { raw in
            var decoder = try DeltaBinaryPackedDecoder(raw)
            return try decodeInBatches(count: count, batch: batch) { try decoder.decode(into: $0) }
        }
    }

    /// Calls `decode` on consecutive slices of at most `batch` values.
    static func decodeInBatches<T: BitwiseCopyable & Numeric>(
        count: Int, batch: Int, _ decode: (UnsafeMutableBufferPointer<T>) throws -> Void
    ) throws -> [T] {
        var values = [T](repeating: 0, count: count)
        try values.withUnsafeMutableBufferPointer { output in
            var done = 0
            while done < count {
                let size = min(batch, count - done)
                try decode(UnsafeMutableBufferPointer(rebasing: output[done..<(done + size)]))
                done += size
            }
        }
        return values
    }

    /// The values of a `ByteArrayOutput`, as byte arrays.
    static func values(of output: consuming ByteArrayOutput) throws -> [[UInt8]] {
        let (offsets, data) = try output.finish()
        return (0..<offsets.count).map { Array(data.bytes[offsets.range(at: $0)]) }
    }

    /// Byte-array values decoded by `decode` in batches of at most `batch`.
    static func decodeByteArrays(
        count: Int, batch: Int = .max, _ decode: (Int, inout ByteArrayOutput) throws -> Void
    ) throws -> [[UInt8]] {
        var output = ByteArrayOutput()
        var done = 0
        while done < count {
            let size = min(batch, count - done)
            try decode(size, &output)
            done += size
        }
        return try values(of: output)
    }

    static func strings(_ count: Int) -> [[UInt8]] {
        (0..<count).map { Array("user-\($0.zeroPadded(width: 8))".utf8) }
    }
}
