import SluiceCore
import SluiceParquet
import Testing

/// Mutated compressed pages (fixed seeds): each must decode to the right size or throw
/// `ParquetError(.decompressionFailed)`, and never write past the output.
@Suite("Snappy and codec fuzzing")
struct SnappyFuzzTests {
    /// Flips bits, overwrites, inserts, deletes or truncates bytes of `valid`.
    static func mutate(_ valid: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = valid
        let mutations = Int(random.next() % 4) + 1
        for _ in 0..<mutations where !bytes.isEmpty {
            let position = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 6 {
            case 0:
                bytes[position] ^= 1 << UInt8(random.next() % 8)
            case 1:
                bytes[position] = UInt8(truncatingIfNeeded: random.next())
            case 2:
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            case 3:
                bytes.remove(at: position)
            case 4:
                bytes.removeLast(Int(random.next() % UInt64(bytes.count)))
            default:
                // Tag bytes are where the interesting damage is: make one a copy with a far offset.
                bytes[position] = UInt8(truncatingIfNeeded: random.next()) | 0x03
            }
        }
        return bytes
    }

    static func check(_ codec: PageCodec, _ input: [UInt8], uncompressedSize: Int) {
        do {
            let output = try CodecTestSupport.decompress(codec, input, uncompressedSize: uncompressedSize)
            #expect(output.count == uncompressedSize)
        } catch {
            #expect(error.kind == .decompressionFailed)
        }
    }

    @Test func mutatedSnappyBlocks() throws {
        let snappy = PageCodec(.snappy)
        let inputs = [
            CodecTestSupport.mixedBytes(3_000, seed: 40),
            CodecTestSupport.keyLikeText(2_000),
            CodecTestSupport.randomBytes(500, seed: 41),
            [UInt8](repeating: 7, count: 1_000),
        ]
        let valid = try inputs.map { try CodecTestSupport.compress(snappy, $0) }
        var random = SplitMix64(seed: 0x5EED)
        for iteration in 0..<4_000 {
            let which = iteration % valid.count
            let mutated = Self.mutate(valid[which], using: &random)
            // Mostly the true size; sometimes a wrong one, so a damaged preamble can match it.
            let size = random.next() % 8 == 0 ? Int(random.next() % 4_000) : inputs[which].count
            Self.check(snappy, mutated, uncompressedSize: size)
        }
    }

    @Test(arguments: [CompressionCodec.gzip, .zstd, .lz4Raw, .lz4, .brotli])
    func mutatedPagesOfEveryCodec(codec: CompressionCodec) throws {
        let pageCodec = PageCodec(codec)
        let input = CodecTestSupport.mixedBytes(4_000, seed: 42)
        let valid = try CodecTestSupport.compress(pageCodec, input)
        var random = SplitMix64(seed: 0xC0DEC + UInt64(codec.rawValue))
        for _ in 0..<400 {
            Self.check(pageCodec, Self.mutate(valid, using: &random), uncompressedSize: input.count)
        }
    }
}
