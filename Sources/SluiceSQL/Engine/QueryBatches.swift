import SluiceCore

/// A query's result as it is computed: the schema up front, then batches pulled one at a time from
/// the operator tree (the parquet files are opened on the first pull). Memory stays bounded by what
/// the operators hold (aggregates and sorts hold their input), not by the result's size.
public struct QueryBatches: AsyncSequence, Sendable {
    public typealias Element = RecordBatch

    /// The output column names and types.
    public let schema: Schema
    let root: any PhysicalOperator
    let options: QueryOptions

    public func makeAsyncIterator() -> Iterator {
        Iterator(schema: schema, root: root, options: options)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let schema: Schema
        let root: any PhysicalOperator
        let options: QueryOptions
        var stream: (any BatchStream)?

        init(schema: Schema, root: any PhysicalOperator, options: QueryOptions) {
            self.schema = schema
            self.root = root
            self.options = options
        }

        /// The next batch under the query's schema, or nil at the end.
        public mutating func next() async throws -> RecordBatch? {
            var current = stream
            let root = self.root
            let pulled = try await ExecutionContext.$options.withValue(options) {
                if current == nil { current = try await root.open() }
                return try await current?.next()
            }
            stream = current
            guard let batch = pulled else { return nil }
            // Operators name columns after their inputs; the result carries the query's names.
            return try RecordBatch(schema: schema, columns: batch.columns, numRows: batch.numRows)
        }
    }
}
