/// Compresses and decompresses parquet page bodies with one `CompressionCodec`.
///
/// Decompression writes straight into a buffer the caller owns, because a page header always tells
/// the uncompressed size: the reader allocates the decoded page once and nothing is copied twice.
/// Every codec checks that the output is exactly `uncompressedSize` bytes. Damaged input throws
/// `ParquetError(.decompressionFailed, "<codec>: <what>")`; it never traps, never writes outside the
/// first `uncompressedSize` bytes of the output buffer and never allocates more than a bounded
/// amount of working memory.
///
/// `PageCodec` is a small value: make one per column chunk, or share one between threads.
public struct PageCodec: Sendable, Hashable {
    /// The codec pages are compressed with.
    public let codec: CompressionCodec
    /// The compression level, or `nil` for the codec's default (zstd 1, gzip 6, brotli 8). Snappy,
    /// LZ4 and uncompressed have no levels and ignore it. Decompression never uses it.
    public let level: Int?

    /// A codec; `level` only matters when compressing.
    public init(_ codec: CompressionCodec, level: Int? = nil) {
        self.codec = codec
        self.level = level
    }

    /// Decompresses one page body into the first `uncompressedSize` bytes of `output`.
    ///
    /// - Throws: `ParquetError(.decompressionFailed, …)` when the input is damaged or does not
    ///   decode to exactly `uncompressedSize` bytes, or when `output` is too small;
    ///   `ParquetError(.unsupported, …)` for LZO.
    public func decompress(
        _ input: UnsafeRawBufferPointer,
        uncompressedSize: Int,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) {
        let name = codec.displayName
        guard uncompressedSize >= 0 else {
            throw ParquetError(.decompressionFailed, "\(name): negative uncompressed size \(uncompressedSize)")
        }
        guard output.count >= uncompressedSize else {
            throw ParquetError(
                .decompressionFailed,
                "\(name): output buffer of \(output.count) bytes is smaller than the \(uncompressedSize) bytes expected"
            )
        }
        let target = UnsafeMutableRawBufferPointer(rebasing: output[0..<uncompressedSize])
        if codec == .uncompressed {
            try UncompressedCodec.decompress(input, into: target)
            return
        }
        if codec == .lzo {
            throw ParquetError(.unsupported, "lzo: the LZO codec is not supported")
        }
        if input.isEmpty {
            // Some writers store an empty body for a page with no values (a V2 page of nulls, say)
            // and skip the codec entirely; nothing else decodes from zero bytes.
            guard uncompressedSize == 0 else {
                throw ParquetError(.decompressionFailed, "\(name): empty input, expected \(uncompressedSize) bytes")
            }
            return
        }
        switch codec {
        case .uncompressed, .lzo:
            return  // handled above
        case .snappy:
            try Snappy.decompress(input, into: target)
        case .gzip:
            try GzipCodec.decompress(input, into: target)
        case .zstd:
            try ZstdCodec.decompress(input, into: target)
        case .lz4Raw:
            try LZ4RawCodec.decompress(input, into: target)
        case .lz4:
            try LZ4HadoopCodec.decompress(input, into: target)
        case .brotli:
            try BrotliCodec.decompress(input, into: target)
        }
    }

    /// Decompresses one page body into a new array of `uncompressedSize` bytes.
    ///
    /// Convenience for tests and small pages; readers should decompress into their own buffer
    /// with `decompress(_:uncompressedSize:into:)`.
    public func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws(ParquetError) -> [UInt8] {
        guard uncompressedSize >= 0 else {
            throw ParquetError(
                .decompressionFailed,
                "\(codec.displayName): negative uncompressed size \(uncompressedSize)"
            )
        }
        var failure: ParquetError?
        let result = [UInt8](unsafeUninitializedCapacity: uncompressedSize) { buffer, count in
            do throws(ParquetError) {
                try decompress(input, uncompressedSize: uncompressedSize, into: UnsafeMutableRawBufferPointer(buffer))
                count = uncompressedSize
            } catch {
                failure = error
                count = 0
            }
        }
        if let failure { throw failure }
        return result
    }

    /// The most bytes `compress(_:into:)` can write for an input of `inputSize` bytes.
    ///
    /// - Throws: `ParquetError(.unsupported, …)` for LZO; `.compressionFailed` for an input larger than the codec
    ///   can take in one call (LZ4: about 2 GB).
    public func maxCompressedSize(forInputSize inputSize: Int) throws(ParquetError) -> Int {
        let name = codec.displayName
        guard inputSize >= 0 else {
            throw ParquetError(.compressionFailed, "\(name): negative input size \(inputSize)")
        }
        switch codec {
        case .uncompressed:
            return inputSize
        case .snappy:
            return try Snappy.maxCompressedSize(inputSize)
        case .gzip:
            return GzipCodec.maxCompressedSize(inputSize)
        case .zstd:
            return try ZstdCodec.maxCompressedSize(inputSize)
        case .lz4Raw:
            return try LZ4RawCodec.maxCompressedSize(inputSize)
        case .lz4:
            return try LZ4HadoopCodec.maxCompressedSize(inputSize)
        case .brotli:
            return try BrotliCodec.maxCompressedSize(inputSize)
        case .lzo:
            throw ParquetError(.unsupported, "lzo: the LZO codec is not supported")
        }
    }

    /// Compresses `input` into `output` and returns the number of bytes written.
    ///
    /// `output` must hold `maxCompressedSize(forInputSize: input.count)` bytes; a smaller buffer
    /// throws before anything is written.
    ///
    /// - Throws: `ParquetError(.unsupported, …)` for LZO; `.compressionFailed` for a level the codec does not have, or an
    ///   output buffer that is too small.
    public func compress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) -> Int {
        let bound = try maxCompressedSize(forInputSize: input.count)
        guard output.count >= bound else {
            throw ParquetError(
                .compressionFailed,
                "\(codec.displayName): output buffer of \(output.count) bytes is below the bound of \(bound) bytes"
            )
        }
        switch codec {
        case .uncompressed:
            return UncompressedCodec.compress(input, into: output)
        case .snappy:
            return Snappy.compress(input, into: output)
        case .gzip:
            return try GzipCodec.compress(input, into: output, level: level)
        case .zstd:
            return try ZstdCodec.compress(input, into: output, level: level)
        case .lz4Raw:
            return try LZ4RawCodec.compress(input, into: output)
        case .lz4:
            return try LZ4HadoopCodec.compress(input, into: output)
        case .brotli:
            return try BrotliCodec.compress(input, into: output, level: level)
        case .lzo:
            throw ParquetError(.unsupported, "lzo: the LZO codec is not supported")
        }
    }

    /// Compresses `input` into a new array.
    public func compress(_ input: UnsafeRawBufferPointer) throws(ParquetError) -> [UInt8] {
        let bound = try maxCompressedSize(forInputSize: input.count)
        var failure: ParquetError?
        let result = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            do throws(ParquetError) {
                count = try compress(input, into: UnsafeMutableRawBufferPointer(buffer))
            } catch {
                failure = error
                count = 0
            }
        }
        if let failure { throw failure }
        return result
    }
}
