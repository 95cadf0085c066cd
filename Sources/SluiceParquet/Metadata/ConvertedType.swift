/// The legacy type annotation of a schema element (parquet.thrift `ConvertedType`), superseded by
/// `LogicalType` but still written by most writers and the only annotation in old files.
public enum ConvertedType: Int32, Sendable, Hashable, CaseIterable {
    case utf8 = 0
    case map = 1
    case mapKeyValue = 2
    case list = 3
    case `enum` = 4
    case decimal = 5
    case date = 6
    case timeMillis = 7
    case timeMicros = 8
    case timestampMillis = 9
    case timestampMicros = 10
    case uint8 = 11
    case uint16 = 12
    case uint32 = 13
    case uint64 = 14
    case int8 = 15
    case int16 = 16
    case int32 = 17
    case int64 = 18
    case json = 19
    case bson = 20
    /// Months, days and milliseconds as three little-endian UInt32 in a 12-byte fixed array.
    case interval = 21
}
