import CLZ4
import SluiceCompression

/// The legacy LZ4 codec (parquet codec 5), which writers disagree on.
///
/// parquet-mr wrote Hadoop's framing: blocks of a big-endian 4-byte uncompressed length, a
/// big-endian 4-byte compressed length and an LZ4 block. Older parquet-cpp wrote a bare LZ4 block,
/// and some writers an LZ4 frame. Reading follows parquet-cpp: Hadoop framing if it parses exactly
/// (every length consistent, the input used up, the output filled), else a raw block, else a frame.
/// Writing uses Hadoop framing, which every reader accepts.
enum LZ4HadoopCodec {
    /// Uncompressed bytes per Hadoop block when writing; Hadoop's reader buffers 256 KiB.
    private static let writeBlockSize = 128 * 1024
    private static let blockHeaderSize = 8

    static func decompress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) {
        if decompressHadoop(input, into: output) { return }
        let rawError: ParquetError
        do {
            let decoded = try LZ4RawCodec.decompressBlock(input, into: output, codecName: "lz4")
            if decoded == output.count { return }
            rawError = ParquetError(
                .decompressionFailed, "lz4: block decodes to \(decoded) bytes, expected \(output.count)")
        } catch {
            rawError = error
        }
        if LZ4FrameDecompressor.isFrame(input) {
            do {
                try LZ4FrameDecompressor().decompress(input, into: output)
            } catch {
                throw ParquetError(.decompressionFailed, "lz4: frame: \(error)")
            }
            return
        }
        throw rawError
    }

    /// Tries Hadoop framing; false if it does not describe exactly this input and output.
    private static func decompressHadoop(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) -> Bool {
        var inputOffset = 0
        var outputOffset = 0
        while input.count - inputOffset >= blockHeaderSize {
            let uncompressedLength = Int(readBigEndian32(input, at: inputOffset))
            let compressedLength = Int(readBigEndian32(input, at: inputOffset + 4))
            inputOffset += blockHeaderSize
            guard compressedLength <= input.count - inputOffset,
                uncompressedLength <= output.count - outputOffset
            else { return false }
            let block = UnsafeRawBufferPointer(rebasing: input[inputOffset..<inputOffset + compressedLength])
            let target = UnsafeMutableRawBufferPointer(
                rebasing: output[outputOffset..<outputOffset + uncompressedLength]
            )
            guard !block.isEmpty else {
                guard uncompressedLength == 0 else { return false }
                continue
            }
            guard let decoded = try? LZ4RawCodec.decompressBlock(block, into: target, codecName: "lz4"),
                decoded == uncompressedLength
            else { return false }
            inputOffset += compressedLength
            outputOffset += uncompressedLength
        }
        return inputOffset == input.count && outputOffset == output.count
    }

    private static func readBigEndian32(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        UInt32(buffer[offset]) << 24 | UInt32(buffer[offset + 1]) << 16 | UInt32(buffer[offset + 2]) << 8
            | UInt32(buffer[offset + 3])
    }

    static func maxCompressedSize(_ inputSize: Int) throws(ParquetError) -> Int {
        guard inputSize <= Int(Int32.max) else {
            throw ParquetError(.compressionFailed, "lz4: input of \(inputSize) bytes is too large")
        }
        let blocks = max(1, (inputSize + writeBlockSize - 1) / writeBlockSize)
        return blocks * (blockHeaderSize + Int(LZ4_compressBound(Int32(writeBlockSize))))
    }

    static func compress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) -> Int {
        var inputOffset = 0
        var outputOffset = 0
        repeat {
            let count = min(writeBlockSize, input.count - inputOffset)
            let block = UnsafeRawBufferPointer(rebasing: input[inputOffset..<inputOffset + count])
            let target = UnsafeMutableRawBufferPointer(rebasing: output[(outputOffset + blockHeaderSize)...])
            let written = try LZ4RawCodec.compressBlock(block, into: target, codecName: "lz4")
            writeBigEndian32(UInt32(count), to: output, at: outputOffset)
            writeBigEndian32(UInt32(written), to: output, at: outputOffset + 4)
            inputOffset += count
            outputOffset += blockHeaderSize + written
        } while inputOffset < input.count
        return outputOffset
    }

    private static func writeBigEndian32(_ value: UInt32, to buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        for index in 0..<4 {
            buffer[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * index))
        }
    }
}
