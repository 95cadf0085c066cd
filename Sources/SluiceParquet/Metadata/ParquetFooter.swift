import SluiceStorage

/// The decoded footer of a parquet file and where it sits in the file.
///
/// A parquet file is `PAR1`, the column chunks, the Thrift-encoded `FileMetaData`, its length as a
/// little-endian UInt32, and `PAR1` again. `read(from:key:)` fetches the footer with ranged reads:
/// one speculative read of the file's last `speculativeTailSize` bytes, which holds the whole
/// footer of almost every file, and a second read only when the footer is larger.
public struct ParquetFooter: Sendable {
    /// The magic at both ends of a parquet file.
    public static let magic: [UInt8] = Array("PAR1".utf8)
    /// The trailing magic of a file whose footer is encrypted.
    public static let encryptedMagic: [UInt8] = Array("PARE".utf8)
    /// How many bytes at the end of the file the first read fetches.
    public static let speculativeTailSize = 64 * 1024

    /// The file's metadata.
    public var metadata: FileMetaData
    /// The size of the whole file in bytes.
    public var fileSize: Int64
    /// The length of the Thrift-encoded metadata (without the 8-byte trailer).
    public var metadataLength: Int

    public init(metadata: FileMetaData, fileSize: Int64, metadataLength: Int) {
        self.metadata = metadata
        self.fileSize = fileSize
        self.metadataLength = metadataLength
    }

    /// The offset where the Thrift-encoded metadata starts (column data ends before it).
    public var metadataOffset: Int64 { fileSize - 8 - Int64(metadataLength) }

    /// Reads and decodes the footer of the object `key`.
    ///
    /// - Parameters:
    ///   - fileSize: the object's size when already known (from a listing); otherwise a `head`
    ///     request finds it.
    /// - Throws: `ParquetError` naming `key` when the file is not parquet, is truncated, its footer
    ///   does not decode, or it is encrypted; `StorageError` when the object is missing or cannot
    ///   be read.
    public static func read(from store: any ObjectStore, key: String, fileSize: Int64? = nil) async throws
        -> ParquetFooter
    {
        let size: Int64
        if let fileSize {
            size = fileSize
        } else {
            guard let info = try await store.head(key) else {
                throw StorageError.notFound(location: store.displayLocation, key: key)
            }
            size = info.size
        }
        guard size >= 12 else {
            throw ParquetError(
                .invalidFile, "the file has \(size) bytes; a parquet file has at least 12 (PAR1, footer length, PAR1)",
                file: key)
        }
        let tailStart = max(0, size - Int64(speculativeTailSize))
        var tail = try await store.get(key, range: tailStart..<size)
        guard tail.count == Int(size - tailStart) else {
            throw ParquetError(
                .invalidFile,
                "read \(tail.count) of the last \(size - tailStart) bytes: the file is truncated or changed",
                file: key)
        }
        let metadataLength = try trailerMetadataLength(tail, fileSize: size, key: key)
        let needed = metadataLength + 8
        var leadingMagic: [UInt8]? = tailStart == 0 ? Array(tail.prefix(4)) : nil
        if needed > tail.count {
            // The footer is larger than the speculative read: fetch the part before it.
            let footerStart = size - Int64(needed)
            let missing = try await store.get(key, range: footerStart..<tailStart)
            guard missing.count == Int(tailStart - footerStart) else {
                throw ParquetError(.invalidFile, "the footer is truncated: the file changed while reading", file: key)
            }
            tail = missing + tail
            if footerStart <= 4 { leadingMagic = Array(tail.prefix(4)) }
        }
        if let leadingMagic, leadingMagic != magic {
            throw ParquetError(
                .invalidFile, "bad magic at the start of the file: expected PAR1, found \(describe(leadingMagic))",
                file: key)
        }
        return try decode(tail: tail, fileSize: size, metadataLength: metadataLength, key: key)
    }

    /// Decodes a footer from the last bytes of a file (`tail`, which must hold the whole footer and
    /// trailer).
    ///
    /// - Throws: `ParquetError` naming `key`.
    public static func decode(tail: [UInt8], fileSize: Int64, key: String) throws(ParquetError) -> ParquetFooter {
        let metadataLength = try trailerMetadataLength(tail, fileSize: fileSize, key: key)
        guard metadataLength + 8 <= tail.count else {
            throw ParquetError(
                .invalidFile, "the footer has \(metadataLength) bytes but only \(tail.count - 8) were given", file: key)
        }
        return try decode(tail: tail, fileSize: fileSize, metadataLength: metadataLength, key: key)
    }

    private static func decode(tail: [UInt8], fileSize: Int64, metadataLength: Int, key: String)
        throws(ParquetError) -> ParquetFooter
    {
        let start = tail.count - 8 - metadataLength
        let metadata: FileMetaData
        do throws(ParquetError) {
            let (value, end) = try FileMetaData.decode(tail, at: start)
            // The metadata must end where the trailer begins; reading past it means a bad length.
            guard end <= tail.count - 8 else {
                throw ParquetError(
                    .invalidMetadata, "FileMetaData runs past its stated length of \(metadataLength) bytes")
            }
            metadata = value
        } catch {
            throw error.at(file: key)
        }
        if let algorithm = metadata.encryptionAlgorithm {
            throw ParquetError(
                .unsupported,
                "the file is encrypted (\(algorithm.name), plaintext footer); encrypted files are not supported",
                file: key)
        }
        return ParquetFooter(metadata: metadata, fileSize: fileSize, metadataLength: metadataLength)
    }

    /// Checks the trailing magic and returns the metadata length from the 8-byte trailer.
    private static func trailerMetadataLength(_ tail: [UInt8], fileSize: Int64, key: String) throws(ParquetError) -> Int
    {
        guard tail.count >= 8 else {
            throw ParquetError(.invalidFile, "the file is too small to hold a parquet footer", file: key)
        }
        let trailer = Array(tail.suffix(8))
        let trailingMagic = Array(trailer[4..<8])
        if trailingMagic == encryptedMagic {
            throw ParquetError(
                .unsupported, "the file has an encrypted footer (PARE); encrypted files are not supported", file: key)
        }
        guard trailingMagic == magic else {
            throw ParquetError(
                .invalidFile,
                "bad magic at the end of the file: expected PAR1, found \(describe(trailingMagic)) (not parquet, or truncated)",
                file: key)
        }
        let length = Int(trailer[0]) | Int(trailer[1]) << 8 | Int(trailer[2]) << 16 | Int(trailer[3]) << 24
        // Leading magic, metadata, length and trailing magic must all fit.
        guard Int64(length) + 12 <= fileSize else {
            throw ParquetError(
                .invalidFile, "the footer length \(length) points past the start of the file (\(fileSize) bytes)",
                file: key)
        }
        return length
    }

    /// Four magic bytes as text when printable, else hex.
    private static func describe(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return "\"" + String(decoding: bytes, as: UTF8.self) + "\""
        }
        return bytes.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return byte < 16 ? "0" + hex : hex
        }.joined(separator: " ")
    }
}
