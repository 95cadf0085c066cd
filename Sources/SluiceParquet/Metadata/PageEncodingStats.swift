/// How many pages of one type use one encoding in a column chunk (parquet.thrift
/// `PageEncodingStats`).
public struct PageEncodingStats: ThriftStruct, Hashable {
    public var pageType: PageType
    public var encoding: Encoding
    public var count: Int32

    public init(pageType: PageType, encoding: Encoding, count: Int32) {
        self.pageType = pageType
        self.encoding = encoding
        self.count = count
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var pageType: PageType?
        var encoding: Encoding?
        var count: Int32?
        try reader.readStruct("PageEncodingStats") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: pageType = try reader.readEnum(field, "PageType")
            case 2: encoding = try reader.readEnum(field, "Encoding")
            case 3: count = try reader.readI32(field)
            default: try reader.skip(field)
            }
        }
        self.pageType = try reader.required(pageType, "page_type", in: "PageEncodingStats")
        self.encoding = try reader.required(encoding, "encoding", in: "PageEncodingStats")
        self.count = try reader.required(count, "count", in: "PageEncodingStats")
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, enum: pageType)
            writer.writeField(2, enum: encoding)
            writer.writeField(3, i32: count)
        }
    }
}
