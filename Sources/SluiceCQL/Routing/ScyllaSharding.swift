/// Which shard (CPU core) of a ScyllaDB node owns a token, from the SUPPORTED options
/// `SCYLLA_NR_SHARDS` and `SCYLLA_SHARDING_IGNORE_MSB` (the `biased-token-round-robin` algorithm).
/// A request sent to that shard's connection skips a hop inside the node.
public struct ScyllaSharding: Sendable, Hashable {
    public var shardCount: Int
    public var ignoredMostSignificantBits: Int

    public init(shardCount: Int, ignoredMostSignificantBits: Int) {
        self.shardCount = shardCount
        self.ignoredMostSignificantBits = ignoredMostSignificantBits
    }

    /// ((token + 2^63) << ignore_msb mod 2^64) × shards >> 64.
    public func shard(of token: Int64) -> Int {
        let biased = UInt64(bitPattern: token) &+ (1 << 63)
        let shifted = ignoredMostSignificantBits >= 64 ? 0 : biased << UInt64(ignoredMostSignificantBits)
        return Int(shifted.multipliedFullWidth(by: UInt64(shardCount)).high)
    }

    /// A local port for a connection to the shard-aware port that lands on `shard`: the node picks
    /// the shard as the client's port modulo the shard count. The first such port at or above
    /// `lowest`.
    public func sourcePort(for shard: Int, atOrAbove lowest: Int) -> Int {
        let remainder = lowest % shardCount
        return lowest + (shard - remainder + shardCount) % shardCount
    }
}
