/// The header of an index page (parquet.thrift `IndexPageHeader`): empty in the format, and no
/// writer produces index pages; its contents are skipped.
public struct IndexPageHeader: ThriftStruct, Hashable {
    public init() {}

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        try reader.readStruct("IndexPageHeader") { (reader, field) throws(ParquetError) in
            try reader.skip(field)
        }
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { _ in }
    }
}
