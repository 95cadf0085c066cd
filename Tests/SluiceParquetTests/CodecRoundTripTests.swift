import SluiceCore
import SluiceParquet
import Testing

@Suite("Codec round trips")
struct CodecRoundTripTests {
    @Test(arguments: CodecTestSupport.workingCodecs)
    func roundTripsSampleInputs(codec: CompressionCodec) throws {
        let pageCodec = PageCodec(codec)
        for (name, input) in CodecTestSupport.sampleInputs() {
            let compressed = try CodecTestSupport.compress(pageCodec, input)
            let bound = try pageCodec.maxCompressedSize(forInputSize: input.count)
            #expect(compressed.count <= bound, "\(name)")
            let output = try CodecTestSupport.decompress(pageCodec, compressed, uncompressedSize: input.count)
            #expect(output == input, "\(codec) \(name)")
        }
    }

    @Test(arguments: CodecTestSupport.workingCodecs)
    func roundTripsTenMegabytes(codec: CompressionCodec) throws {
        let pageCodec = PageCodec(codec)
        let input = CodecTestSupport.mixedBytes(10 * 1024 * 1024, seed: 10)
        let compressed = try CodecTestSupport.compress(pageCodec, input)
        if codec != .uncompressed {
            #expect(compressed.count < input.count)
        }
        let output = try CodecTestSupport.decompress(pageCodec, compressed, uncompressedSize: input.count)
        #expect(output == input)
    }

    @Test func compressesRepetitiveInputWell() throws {
        let input = CodecTestSupport.keyLikeText(1_000_000)
        for codec in CodecTestSupport.workingCodecs where codec != .uncompressed {
            let compressed = try CodecTestSupport.compress(PageCodec(codec), input)
            #expect(compressed.count < input.count / 2, "\(codec): \(compressed.count) bytes")
        }
    }

    @Test(arguments: [
        (CompressionCodec.zstd, [-5, 1, 3, 19]), (.gzip, [0, 1, 9]), (.brotli, [0, 5, 11]),
    ])
    func honoursCompressionLevels(codec: CompressionCodec, levels: [Int]) throws {
        let input = CodecTestSupport.mixedBytes(200_000, seed: 3)
        for level in levels {
            let pageCodec = PageCodec(codec, level: level)
            let compressed = try CodecTestSupport.compress(pageCodec, input)
            #expect(try CodecTestSupport.decompress(pageCodec, compressed, uncompressedSize: input.count) == input)
        }
    }

    @Test(arguments: [(CompressionCodec.zstd, 100), (.gzip, 10), (.brotli, 12), (.gzip, -2)])
    func rejectsLevelsOutsideTheRange(codec: CompressionCodec, level: Int) {
        #expect {
            try CodecTestSupport.compress(PageCodec(codec, level: level), [1, 2, 3])
        } throws: { error in
            (error as? ParquetError)?.kind == .compressionFailed
        }
    }

    @Test func compressesIntoACallerBuffer() throws {
        let input = CodecTestSupport.keyLikeText(100_000)
        let codec = PageCodec(.snappy)
        let bound = try codec.maxCompressedSize(forInputSize: input.count)
        var output = [UInt8](repeating: 0, count: bound)
        let written = try input.withUnsafeBytes { source in
            try output.withUnsafeMutableBytes { target in try codec.compress(source, into: target) }
        }
        #expect(written <= bound)
        #expect(
            try CodecTestSupport.decompress(codec, Array(output.prefix(written)), uncompressedSize: input.count)
                == input)

        var small = [UInt8](repeating: 0, count: bound - 1)
        #expect(throws: ParquetError.self) {
            try input.withUnsafeBytes { source in
                try small.withUnsafeMutableBytes { target in try codec.compress(source, into: target) }
            }
        }
    }

    @Test func decompressesIntoANewArray() throws {
        let input = CodecTestSupport.mixedBytes(5000, seed: 4)
        let codec = PageCodec(.zstd)
        let compressed = try CodecTestSupport.compress(codec, input)
        let output = try compressed.withUnsafeBytes { try codec.decompress($0, uncompressedSize: input.count) }
        #expect(output == input)
    }

    @Test func lzoIsUnsupported() {
        let codec = PageCodec(.lzo)
        #expect {
            try CodecTestSupport.decompress(codec, [1, 2, 3], uncompressedSize: 3)
        } throws: { error in
            (error as? ParquetError)?.kind == .unsupported
        }
        #expect {
            try CodecTestSupport.compress(codec, [1, 2, 3])
        } throws: { error in
            (error as? ParquetError)?.kind == .unsupported
        }
    }

    @Test(arguments: CompressionCodec.allCases.filter { $0 != .lzo && $0 != .uncompressed })
    func acceptsAnEmptyBodyForAnEmptyPage(codec: CompressionCodec) throws {
        #expect(try CodecTestSupport.decompress(PageCodec(codec), [], uncompressedSize: 0) == [])
        CodecTestSupport.expectFailure(PageCodec(codec), [], uncompressedSize: 1)
    }
}
