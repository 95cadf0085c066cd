import SluiceCore

/// Reads one column chunk of a flat column (maximum repetition level 0) into one SluiceCore array.
///
/// The caller fetches the chunk's bytes with one ranged read of `byteRange(of:)` and hands them to
/// `read(_:)`, which walks the pages: it checks each page CRC when the writer stored one,
/// decompresses into a buffer reused from page to page, turns definition levels into validity and
/// decodes the values (PLAIN, dictionary, RLE booleans, DELTA_*, BYTE_STREAM_SPLIT) into the type of
/// `descriptor.dataType`. The whole chunk becomes one array; reading in bounded batches is a later
/// step.
///
/// A leaf inside a list, map or struct is read with `nested(descriptor:metadata:file:rowGroup:)`
/// and `readNested(_:slotLevel:)` instead, which keep every repetition and definition level for
/// `NestedFieldAssembler`.
///
/// Errors are `ParquetError`s that name the file (when given), row group, column and page.
public struct ColumnChunkReader: Sendable {
    /// The largest uncompressed page accepted (a header stating more is damaged or hostile).
    public static let maxUncompressedPageSize = 2 << 30
    /// The largest stated compression ratio accepted for pages above `ratioCheckThreshold`.
    public static let maxCompressionRatio = 64
    /// Pages up to this uncompressed size skip the ratio check: their allocation is harmless, and
    /// pages of runs or repeated text (a 10 MB value of a repeated pattern) legitimately compress
    /// far better than 64×.
    public static let ratioCheckThreshold = 64 << 20

    public let descriptor: ColumnDescriptor
    public let metadata: ColumnMetaData
    /// The file, for error messages.
    public let file: String?
    /// The row group's index, for error messages.
    public let rowGroup: Int?

    /// A reader for one chunk of `descriptor`'s column.
    ///
    /// - Throws: `ParquetError(.unsupported)` for a repeated (nested) column, and
    ///   `.invalidMetadata` when the chunk's physical type contradicts the schema.
    public init(
        descriptor: ColumnDescriptor, metadata: ColumnMetaData, file: String? = nil, rowGroup: Int? = nil
    ) throws(ParquetError) {
        try self.init(descriptor: descriptor, metadata: metadata, file: file, rowGroup: rowGroup, nested: false)
    }

    /// A reader for one chunk; with `nested` it accepts any levels, for `readNested(_:slotLevel:)`.
    init(
        descriptor: ColumnDescriptor, metadata: ColumnMetaData, file: String?, rowGroup: Int?, nested: Bool
    ) throws(ParquetError) {
        self.descriptor = descriptor
        self.metadata = metadata
        self.file = file
        self.rowGroup = rowGroup
        guard nested || descriptor.maxRepetitionLevel == 0 else {
            throw place(
                ParquetError(
                    .unsupported, "a repeated (nested) column is read with readNested, not by the flat column reader"))
        }
        guard nested || descriptor.maxDefinitionLevel <= 1 else {
            throw place(
                ParquetError(
                    .unsupported,
                    "definition level \(descriptor.maxDefinitionLevel): a column inside a struct is read with readNested"
                ))
        }
        guard metadata.type == descriptor.physicalType else {
            throw place(
                ParquetError(
                    .invalidMetadata,
                    "the chunk stores \(metadata.type) but the schema says \(descriptor.physicalType)"))
        }
    }

    /// The bytes of the file that hold the chunk: from its dictionary page (or first data page) for
    /// `total_compressed_size` bytes.
    ///
    /// A `dictionary_page_offset` of 0 or past the first data page is ignored: some writers store 0
    /// when there is no dictionary. parquet-mr up to 1.2.8 left the dictionary page header out of
    /// `total_compressed_size` (PARQUET-816), so for files it wrote (`createdBy`) the range grows by
    /// up to 100 bytes, never past `dataEnd` (where the footer starts), as pyarrow does.
    public static func byteRange(
        of metadata: ColumnMetaData, createdBy: String? = nil, dataEnd: Int64? = nil
    ) -> Range<Int64> {
        var start = metadata.dataPageOffset
        if let dictionary = metadata.dictionaryPageOffset, dictionary > 0, dictionary < start {
            start = dictionary
        }
        // Saturating: damaged metadata may state offsets and sizes near Int64.max.
        let sum = start.addingReportingOverflow(max(0, metadata.totalCompressedSize))
        var end = sum.overflow ? Int64.max : sum.partialValue
        if let createdBy, let dataEnd, ParquetMRVersion.lacksDictionaryHeaderSize(createdBy: createdBy) {
            end = max(end, min(end, dataEnd - 100) + 100)
        }
        if let dataEnd { end = min(end, max(start, dataEnd)) }
        return start..<end
    }

    /// Decodes every page of the chunk in `bytes` (the bytes of `byteRange(of:)`) into one array of
    /// `descriptor.dataType`, `metadata.numValues` long.
    ///
    /// - Throws: `ParquetError` with the file, row group, column and page.
    public func read(_ bytes: [UInt8]) throws(ParquetError) -> any ColumnArray {
        let values = try decodePages(bytes)
        do throws(ParquetError) {
            return try ChunkArrayBuilder.makeArray(from: values, descriptor: descriptor)
        } catch {
            throw place(error)
        }
    }

    /// Decodes every page of the chunk: all levels and the dense non-null values.
    func decodePages(_ bytes: [UInt8]) throws(ParquetError) -> ChunkValues {
        var values = ChunkValues()
        var state = PageState(codec: PageCodec(metadata.codec))
        var position = 0
        var pageIndex = 0
        let expectedRows = Int(clamping: metadata.numValues)
        if descriptor.physicalType != .byteArray, let width = try? values.fixedWidth(descriptor) {
            // Reserved up front so pages append without reallocating; bounded by what the stored
            // bytes could plausibly expand to, so damaged metadata cannot demand a huge allocation.
            let stated = expectedRows.multipliedReportingOverflow(by: max(width, 1))
            let plausible = 64 * bytes.count + (1 << 20)
            values.reserveFixed(byteCount: stated.overflow ? plausible : min(stated.partialValue, plausible))
        }
        while values.rowCount < expectedRows {
            guard position < bytes.count else {
                throw place(
                    ParquetError(
                        .invalidPage,
                        "the chunk ends after \(values.rowCount) of its \(expectedRows) values"),
                    page: pageIndex)
            }
            do throws(ParquetError) {
                position = try readPage(bytes, at: position, state: &state, into: &values)
            } catch {
                throw place(error, page: pageIndex)
            }
            pageIndex += 1
        }
        guard values.rowCount == expectedRows else {
            throw place(
                ParquetError(.invalidPage, "the pages hold \(values.rowCount) values, the chunk states \(expectedRows)")
            )
        }
        return values
    }

    /// The error with this chunk's place.
    func place(_ error: ParquetError, page: Int? = nil) -> ParquetError {
        error.at(file: file, rowGroup: rowGroup, column: descriptor.dottedPath, page: page)
    }
}
