import SluiceCore
import SluiceSQL

/// Where a prepare task's SQL runs: in this process, or on a Spark cluster through Spark Connect.
public enum EngineConfig: Sendable, Hashable, CustomStringConvertible {
    /// The in-process engine, with its cores and memory limit.
    case local(QueryOptions)
    case spark(remote: String)

    public var description: String {
        switch self {
        case .local(let options):
            let limit = options.memoryLimit.map { ", memory limit \(ByteCountText.format($0))" } ?? ""
            return "local (in-process\(limit))"
        case .spark(let remote): return "spark at \(Self.redacted(remote))"
        }
    }

    /// A Spark Connect URL without its `;key=value` parameters, which may hold a bearer token:
    /// `sc://host:15002/;token=…` shows as `sc://host:15002`.
    public static func redacted(_ remote: String) -> String {
        guard let separator = remote.firstIndex(of: ";") else { return remote }
        var shown = remote[..<separator]
        if shown.hasSuffix("/") { shown = shown.dropLast() }
        return String(shown)
    }
}
