import CLZ4

/// The LZ4_RAW codec: one LZ4 block (no framing) through liblz4's block API.
///
/// `LZ4_decompress_safe` never reads or writes outside the buffers it is given, whatever the input.
enum LZ4RawCodec {
    static func decompress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) {
        let decoded = try decompressBlock(input, into: output, codecName: "lz4_raw")
        guard decoded == output.count else {
            throw ParquetError(
                .decompressionFailed,
                "lz4_raw: block decodes to \(decoded) bytes, expected \(output.count)"
            )
        }
    }

    /// Decompresses one LZ4 block into `output` and returns how many bytes it produced (at most
    /// `output.count`).
    static func decompressBlock(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        codecName: String
    ) throws(ParquetError) -> Int {
        let buffers = try DecompressionBuffers(input, output, codec: codecName)
        let (inputBase, outputBase) = (buffers.input, buffers.output)
        guard input.count <= Int(Int32.max), output.count <= Int(Int32.max) else {
            throw ParquetError(.decompressionFailed, "\(codecName): block larger than 2 GiB")
        }
        let result = LZ4_decompress_safe(
            inputBase.assumingMemoryBound(to: CChar.self),
            outputBase.assumingMemoryBound(to: CChar.self),
            Int32(input.count),
            Int32(output.count)
        )
        guard result >= 0 else {
            throw ParquetError(
                .decompressionFailed,
                "\(codecName): corrupt block, or more than the expected \(output.count) bytes"
            )
        }
        return Int(result)
    }

    static func maxCompressedSize(_ inputSize: Int) throws(ParquetError) -> Int {
        guard inputSize <= Int(LZ4_MAX_INPUT_SIZE) else {
            throw ParquetError(.compressionFailed, "lz4_raw: input of \(inputSize) bytes is too large")
        }
        return Int(LZ4_compressBound(Int32(inputSize)))
    }

    static func compress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) -> Int {
        try compressBlock(input, into: output, codecName: "lz4_raw")
    }

    /// Compresses `input` as one LZ4 block; `output` holds at least `LZ4_compressBound` bytes.
    static func compressBlock(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        codecName: String
    ) throws(ParquetError) -> Int {
        guard let outputBase = output.baseAddress, input.count <= Int(LZ4_MAX_INPUT_SIZE) else {
            throw ParquetError(.compressionFailed, "\(codecName): no output buffer, or input too large")
        }
        // An empty input has no address; LZ4 reads nothing from it.
        let inputBase = input.baseAddress ?? UnsafeRawPointer(outputBase)
        let written = LZ4_compress_default(
            inputBase.assumingMemoryBound(to: CChar.self),
            outputBase.assumingMemoryBound(to: CChar.self),
            Int32(input.count),
            Int32(clamping: output.count)
        )
        guard written > 0 else { throw ParquetError(.compressionFailed, "\(codecName): compression failed") }
        return Int(written)
    }
}
