import SluiceCore
import SluiceSQL
import SluiceSpark

/// Where a prepare task's SQL runs: in this process, or on a Spark cluster through Spark Connect.
public enum EngineConfig: Sendable, Hashable, CustomStringConvertible {
    /// The in-process engine, with its cores and memory limit.
    case local(QueryOptions)
    case spark(SparkConnectURL)

    public var description: String {
        switch self {
        case .local(let options):
            let limit = options.memoryLimit.map { ", memory limit \(ByteCountText.format($0))" } ?? ""
            return "local (in-process\(limit))"
        case .spark(let url): return "spark at \(url)"
        }
    }
}
