/// The Murmur3 ring: each token range belongs to the host owning the next token up (wrapping),
/// and its other replicas are the next distinct hosts round the ring (SimpleStrategy's rule).
public struct CQLTokenRing: Sendable {
    private let entries: [(token: Int64, host: Int)]
    private let hostCount: Int

    /// `hosts[i].tokens` place host `i` on the ring.
    public init(hosts: [CQLHost]) {
        entries = hosts.enumerated().flatMap { index, host in host.tokens.map { ($0, index) } }.sorted {
            $0.token < $1.token
        }
        hostCount = hosts.count
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Host indexes in replica order for `token`: the owner first, then the next distinct hosts.
    public func replicas(for token: Int64, count: Int) -> [Int] {
        guard !entries.isEmpty else { return [] }
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].token < token { low = middle + 1 } else { high = middle }
        }
        var replicas: [Int] = []
        var index = low
        for _ in 0..<entries.count where replicas.count < min(count, hostCount) {
            let host = entries[index % entries.count].host
            if !replicas.contains(host) { replicas.append(host) }
            index += 1
        }
        return replicas
    }
}
