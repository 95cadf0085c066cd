/// The header in front of every page of a column chunk (parquet.thrift `PageHeader`). Exactly one
/// of the page-specific headers matches `type`.
public struct PageHeader: ThriftStruct, Hashable {
    public var type: PageType
    public var uncompressedPageSize: Int32
    public var compressedPageSize: Int32
    /// CRC-32 of the page bytes after the header, when the writer computed it.
    public var crc: Int32?
    public var dataPageHeader: DataPageHeader?
    public var indexPageHeader: IndexPageHeader?
    public var dictionaryPageHeader: DictionaryPageHeader?
    public var dataPageHeaderV2: DataPageHeaderV2?

    public init(
        type: PageType,
        uncompressedPageSize: Int32,
        compressedPageSize: Int32,
        crc: Int32? = nil,
        dataPageHeader: DataPageHeader? = nil,
        indexPageHeader: IndexPageHeader? = nil,
        dictionaryPageHeader: DictionaryPageHeader? = nil,
        dataPageHeaderV2: DataPageHeaderV2? = nil
    ) {
        self.type = type
        self.uncompressedPageSize = uncompressedPageSize
        self.compressedPageSize = compressedPageSize
        self.crc = crc
        self.dataPageHeader = dataPageHeader
        self.indexPageHeader = indexPageHeader
        self.dictionaryPageHeader = dictionaryPageHeader
        self.dataPageHeaderV2 = dataPageHeaderV2
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var type: PageType?
        var uncompressedPageSize: Int32?
        var compressedPageSize: Int32?
        var crc: Int32?
        var dataPageHeader: DataPageHeader?
        var indexPageHeader: IndexPageHeader?
        var dictionaryPageHeader: DictionaryPageHeader?
        var dataPageHeaderV2: DataPageHeaderV2?
        try reader.readStruct("PageHeader") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: type = try reader.readEnum(field, "PageType")
            case 2: uncompressedPageSize = try reader.readI32(field)
            case 3: compressedPageSize = try reader.readI32(field)
            case 4: crc = try reader.readI32(field)
            case 5: dataPageHeader = try reader.readStruct(field)
            case 6: indexPageHeader = try reader.readStruct(field)
            case 7: dictionaryPageHeader = try reader.readStruct(field)
            case 8: dataPageHeaderV2 = try reader.readStruct(field)
            default: try reader.skip(field)
            }
        }
        let name: StaticString = "PageHeader"
        self.type = try reader.required(type, "type", in: name)
        self.uncompressedPageSize = try reader.required(uncompressedPageSize, "uncompressed_page_size", in: name)
        self.compressedPageSize = try reader.required(compressedPageSize, "compressed_page_size", in: name)
        // Negative sizes would turn into bad ranges further down; refuse them here.
        guard self.uncompressedPageSize >= 0, self.compressedPageSize >= 0 else {
            throw reader.error("PageHeader has a negative page size")
        }
        self.crc = crc
        self.dataPageHeader = dataPageHeader
        self.indexPageHeader = indexPageHeader
        self.dictionaryPageHeader = dictionaryPageHeader
        self.dataPageHeaderV2 = dataPageHeaderV2
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, enum: type)
            writer.writeField(2, i32: uncompressedPageSize)
            writer.writeField(3, i32: compressedPageSize)
            writer.writeField(4, i32: crc)
            writer.writeField(5, struct: dataPageHeader)
            writer.writeField(6, struct: indexPageHeader)
            writer.writeField(7, struct: dictionaryPageHeader)
            writer.writeField(8, struct: dataPageHeaderV2)
        }
    }
}
