import SluiceCore

/// Writes result batches into one physical table.
public protocol ServingTableWriter: Sendable {
    /// Writes every row of `batch`, whose columns are the serving schema's, in order.
    func write(_ batch: RecordBatch) async throws
    /// Makes everything written durable; returns the rows written.
    func finish() async throws -> Int64
    /// Gives up; what was written may stay (the table is still claimed, never served).
    func abort() async
}
