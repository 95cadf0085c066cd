/// How pages are compressed (parquet.thrift `CompressionCodec`).
public enum CompressionCodec: Int32, Sendable, Hashable, CaseIterable {
    case uncompressed = 0
    case snappy = 1
    case gzip = 2
    case lzo = 3
    case brotli = 4
    /// Hadoop's LZ4 framing (deprecated; some writers used raw LZ4 under this id).
    case lz4 = 5
    case zstd = 6
    case lz4Raw = 7
}
