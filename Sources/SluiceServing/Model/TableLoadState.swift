import Foundation

/// What the store records about one physical table, beside the pointer: which load wrote it and
/// whether that load finished. A table a load has claimed is never flipped or rolled back to
/// until the load validates it.
public struct TableLoadState: Sendable, Hashable {
    public enum Phase: String, Sendable, Hashable {
        /// Claimed and being written (or abandoned mid-load by a crash).
        case loading
        /// Validated: complete and intact, safe to flip to.
        case ready
    }

    public var physicalTable: String
    public var table: String
    /// The result run loaded into it.
    public var sourceRun: String
    /// How many shards write this load (1 for a whole load).
    public var shardCount: Int
    public var phase: Phase
    public var schema: ServingSchema
    /// Rows, known once validated.
    public var rowCount: Int64
    public var updatedAt: Date

    public init(
        physicalTable: String, table: String, sourceRun: String, shardCount: Int, phase: Phase,
        schema: ServingSchema, rowCount: Int64, updatedAt: Date
    ) {
        self.physicalTable = physicalTable
        self.table = table
        self.sourceRun = sourceRun
        self.shardCount = shardCount
        self.phase = phase
        self.schema = schema
        self.rowCount = rowCount
        self.updatedAt = updatedAt
    }

    /// Whether a shard of the load (`sourceRun`, `shardCount`, `schema`) joins this claim instead
    /// of starting over.
    public func isSameLoad(sourceRun: String, shardCount: Int, schema: ServingSchema) -> Bool {
        phase == .loading && self.sourceRun == sourceRun && self.shardCount == shardCount && self.schema == schema
    }
}
