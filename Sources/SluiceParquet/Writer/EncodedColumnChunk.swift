/// A finished column chunk: its pages, ready to be written in this order, and what its
/// `ColumnMetaData` needs apart from where it lands in the file.
struct EncodedColumnChunk {
    /// The dictionary page (header, then body), when any data page is dictionary encoded.
    var dictionaryPage: [[UInt8]]?
    /// The data pages: each page's header, then its body.
    var dataPages: [[UInt8]]
    /// Levels in the chunk (values and nulls).
    var numValues: Int64
    /// Page headers plus page bodies before compression.
    var totalUncompressedSize: Int64
    var encodings: [Encoding]
    var encodingStats: [PageEncodingStats]
    var statistics: Statistics?

    /// The bytes the chunk takes in the file.
    var byteCount: Int { dictionaryByteCount + dataPages.reduce(0) { $0 + $1.count } }

    private var dictionaryByteCount: Int { dictionaryPage?.reduce(0) { $0 + $1.count } ?? 0 }

    /// The chunk's metadata when its first page starts at `offset`.
    func metadata(for column: ColumnDescriptor, codec: CompressionCodec, at offset: Int64) -> ColumnMetaData {
        let dictionarySize = Int64(dictionaryByteCount)
        return ColumnMetaData(
            type: column.physicalType, encodings: encodings, pathInSchema: column.path, codec: codec,
            numValues: numValues, totalUncompressedSize: totalUncompressedSize,
            totalCompressedSize: Int64(byteCount), dataPageOffset: offset + dictionarySize,
            dictionaryPageOffset: dictionaryPage == nil ? nil : offset, statistics: statistics,
            encodingStats: encodingStats)
    }
}
