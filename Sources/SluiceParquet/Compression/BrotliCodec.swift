import CBrotli

/// The BROTLI codec through libbrotli's one-shot API.
///
/// The decoder's working memory is bounded by the largest standard window (16 MiB); large-window
/// streams are rejected because they are not enabled.
enum BrotliCodec {
    /// Quality 8, pyarrow's default: near the ratio of 11 at a fraction of the time.
    static let defaultLevel = 8

    static func decompress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) {
        let buffers = try DecompressionBuffers(input, output, codec: "brotli")
        let (inputBase, outputBase) = (buffers.input, buffers.output)
        var decodedSize = output.count
        let result = BrotliDecoderDecompress(
            input.count,
            inputBase.assumingMemoryBound(to: UInt8.self),
            &decodedSize,
            outputBase.assumingMemoryBound(to: UInt8.self)
        )
        guard result == BROTLI_DECODER_RESULT_SUCCESS else {
            throw ParquetError(
                .decompressionFailed,
                "brotli: corrupt or truncated stream, or more than the expected \(output.count) bytes"
            )
        }
        guard decodedSize == output.count else {
            throw ParquetError(
                .decompressionFailed,
                "brotli: stream decodes to \(decodedSize) bytes, expected \(output.count)"
            )
        }
    }

    static func maxCompressedSize(_ inputSize: Int) throws(ParquetError) -> Int {
        let bound = BrotliEncoderMaxCompressedSize(inputSize)
        guard bound > 0 else {
            throw ParquetError(.compressionFailed, "brotli: input of \(inputSize) bytes is too large")
        }
        return bound
    }

    static func compress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        level: Int?
    ) throws(ParquetError) -> Int {
        let level = level ?? defaultLevel
        let qualities = Int(BROTLI_MIN_QUALITY)...Int(BROTLI_MAX_QUALITY)
        guard qualities.contains(level) else {
            throw ParquetError(.compressionFailed, "brotli: compression level \(level) is outside \(qualities)")
        }
        guard let outputBase = output.baseAddress else {
            throw ParquetError(.compressionFailed, "brotli: no output buffer")
        }
        var encodedSize = output.count
        // An empty input has no address; the encoder reads nothing from it.
        let inputBase = input.baseAddress ?? UnsafeRawPointer(outputBase)
        let ok = BrotliEncoderCompress(
            Int32(level),
            BROTLI_DEFAULT_WINDOW,
            BROTLI_MODE_GENERIC,
            input.count,
            inputBase.assumingMemoryBound(to: UInt8.self),
            &encodedSize,
            outputBase.assumingMemoryBound(to: UInt8.self)
        )
        guard ok == BROTLI_TRUE else {
            throw ParquetError(.compressionFailed, "brotli: compression failed")
        }
        return encodedSize
    }
}
