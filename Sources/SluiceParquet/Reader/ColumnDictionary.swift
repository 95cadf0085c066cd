/// The decoded dictionary page of one column chunk, by physical type. FLOAT and DOUBLE entries are
/// kept as their bit patterns (UInt32, UInt64): a gather only moves bits.
enum ColumnDictionary {
    case words32(FixedWidthDictionary<UInt32>)
    case words64(FixedWidthDictionary<UInt64>)
    case int96(FixedWidthDictionary<Int96Value>)
    /// FIXED_LEN_BYTE_ARRAY entries, `byteWidth` bytes each, back to back.
    case fixedBytes([UInt8], byteWidth: Int)
    case byteArrays(ByteArrayDictionary)

    /// Decodes a dictionary page (PLAIN, or PLAIN_DICTIONARY in old files, which is the same bytes).
    init(
        page: UnsafeRawBufferPointer, header: DictionaryPageHeader, descriptor: ColumnDescriptor
    ) throws(ParquetError) {
        guard header.encoding == .plain || header.encoding == .plainDictionary else {
            throw ParquetError(.unsupported, "dictionary page encoded \(header.encoding)")
        }
        let count = Int(header.numValues)
        guard count >= 0 else { throw ParquetError(.invalidPage, "dictionary page with \(count) values") }
        switch descriptor.physicalType {
        case .int32, .float:
            self = .words32(try FixedWidthDictionary(plainPage: page, count: count))
        case .int64, .double:
            self = .words64(try FixedWidthDictionary(plainPage: page, count: count))
        case .int96:
            self = .int96(try FixedWidthDictionary(plainPage: page, count: count))
        case .byteArray:
            self = .byteArrays(try ByteArrayDictionary(plainPage: page, count: count))
        case .fixedLenByteArray:
            let width = descriptor.typeLength
            // Checked before copying, so a damaged count cannot cause a huge allocation.
            guard width > 0, count <= page.count / width else {
                throw ParquetError(
                    .invalidEncoding,
                    "dictionary page of \(page.count) bytes cannot hold \(count) values of \(width) bytes")
            }
            self = .fixedBytes(Array(page[0..<(count * width)]), byteWidth: width)
        case .boolean:
            throw ParquetError(.invalidPage, "a BOOLEAN column has a dictionary page")
        }
    }
}
