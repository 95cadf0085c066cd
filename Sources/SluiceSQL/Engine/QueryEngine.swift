import SluiceCore

/// Runs Spark SQL over the views of a catalog, in process.
///
/// The pipeline: `SQLParser` → `Binder` (logical plan) → constant folding, filter pushdown, column pruning and join
/// side selection → `PhysicalPlanner` (operators) → batches pulled from the root. Aggregations and
/// top-Ns over a scan (through filters and projections) split the scan into `options.threads`
/// slices that run on their own tasks; sorts, aggregates and a hash join's build side hold their
/// input (a sort with LIMIT only the best rows), within `options.memoryLimit`.
public struct QueryEngine: Sendable {
    public let options: QueryOptions

    public init(options: QueryOptions = QueryOptions()) {
        self.options = options
    }

    /// The result of `sql`: its schema (output column names and types) and its rows.
    ///
    /// - Throws: `SQLSyntaxError`, `SQLAnalysisError` (both with line and column), `ComputeError`
    ///   for data errors under ANSI (overflow, division by zero, invalid casts), storage and parquet
    ///   errors from reading the views.
    public func run(sql: String, catalog: Catalog) async throws -> QueryResult {
        let batches = try execute(sql: sql, catalog: catalog)
        var collected: [RecordBatch] = []
        for try await batch in batches { collected.append(batch) }
        return QueryResult(schema: batches.schema, batches: collected)
    }

    /// The result of `sql` as a stream of batches, computed as they are pulled.
    ///
    /// - Throws: `SQLSyntaxError` and `SQLAnalysisError` now; the stream throws what `run` does.
    public func execute(sql: String, catalog: Catalog) throws -> QueryBatches {
        let plan = try QueryPlan(sql: sql, catalog: catalog)
        return QueryBatches(schema: plan.schema, root: plan.physical, options: options)
    }

    /// The logical and physical plans of `sql`, as text.
    ///
    /// - Throws: `SQLSyntaxError` and `SQLAnalysisError`.
    public func explain(sql: String, catalog: Catalog) throws -> String {
        let plan = try QueryPlan(sql: sql, catalog: catalog)
        return "== Logical plan ==\n\(plan.logical.treeText)\n== Physical plan ==\n\(plan.physical.treeText)\n"
    }
}

/// The rows a query produced, in order.
public struct QueryResult: Sendable {
    public let schema: Schema
    public let batches: [RecordBatch]

    /// The number of rows in all batches.
    public var rowCount: Int { batches.reduce(0) { $0 + $1.numRows } }
}

/// A query bound, optimized and planned.
struct QueryPlan {
    let logical: LogicalPlan
    let physical: any PhysicalOperator
    let schema: Schema

    init(sql: String, catalog: Catalog) throws {
        let query = try SQLParser.parseQuery(sql)
        let bound: LogicalPlan
        do {
            bound = try QueryClock.$queryStart.withValue(QueryClock.nowMicros) {
                try Binder(catalog: catalog).bind(query)
            }
        } catch let error as SQLAnalysisError {
            throw error.quoting(sql)
        }
        logical = JoinSideSelection.apply(ColumnPruning.apply(FilterPushdown.apply(ConstantFolding.apply(bound))))
        physical = PhysicalPlanner.plan(logical)
        schema = logical.schema
    }
}
