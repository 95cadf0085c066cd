/// How a page's values are encoded (parquet.thrift `Encoding`).
public enum Encoding: Int32, Sendable, Hashable, CaseIterable {
    case plain = 0
    /// Dictionary indices in parquet 1.0 files; read exactly like `rleDictionary`.
    case plainDictionary = 2
    case rle = 3
    /// Deprecated bit-packed levels (no run headers).
    case bitPacked = 4
    case deltaBinaryPacked = 5
    case deltaLengthByteArray = 6
    case deltaByteArray = 7
    case rleDictionary = 8
    case byteStreamSplit = 9
}
