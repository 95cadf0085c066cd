/// How many replicas must answer (v4 §3 [consistency]).
public enum CQLConsistency: UInt16, Sendable, CaseIterable, CustomStringConvertible {
    case any = 0x0000
    case one = 0x0001
    case two = 0x0002
    case three = 0x0003
    case quorum = 0x0004
    case all = 0x0005
    case localQuorum = 0x0006
    case eachQuorum = 0x0007
    case serial = 0x0008
    case localSerial = 0x0009
    case localOne = 0x000A

    /// `LOCAL_QUORUM`, as CQL and configuration files spell it.
    public var description: String {
        switch self {
        case .any: return "ANY"
        case .one: return "ONE"
        case .two: return "TWO"
        case .three: return "THREE"
        case .quorum: return "QUORUM"
        case .all: return "ALL"
        case .localQuorum: return "LOCAL_QUORUM"
        case .eachQuorum: return "EACH_QUORUM"
        case .serial: return "SERIAL"
        case .localSerial: return "LOCAL_SERIAL"
        case .localOne: return "LOCAL_ONE"
        }
    }

    /// Parses the CQL spelling, in any case.
    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.description == name.uppercased() }) else { return nil }
        self = level
    }
}
