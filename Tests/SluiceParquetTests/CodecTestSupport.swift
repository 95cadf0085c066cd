import SluiceCore
import SluiceParquet
import Testing

/// Sample inputs and helpers shared by the codec tests.
enum CodecTestSupport {
    /// The codecs that compress and decompress (all but LZO).
    static let workingCodecs: [CompressionCodec] = [.uncompressed, .snappy, .gzip, .zstd, .lz4Raw, .lz4, .brotli]

    /// The byte written past the expected output, to prove that no codec writes beyond it.
    static let sentinel: UInt8 = 0xA5
    static let guardBytes = 64

    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var bytes = [UInt8]()
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            withUnsafeBytes(of: random.next()) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }

    /// Text like the benchmark's `key` column: `user-%08d`, in order.
    static func keyLikeText(_ count: Int) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(count + 16)
        var row = 0
        while bytes.count < count {
            let digits = String(row)
            bytes.append(contentsOf: Array("user-".utf8))
            bytes.append(contentsOf: Array(repeating: UInt8(ascii: "0"), count: max(0, 8 - digits.count)))
            bytes.append(contentsOf: Array(digits.utf8))
            row += 1
        }
        return Array(bytes.prefix(count))
    }

    /// Runs of random lengths, mixing repeated bytes, repeated short patterns and random bytes, so
    /// every copy shape appears (short and long, overlapping and not).
    static func mixedBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var bytes = [UInt8]()
        bytes.reserveCapacity(count + 1024)
        while bytes.count < count {
            let run = Int(random.next() % 300) + 1
            switch random.next() % 4 {
            case 0:
                bytes.append(contentsOf: repeatElement(UInt8(truncatingIfNeeded: random.next()), count: run))
            case 1:
                let period = Int(random.next() % 9) + 1
                let pattern = (0..<period).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                for index in 0..<run { bytes.append(pattern[index % period]) }
            case 2 where bytes.count > 10:
                // Index by index: appending a slice of the array itself would copy the whole array.
                let start = Int(random.next() % UInt64(bytes.count))
                for index in start..<min(bytes.count, start + run) { bytes.append(bytes[index]) }
            default:
                for _ in 0..<run { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
            }
        }
        return Array(bytes.prefix(count))
    }

    /// Named inputs every round trip uses.
    static func sampleInputs() -> [(name: String, bytes: [UInt8])] {
        [
            ("empty", []),
            ("one byte", [0x42]),
            ("zeros", [UInt8](repeating: 0, count: 100_000)),
            ("short pattern", (0..<70_000).map { UInt8(truncatingIfNeeded: $0 % 3) }),
            ("random", randomBytes(50_000, seed: 1)),
            ("keys", keyLikeText(200_003)),
            ("mixed", mixedBytes(300_000, seed: 2)),
            ("15 bytes", Array("abcabcabcabcabc".utf8)),
            ("16 bytes", Array("abcdabcdabcdabcd".utf8)),
        ]
    }

    static func compress(_ codec: PageCodec, _ input: [UInt8]) throws(ParquetError) -> [UInt8] {
        var failure: ParquetError?
        let result = input.withUnsafeBytes { raw -> [UInt8] in
            do throws(ParquetError) {
                return try codec.compress(raw)
            } catch {
                failure = error
                return []
            }
        }
        if let failure { throw failure }
        return result
    }

    /// Decompresses into a buffer with guard bytes after `uncompressedSize`, checks that the guard
    /// bytes are untouched whether or not decoding succeeds, and returns the output.
    static func decompress(
        _ codec: PageCodec,
        _ input: [UInt8],
        uncompressedSize: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws(ParquetError) -> [UInt8] {
        var output = [UInt8](repeating: sentinel, count: max(0, uncompressedSize) + guardBytes)
        var failure: ParquetError?
        input.withUnsafeBytes { raw in
            output.withUnsafeMutableBytes { target in
                do throws(ParquetError) {
                    try codec.decompress(raw, uncompressedSize: uncompressedSize, into: target)
                } catch {
                    failure = error
                }
            }
        }
        let tail = output.suffix(guardBytes)
        #expect(
            tail.allSatisfy { $0 == sentinel }, "\(codec.codec) wrote past the output", sourceLocation: sourceLocation)
        if let failure { throw failure }
        return Array(output.prefix(max(0, uncompressedSize)))
    }

    /// Expects decompression to throw a `ParquetError` of kind `decompressionFailed` that names the
    /// codec.
    static func expectFailure(
        _ codec: PageCodec,
        _ input: [UInt8],
        uncompressedSize: Int,
        _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            let output = try decompress(
                codec, input, uncompressedSize: uncompressedSize, sourceLocation: sourceLocation)
            Issue.record(
                "expected \(codec.codec) to fail, got \(output.count) bytes \(comment.map { "(\($0))" } ?? "")",
                sourceLocation: sourceLocation
            )
        } catch {
            #expect(error.kind == .decompressionFailed, comment, sourceLocation: sourceLocation)
        }
    }
}
