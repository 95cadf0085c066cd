/// The type of a value in the Thrift compact protocol, as written in field headers and in
/// list, set and map headers.
///
/// A boolean field carries its value in the type (`boolTrue` / `boolFalse`); a boolean inside a
/// list is a byte.
public enum ThriftType: UInt8, Sendable, Hashable {
    case stop = 0
    case boolTrue = 1
    case boolFalse = 2
    case byte = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case `struct` = 12

    /// The smallest number of bytes one value of this type takes, so a list header's count can be
    /// checked against the bytes that remain before anything is allocated.
    var minimumEncodedSize: Int {
        switch self {
        case .stop: return 0
        case .double: return 8
        default: return 1
        }
    }
}

/// One field header of a compact-protocol struct: the field id and the type of its value.
public struct ThriftFieldHeader: Sendable, Hashable {
    public var id: Int16
    public var type: ThriftType

    public init(id: Int16, type: ThriftType) {
        self.id = id
        self.type = type
    }
}
