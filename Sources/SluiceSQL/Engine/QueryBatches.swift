import SluiceCore

/// A query's result as it is computed: the schema up front, then batches pulled one at a time from
/// the operator tree (the parquet files are opened on the first pull). Memory stays bounded by what
/// the operators hold (aggregates and sorts hold their input), not by the result's size.
public struct QueryBatches: AsyncSequence, Sendable {
    public typealias Element = RecordBatch

    /// The output column names and types.
    public let schema: Schema
    let root: any PhysicalOperator

    public func makeAsyncIterator() -> Iterator {
        Iterator(schema: schema, root: root)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let schema: Schema
        let root: any PhysicalOperator
        var stream: (any BatchStream)?

        init(schema: Schema, root: any PhysicalOperator) {
            self.schema = schema
            self.root = root
        }

        /// The next batch under the query's schema, or nil at the end.
        public mutating func next() async throws -> RecordBatch? {
            if stream == nil { stream = try await root.open() }
            guard let batch = try await stream?.next() else { return nil }
            // Operators name columns after their inputs; the result carries the query's names.
            return try RecordBatch(schema: schema, columns: batch.columns, numRows: batch.numRows)
        }
    }
}
