/// Where a prepare task's SQL runs: in this process, or on a Spark cluster through Spark Connect.
public enum EngineConfig: Sendable, Hashable, CustomStringConvertible {
    case local
    case spark(remote: String)

    public var description: String {
        switch self {
        case .local: return "local (in-process)"
        case .spark(let remote): return "spark at \(remote)"
        }
    }
}
