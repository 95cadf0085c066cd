/// A Thrift struct (or union) that decodes itself from the compact protocol and encodes itself
/// back. The parquet metadata types conform to it.
public protocol ThriftStruct: Sendable {
    /// Decodes one struct, reading through its stop byte.
    ///
    /// - Throws: `ParquetError(.invalidMetadata)` when the bytes are truncated or malformed, or a
    ///   required field is missing.
    init(from reader: inout ThriftCompactReader) throws(ParquetError)

    /// Encodes the struct, its stop byte included.
    func write(to writer: inout ThriftCompactWriter)
}

extension ThriftStruct {
    /// Decodes one value from the start of `bytes`.
    ///
    /// Bytes after the struct's stop byte are ignored.
    public init(thriftBytes bytes: [UInt8]) throws(ParquetError) {
        self = try Self.decode(bytes, at: 0).value
    }

    /// Decodes one value starting at `offset` of `bytes`, and returns it with the offset just past
    /// its stop byte (a page header is followed by its page).
    public static func decode(_ bytes: [UInt8], at offset: Int) throws(ParquetError) -> (value: Self, end: Int) {
        let result = bytes.withUnsafeBytes { buffer -> Result<(value: Self, end: Int), ParquetError> in
            var reader = ThriftCompactReader(buffer, position: offset)
            do throws(ParquetError) {
                let value = try Self(from: &reader)
                return .success((value, reader.position))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The compact-protocol encoding of the value.
    public func thriftBytes() -> [UInt8] {
        var writer = ThriftCompactWriter()
        write(to: &writer)
        return writer.bytes
    }
}
