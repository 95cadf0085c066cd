extension CompressionCodec {
    /// The lowercase name users type and errors show: `snappy`, `lz4_raw`, ….
    public var displayName: String {
        switch self {
        case .uncompressed: "uncompressed"
        case .snappy: "snappy"
        case .gzip: "gzip"
        case .lzo: "lzo"
        case .brotli: "brotli"
        case .lz4: "lz4"
        case .zstd: "zstd"
        case .lz4Raw: "lz4_raw"
        }
    }

    /// The codecs `ParquetFileWriter` writes (not LZO, nor Hadoop's deprecated LZ4 framing).
    public static let writable: [CompressionCodec] = [.snappy, .zstd, .gzip, .lz4Raw, .brotli, .uncompressed]

    /// The names of `writable`, for messages.
    public static var writableNames: [String] { writable.map(\.displayName) }

    /// The writable codec called `name` (any case; `none` means uncompressed).
    public static func named(_ name: String) -> CompressionCodec? {
        let lowered = name.lowercased()
        if lowered == "none" { return .uncompressed }
        return writable.first { $0.displayName == lowered }
    }
}
