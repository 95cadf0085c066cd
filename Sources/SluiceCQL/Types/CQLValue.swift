import Foundation

/// A non-null CQL value. Null is `nil` where a value may be missing (`CQLValue?`); collections and
/// tuples hold optional elements because tuples and user types may have null components.
public indirect enum CQLValue: Sendable, Hashable {
    case ascii(String)
    case text(String)
    case blob([UInt8])
    case boolean(Bool)
    case tinyint(Int8)
    case smallint(Int16)
    case int(Int32)
    case bigint(Int64)
    case counter(Int64)
    case varint(CQLVarint)
    case decimal(CQLDecimal)
    case float(Float)
    case double(Double)
    /// Days since 1970-01-01.
    case date(Int64)
    /// Nanoseconds since midnight.
    case time(Int64)
    /// Milliseconds since 1970-01-01T00:00:00Z.
    case timestamp(Int64)
    case uuid(UUID)
    case timeuuid(UUID)
    /// 4 (IPv4) or 16 (IPv6) address bytes.
    case inet([UInt8])
    case duration(CQLDuration)
    case list([CQLValue?])
    case set([CQLValue?])
    case map([MapEntry])
    case tuple([CQLValue?])
    /// Field values in the type's field order; trailing fields may be left out.
    case udt([CQLValue?])

    public struct MapEntry: Sendable, Hashable {
        public var key: CQLValue?
        public var value: CQLValue?

        public init(_ key: CQLValue?, _ value: CQLValue?) {
            self.key = key
            self.value = value
        }
    }
}
