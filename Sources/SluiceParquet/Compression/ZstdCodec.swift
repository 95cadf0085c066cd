import CZstd

/// The ZSTD codec through libzstd's one-shot API.
///
/// `ZSTD_decompress` writes only into the buffer it is given and allocates just its fixed-size
/// context, so a damaged or hostile frame cannot make it allocate the window size it declares.
/// Frames without a content size and concatenated frames decode too.
enum ZstdCodec {
    /// Level 1, as pyarrow and parquet-mr default to: fast, and most of the ratio.
    static let defaultLevel = 1

    static func decompress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) {
        let buffers = try DecompressionBuffers(input, output, codec: "zstd")
        let result = ZSTD_decompress(buffers.output, output.count, buffers.input, input.count)
        if ZSTD_isError(result) != 0 {
            throw ParquetError(.decompressionFailed, "zstd: \(String(cString: ZSTD_getErrorName(result)))")
        }
        guard result == output.count else {
            throw ParquetError(.decompressionFailed, "zstd: frame decodes to \(result) bytes, expected \(output.count)")
        }
    }

    static func maxCompressedSize(_ inputSize: Int) throws(ParquetError) -> Int {
        let bound = ZSTD_compressBound(inputSize)
        guard ZSTD_isError(bound) == 0 else {
            throw ParquetError(.compressionFailed, "zstd: input of \(inputSize) bytes is too large")
        }
        return bound
    }

    static func compress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        level: Int?
    ) throws(ParquetError) -> Int {
        let level = level ?? defaultLevel
        let levels = Int(ZSTD_minCLevel())...Int(ZSTD_maxCLevel())
        guard levels.contains(level) else {
            throw ParquetError(.compressionFailed, "zstd: compression level \(level) is outside \(levels)")
        }
        let result = ZSTD_compress(output.baseAddress, output.count, input.baseAddress, input.count, Int32(level))
        if ZSTD_isError(result) != 0 {
            throw ParquetError(
                .compressionFailed, "zstd: compression failed: \(String(cString: ZSTD_getErrorName(result)))")
        }
        return result
    }
}
