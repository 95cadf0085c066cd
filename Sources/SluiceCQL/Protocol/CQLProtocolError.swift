/// Bytes that do not follow the native protocol: a driver or server bug, or not a CQL peer at all.
public enum CQLProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes end before the named field does.
    case truncated(String)
    /// A field holds a value the protocol does not allow.
    case malformed(String)

    public var description: String {
        switch self {
        case .truncated(let field): return "CQL protocol error: the message ends inside \(field)"
        case .malformed(let what): return "CQL protocol error: \(what)"
        }
    }
}
