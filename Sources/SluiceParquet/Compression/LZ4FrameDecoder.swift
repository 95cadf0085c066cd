import CLZ4

/// Reads the LZ4 frame format (lz4 `lz4_Frame_format.md`) on top of liblz4's block API: the last
/// resort of the legacy LZ4 codec, for writers that put whole LZ4 frames in pages.
///
/// Concatenated and skippable frames are accepted; linked blocks are decoded against the preceding
/// 64 KiB of the same frame. The optional xxHash32 checksums are skipped, not verified (the block
/// API has no xxHash; a damaged block still fails to decode or to fill the page exactly).
enum LZ4FrameDecoder {
    private static let frameMagic: UInt32 = 0x184D_2204
    private static let maxDictionarySize = 64 * 1024

    private static func failure(_ what: String) -> ParquetError {
        ParquetError(.decompressionFailed, "lz4: frame: \(what)")
    }

    /// Whether `input` starts with the LZ4 frame magic number.
    static func isFrame(_ input: UnsafeRawBufferPointer) -> Bool {
        input.count >= 4 && readLittleEndian32(input, at: 0) == frameMagic
    }

    static func decompress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) {
        var inputOffset = 0
        var outputOffset = 0
        while inputOffset < input.count {
            guard input.count - inputOffset >= 4 else { throw failure("truncated magic number") }
            let magic = readLittleEndian32(input, at: inputOffset)
            inputOffset += 4
            if magic & 0xFFFF_FFF0 == 0x184D_2A50 {
                // A skippable frame: a 4-byte length and that many bytes of user data.
                guard input.count - inputOffset >= 4 else { throw failure("truncated skippable frame") }
                let length = Int(readLittleEndian32(input, at: inputOffset))
                inputOffset += 4
                guard length <= input.count - inputOffset else { throw failure("truncated skippable frame") }
                inputOffset += length
                continue
            }
            guard magic == frameMagic else { throw failure("bad magic number") }
            try decodeFrame(input, at: &inputOffset, into: output, at: &outputOffset)
        }
        guard outputOffset == output.count else {
            throw failure("frames decode to \(outputOffset) bytes, expected \(output.count)")
        }
    }

    /// Decodes one frame after its magic number.
    private static func decodeFrame(
        _ input: UnsafeRawBufferPointer,
        at inputOffset: inout Int,
        into output: UnsafeMutableRawBufferPointer,
        at outputOffset: inout Int
    ) throws(ParquetError) {
        guard input.count - inputOffset >= 2 else { throw failure("truncated frame descriptor") }
        let flags = input[inputOffset]
        let blockDescriptor = input[inputOffset + 1]
        inputOffset += 2
        guard flags >> 6 == 1, flags & 0x02 == 0, blockDescriptor & 0x8F == 0 else {
            throw failure("unknown version or reserved bits set")
        }
        let independentBlocks = flags & 0x20 != 0
        let blockChecksums = flags & 0x10 != 0
        let hasContentSize = flags & 0x08 != 0
        let contentChecksum = flags & 0x04 != 0
        guard flags & 0x01 == 0 else { throw failure("frames with a dictionary are not supported") }
        let sizeCode = Int(blockDescriptor >> 4)
        guard sizeCode >= 4 else { throw failure("bad block maximum size") }
        let maxBlockSize = 1 << (8 + 2 * sizeCode)
        // The optional content size, then the header checksum byte.
        let descriptorRest = (hasContentSize ? 8 : 0) + 1
        guard input.count - inputOffset >= descriptorRest else { throw failure("truncated frame descriptor") }
        inputOffset += descriptorRest

        let frameStart = outputOffset
        while true {
            guard input.count - inputOffset >= 4 else { throw failure("truncated block size") }
            let word = readLittleEndian32(input, at: inputOffset)
            inputOffset += 4
            if word == 0 { break }
            let isUncompressed = word & 0x8000_0000 != 0
            let size = Int(word & 0x7FFF_FFFF)
            guard size <= maxBlockSize, size <= input.count - inputOffset else {
                throw failure("block of \(size) bytes is too large or truncated")
            }
            let block = UnsafeRawBufferPointer(rebasing: input[inputOffset..<inputOffset + size])
            inputOffset += size + (blockChecksums ? 4 : 0)
            guard inputOffset <= input.count else { throw failure("truncated block checksum") }
            let room = output.count - outputOffset
            if isUncompressed {
                guard size <= room else { throw failure("data runs past the expected \(output.count) bytes") }
                if let source = block.baseAddress, let target = output.baseAddress {
                    (target + outputOffset).copyMemory(from: source, byteCount: size)
                }
                outputOffset += size
                continue
            }
            let target = UnsafeMutableRawBufferPointer(
                rebasing: output[outputOffset..<outputOffset + min(room, maxBlockSize)])
            let dictionarySize = independentBlocks ? 0 : min(maxDictionarySize, outputOffset - frameStart)
            outputOffset += try decompressBlock(block, into: target, dictionarySize: dictionarySize)
        }
        if contentChecksum {
            guard input.count - inputOffset >= 4 else { throw failure("truncated content checksum") }
            inputOffset += 4
        }
    }

    /// Decodes one block; a linked block may copy from the `dictionarySize` bytes just before
    /// `target` in the output.
    private static func decompressBlock(
        _ block: UnsafeRawBufferPointer,
        into target: UnsafeMutableRawBufferPointer,
        dictionarySize: Int
    ) throws(ParquetError) -> Int {
        guard dictionarySize > 0, let blockBase = block.baseAddress, let targetBase = target.baseAddress else {
            return try LZ4RawCodec.decompressBlock(block, into: target, codecName: "lz4: frame")
        }
        let result = LZ4_decompress_safe_usingDict(
            blockBase.assumingMemoryBound(to: CChar.self),
            targetBase.assumingMemoryBound(to: CChar.self),
            Int32(block.count),
            Int32(target.count),
            UnsafeRawPointer(targetBase - dictionarySize).assumingMemoryBound(to: CChar.self),
            Int32(dictionarySize)
        )
        guard result >= 0 else { throw failure("corrupt block") }
        return Int(result)
    }

    private static func readLittleEndian32(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        UInt32(buffer[offset]) | UInt32(buffer[offset + 1]) << 8 | UInt32(buffer[offset + 2]) << 16
            | UInt32(buffer[offset + 3]) << 24
    }
}
