import Foundation

/// A shard of a sharded load that finished writing its slice.
public struct ShardReport: Sendable, Hashable {
    public var physicalTable: String
    public var sourceRun: String
    /// 1-based.
    public var shard: Int
    public var shardCount: Int
    public var rows: Int64
    public var finishedAt: Date

    public init(physicalTable: String, sourceRun: String, shard: Int, shardCount: Int, rows: Int64, finishedAt: Date) {
        self.physicalTable = physicalTable
        self.sourceRun = sourceRun
        self.shard = shard
        self.shardCount = shardCount
        self.rows = rows
        self.finishedAt = finishedAt
    }
}
