import CLZ4
import SluiceCompression
import Testing

/// LZ4 frames made by liblz4's own compressor, read back: checksums, linked blocks, concatenated
/// and skippable frames, and every way the input can disagree with the output's size.
@Suite("LZ4 frames")
struct LZ4FrameDecompressorTests {
    /// 300 KB of text that compresses, but not to nothing.
    private static let text = Array((0..<20_000).map { "row \($0 * 7_919 % 100_003) of the day\n" }.joined().utf8)

    /// One frame of `input`: linked 64 KiB blocks (each may copy from the one before), with block
    /// and content checksums unless `checksums` is false.
    private static func frame(_ input: [UInt8], checksums: Bool = true) throws -> [UInt8] {
        var preferences = LZ4F_preferences_t()
        preferences.frameInfo.blockSizeID = LZ4F_max64KB
        preferences.frameInfo.blockMode = LZ4F_blockLinked
        preferences.frameInfo.contentSize = UInt64(input.count)
        if checksums {
            preferences.frameInfo.contentChecksumFlag = LZ4F_contentChecksumEnabled
            preferences.frameInfo.blockChecksumFlag = LZ4F_blockChecksumEnabled
        }
        var output = [UInt8](repeating: 0, count: LZ4F_compressFrameBound(input.count, &preferences))
        let written = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                LZ4F_compressFrame(target.baseAddress, target.count, source.baseAddress, source.count, &preferences)
            }
        }
        try #require(LZ4F_isError(written) == 0)
        return Array(output.prefix(written))
    }

    /// A skippable frame (magic 0x184D2A5X) with `payload`.
    private static func skippable(_ payload: [UInt8]) -> [UInt8] {
        [0x53, 0x2A, 0x4D, 0x18] + withUnsafeBytes(of: UInt32(payload.count).littleEndian) { Array($0) } + payload
    }

    private static func decompress(
        _ input: [UInt8], size: Int, with decompressor: LZ4FrameDecompressor? = nil
    ) throws -> [UInt8] {
        let decompressor = try decompressor ?? LZ4FrameDecompressor()
        var output = [UInt8](repeating: 0, count: size)
        try input.withUnsafeBytes { source in
            try output.withUnsafeMutableBytes { target in try decompressor.decompress(source, into: target) }
        }
        return output
    }

    @Test("a frame with linked blocks and checksums, and one without checksums")
    func wholeFrames() throws {
        let framed = try Self.frame(Self.text)
        #expect(framed.count < Self.text.count / 2)
        #expect(LZ4FrameDecompressor.isFrame(UnsafeRawBufferPointer(start: framed, count: framed.count)))
        #expect(try Self.decompress(framed, size: Self.text.count) == Self.text)
        #expect(try Self.decompress(Self.frame(Self.text, checksums: false), size: Self.text.count) == Self.text)
    }

    @Test("concatenated frames, with skippable frames before, between and after them")
    func concatenatedAndSkippable() throws {
        let half = Self.text.count / 2
        let first = Array(Self.text.prefix(half))
        let second = Array(Self.text.suffix(from: half))
        let input =
            Self.skippable([]) + (try Self.frame(first)) + Self.skippable([1, 2, 3]) + (try Self.frame(second))
            + Self.skippable([9])
        #expect(try Self.decompress(input, size: Self.text.count) == Self.text)
        #expect(try Self.decompress(try Self.frame([]), size: 0) == [])
        #expect(try Self.decompress([], size: 0) == [])
    }

    @Test("an output of another size, a cut frame, a damaged checksum or block, or no input, all fail")
    func mismatches() throws {
        let framed = try Self.frame(Self.text)
        for size in [Self.text.count - 1, Self.text.count + 1, 0] {
            #expect(throws: LZ4FrameError.self, "size \(size)") { try Self.decompress(framed, size: size) }
        }
        for cut in stride(from: 1, to: framed.count, by: 997) {
            #expect(throws: LZ4FrameError.self, "cut at \(cut)") {
                try Self.decompress(Array(framed.prefix(cut)), size: Self.text.count)
            }
        }
        var contentChecksum = framed
        contentChecksum[framed.count - 1] ^= 0x01
        let error = #expect(throws: LZ4FrameError.self) { try Self.decompress(contentChecksum, size: Self.text.count) }
        #expect(error?.description.contains("ontentChecksum") == true, "\(String(describing: error))")
        var block = framed
        block[framed.count / 2] ^= 0x40
        #expect(throws: LZ4FrameError.self) { try Self.decompress(block, size: Self.text.count) }
        #expect(throws: LZ4FrameError.self) { try Self.decompress([], size: 10) }
        #expect(throws: LZ4FrameError.self) { try Self.decompress([0x04, 0x22, 0x4D, 0x18, 0xFF], size: 10) }
    }

    @Test("a decompressor that failed mid-frame reads the next input from a clean state")
    func reuseAfterFailure() throws {
        let decompressor = try LZ4FrameDecompressor()
        let framed = try Self.frame(Self.text)
        #expect(throws: LZ4FrameError.self) {
            try Self.decompress(Array(framed.prefix(framed.count / 2)), size: Self.text.count, with: decompressor)
        }
        #expect(try Self.decompress(framed, size: Self.text.count, with: decompressor) == Self.text)
        #expect(try Self.decompress(framed, size: Self.text.count, with: decompressor) == Self.text)
    }
}
