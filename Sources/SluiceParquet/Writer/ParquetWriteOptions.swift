import SluiceCore

/// How `ParquetFileWriter` lays out and encodes a file.
///
/// The defaults follow pyarrow's `write_table`: snappy, row groups of 1 Mi rows, 1 MiB data pages,
/// dictionary encoding with a 1 MiB dictionary limit, and chunk statistics.
public struct ParquetWriteOptions: Sendable, Hashable {
    /// The codec of every page. LZO is refused when the writer is created.
    public var codec: CompressionCodec
    /// The codec's level, or nil for its default (see `PageCodec.level`).
    public var compressionLevel: Int?
    /// The most rows in one row group (pyarrow's default `row_group_size`, 1,048,576).
    public var rowGroupRows: Int
    /// A row group is also closed once its encoded, compressed pages reach this many bytes (nil: no
    /// byte limit). Checked after each batch slice, so a row group may overshoot by one slice.
    public var rowGroupBytes: Int?
    /// The target size of one data page before compression, in bytes.
    public var dataPageSize: Int
    /// Whether columns start dictionary encoded (not BOOLEAN, which is always PLAIN).
    public var dictionary: Bool
    /// When a column chunk's dictionary page would grow past this many bytes, the chunk falls back
    /// to PLAIN: the pages already written stay dictionary encoded, the rest are PLAIN.
    public var dictionaryPageSizeLimit: Int
    /// Whether column chunks carry min, max and null count.
    public var statistics: Bool
    /// Key/value metadata of the footer, in this order.
    public var keyValueMetadata: [KeyValue]
    /// Whether the footer also stores the Arrow schema (`ArrowSchemaMessage`), so that pyarrow and
    /// other Arrow readers restore what parquet types lose (time zones, field metadata). Skipped
    /// when `keyValueMetadata` already has an `ARROW:schema` entry.
    public var storesArrowSchema: Bool
    /// The footer's `created_by`.
    public var createdBy: String

    /// The default `created_by`: `sluice version <SluiceVersion.current>`.
    public static var defaultCreatedBy: String { "sluice version \(SluiceVersion.current)" }

    public init(
        codec: CompressionCodec = .snappy,
        compressionLevel: Int? = nil,
        rowGroupRows: Int = 1_048_576,
        rowGroupBytes: Int? = nil,
        dataPageSize: Int = 1 << 20,
        dictionary: Bool = true,
        dictionaryPageSizeLimit: Int = 1 << 20,
        statistics: Bool = true,
        keyValueMetadata: [KeyValue] = [],
        storesArrowSchema: Bool = true,
        createdBy: String = ParquetWriteOptions.defaultCreatedBy
    ) {
        self.codec = codec
        self.compressionLevel = compressionLevel
        self.rowGroupRows = rowGroupRows
        self.rowGroupBytes = rowGroupBytes
        self.dataPageSize = dataPageSize
        self.dictionary = dictionary
        self.dictionaryPageSizeLimit = dictionaryPageSizeLimit
        self.statistics = statistics
        self.keyValueMetadata = keyValueMetadata
        self.storesArrowSchema = storesArrowSchema
        self.createdBy = createdBy
    }

    /// Checks the sizes and the codec.
    func validate() throws(ParquetError) {
        guard codec != .lzo else { throw ParquetError(.unsupported, "lzo: the LZO codec is not supported") }
        guard rowGroupRows >= 1 else { throw ParquetError(.unsupported, "rowGroupRows must be at least 1") }
        guard dataPageSize >= 1 else { throw ParquetError(.unsupported, "dataPageSize must be at least 1") }
        if let rowGroupBytes, rowGroupBytes < 1 {
            throw ParquetError(.unsupported, "rowGroupBytes must be at least 1")
        }
    }
}
