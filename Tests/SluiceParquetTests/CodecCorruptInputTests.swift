import SluiceParquet
import Testing

/// Damaged pages must throw `ParquetError(.decompressionFailed)`: never trap, never write past the
/// expected size (the helpers check guard bytes after it).
@Suite("Codec corrupt input")
struct CodecCorruptInputTests {
    static let compressedCodecs: [CompressionCodec] = [.snappy, .gzip, .zstd, .lz4Raw, .lz4, .brotli]

    @Test(arguments: compressedCodecs)
    func rejectsTruncatedInput(codec: CompressionCodec) throws {
        let pageCodec = PageCodec(codec)
        let input = CodecTestSupport.mixedBytes(20_000, seed: 20)
        let compressed = try CodecTestSupport.compress(pageCodec, input)
        for cut in [1, 2, 5, 9, compressed.count / 3, compressed.count / 2, compressed.count - 2, compressed.count - 1]
        {
            CodecTestSupport.expectFailure(
                pageCodec, Array(compressed.prefix(cut)), uncompressedSize: input.count, "cut to \(cut)")
        }
    }

    @Test(arguments: compressedCodecs + [.uncompressed])
    func rejectsTheWrongUncompressedSize(codec: CompressionCodec) throws {
        let pageCodec = PageCodec(codec)
        let input = CodecTestSupport.keyLikeText(5_000)
        let compressed = try CodecTestSupport.compress(pageCodec, input)
        for size in [0, 1, input.count - 1, input.count + 1, input.count * 2] {
            CodecTestSupport.expectFailure(pageCodec, compressed, uncompressedSize: size, "size \(size)")
        }
        CodecTestSupport.expectFailure(pageCodec, compressed, uncompressedSize: -1)
    }

    @Test(arguments: compressedCodecs)
    func rejectsGarbage(codec: CompressionCodec) {
        let pageCodec = PageCodec(codec)
        for seed in UInt64(0)..<20 {
            let garbage = CodecTestSupport.randomBytes(Int(seed) * 37 + 1, seed: 100 + seed)
            CodecTestSupport.expectFailure(pageCodec, garbage, uncompressedSize: 1000, "seed \(seed)")
        }
        CodecTestSupport.expectFailure(pageCodec, [UInt8](repeating: 0xFF, count: 64), uncompressedSize: 64)
    }

    @Test(arguments: compressedCodecs + [.uncompressed])
    func rejectsAnOutputBufferSmallerThanTheSize(codec: CompressionCodec) throws {
        let pageCodec = PageCodec(codec)
        let input = CodecTestSupport.keyLikeText(1000)
        let compressed = try CodecTestSupport.compress(pageCodec, input)
        var output = [UInt8](repeating: 0, count: 999)
        #expect {
            try compressed.withUnsafeBytes { source in
                try output.withUnsafeMutableBytes { target in
                    try pageCodec.decompress(source, uncompressedSize: 1000, into: target)
                }
            }
        } throws: { error in
            (error as? ParquetError)?.kind == .decompressionFailed
        }
    }

    @Test func errorsNameTheCodec() throws {
        do {
            _ = try CodecTestSupport.decompress(PageCodec(.zstd), [1, 2, 3, 4, 5], uncompressedSize: 10)
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .decompressionFailed)
            #expect(error.detail.hasPrefix("zstd: "))
            #expect(error.description.hasPrefix("decompression failed: zstd: "))
        }
    }

    // MARK: Snappy, element by element

    typealias Vector = SnappyVectorTests

    @Test func snappyRejectsACopyBeforeTheStart() {
        let snappy = PageCodec(.snappy)
        let before = Vector.block(Vector.literal([1, 2]), Vector.copy1(length: 4, offset: 3), length: 6)
        CodecTestSupport.expectFailure(snappy, before, uncompressedSize: 6)
        let first = Vector.block(Vector.copy2(length: 4, offset: 1), length: 4)
        CodecTestSupport.expectFailure(snappy, first, uncompressedSize: 4)
        let zero = Vector.block(Vector.literal([1, 2, 3, 4]), Vector.copy2(length: 4, offset: 0), length: 8)
        CodecTestSupport.expectFailure(snappy, zero, uncompressedSize: 8)
        let far = Vector.block(Vector.literal([1, 2, 3, 4]), Vector.copy4(length: 4, offset: 0x7FFF_FFFF), length: 8)
        CodecTestSupport.expectFailure(snappy, far, uncompressedSize: 8)
    }

    @Test func snappyRejectsALengthPreambleLargerThanTheData() {
        let snappy = PageCodec(.snappy)
        let short = Vector.block(Vector.literal([1, 2, 3, 4, 5]), length: 100)
        CodecTestSupport.expectFailure(snappy, short, uncompressedSize: 100)
        CodecTestSupport.expectFailure(snappy, short, uncompressedSize: 5)
        // A preamble claiming 4 GiB for a page that says 10 bytes: refused before any allocation.
        CodecTestSupport.expectFailure(snappy, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00], uncompressedSize: 10)
    }

    @Test func snappyRejectsBadPreambles() {
        let snappy = PageCodec(.snappy)
        CodecTestSupport.expectFailure(snappy, [0x80], uncompressedSize: 0)
        CodecTestSupport.expectFailure(snappy, [0x80, 0x80, 0x80, 0x80, 0x80, 0x01], uncompressedSize: 0)
        CodecTestSupport.expectFailure(snappy, [0xFF, 0xFF, 0xFF, 0xFF, 0x1F], uncompressedSize: 0)
        CodecTestSupport.expectFailure(snappy, [0x00, 0x00], uncompressedSize: 0)
    }

    @Test func snappyRejectsElementsRunningPastTheInputOrOutput() {
        let snappy = PageCodec(.snappy)
        // A literal tag promising 10 bytes with 3 present.
        CodecTestSupport.expectFailure(snappy, [0x0A, 9 << 2, 1, 2, 3], uncompressedSize: 10)
        // A long literal whose length bytes are cut.
        CodecTestSupport.expectFailure(snappy, [0x64, 61 << 2, 0x63], uncompressedSize: 100)
        // A literal longer than the output.
        CodecTestSupport.expectFailure(snappy, [0x02, 3 << 2, 1, 2, 3, 4], uncompressedSize: 2)
        // A copy longer than the rest of the output.
        let overrun = Vector.block(Vector.literal([1, 2, 3, 4]), Vector.copy2(length: 30, offset: 4), length: 20)
        CodecTestSupport.expectFailure(snappy, overrun, uncompressedSize: 20)
        // Copy tags cut short.
        for cut in 1...4 {
            let copy = Vector.block(Vector.literal([1, 2, 3, 4]), Vector.copy4(length: 4, offset: 4), length: 8)
            CodecTestSupport.expectFailure(snappy, Array(copy.dropLast(cut)), uncompressedSize: 8, "cut \(cut)")
        }
    }
}
