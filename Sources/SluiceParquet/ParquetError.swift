import SluiceCore

/// A parquet file Sluice cannot read or write, with as much of its place as is known: the file,
/// the row group, the column and the page. Low layers (codecs, decoders) throw without a place;
/// the readers above add it with `at(…)` as the error passes through.
public struct ParquetError: SluiceError, Equatable {
    public enum Kind: String, Sendable {
        /// Not a parquet file, truncated, or the footer points outside the file.
        case invalidFile = "invalid parquet file"
        /// The Thrift metadata does not decode, or contradicts itself.
        case invalidMetadata = "invalid metadata"
        /// A page header or page body is damaged.
        case invalidPage = "corrupt page"
        /// Encoded values do not decode (bad bit width, index out of range, truncated run …).
        case invalidEncoding = "corrupt encoded data"
        case decompressionFailed = "decompression failed"
        /// A codec library refused to compress (bad level, page too large, library failure).
        case compressionFailed = "compression failed"
        case checksumMismatch = "page CRC mismatch"
        /// Valid parquet that uses something Sluice does not implement.
        case unsupported = "unsupported"
    }

    public var kind: Kind
    public var detail: String
    public var file: String?
    public var rowGroup: Int?
    public var column: String?
    public var page: Int?

    public init(
        _ kind: Kind,
        _ detail: String,
        file: String? = nil,
        rowGroup: Int? = nil,
        column: String? = nil,
        page: Int? = nil
    ) {
        self.kind = kind
        self.detail = detail
        self.file = file
        self.rowGroup = rowGroup
        self.column = column
        self.page = page
    }

    /// The same error with more of its place filled in (what is already known is kept).
    public func at(file: String? = nil, rowGroup: Int? = nil, column: String? = nil, page: Int? = nil) -> ParquetError {
        var copy = self
        copy.file = self.file ?? file
        copy.rowGroup = self.rowGroup ?? rowGroup
        copy.column = self.column ?? column
        copy.page = self.page ?? page
        return copy
    }

    public var category: FailureCategory { .taskFailed }

    /// `lake/x.parquet: row group 3, column "user.name", page 7: corrupt page: …`
    public var description: String {
        var place: [String] = []
        if let rowGroup { place.append("row group \(rowGroup)") }
        if let column { place.append("column \"\(column)\"") }
        if let page { place.append("page \(page)") }
        var text = file.map { "\($0): " } ?? ""
        if !place.isEmpty { text += place.joined(separator: ", ") + ": " }
        return text + "\(kind.rawValue): \(detail)"
    }
}
