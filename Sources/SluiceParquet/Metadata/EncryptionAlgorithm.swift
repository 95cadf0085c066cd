/// How an encrypted file is encrypted (parquet.thrift union `EncryptionAlgorithm`). Sluice does
/// not decrypt; it reads this only to say clearly that a file is encrypted.
public enum EncryptionAlgorithm: ThriftStruct, Hashable {
    case aesGcmV1
    case aesGcmCtrV1
    case unrecognized(fieldId: Int16)

    /// The name parquet uses, for messages.
    public var name: String {
        switch self {
        case .aesGcmV1: return "AES_GCM_V1"
        case .aesGcmCtrV1: return "AES_GCM_CTR_V1"
        case .unrecognized(let fieldId): return "encryption algorithm \(fieldId)"
        }
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var value: EncryptionAlgorithm = .unrecognized(fieldId: 0)
        try reader.readStruct("EncryptionAlgorithm") { (reader, field) throws(ParquetError) in
            // The members' contents (AAD prefixes) are only needed to decrypt.
            try reader.skip(field)
            switch field.id {
            case 1: value = .aesGcmV1
            case 2: value = .aesGcmCtrV1
            default: value = .unrecognized(fieldId: field.id)
            }
        }
        self = value
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            switch self {
            case .aesGcmV1: writer.writeEmptyStruct(1)
            case .aesGcmCtrV1: writer.writeEmptyStruct(2)
            case .unrecognized(let fieldId) where fieldId > 0: writer.writeEmptyStruct(fieldId)
            case .unrecognized: break
            }
        }
    }
}
