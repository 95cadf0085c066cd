import SluiceCompute
import SluiceCore
import SluiceParquet

/// Reads a view's projected columns, skipping row groups that the pushed conjuncts of the form
/// `column op literal` or `column IS [NOT] NULL` rule out.
struct ParquetScanExec: PhysicalOperator {
    let scan: TableScan
    let predicate: ParquetPredicate?

    init(_ scan: TableScan) {
        self.scan = scan
        let conditions = scan.pushedFilters.compactMap { Self.predicate($0, schema: scan.schema) }
        predicate = conditions.isEmpty ? nil : (conditions.count == 1 ? conditions[0] : .and(conditions))
    }

    private init(scan: TableScan, predicate: ParquetPredicate?) {
        self.scan = scan
        self.predicate = predicate
    }

    /// The same scan, also skipping the row groups `condition` rules out.
    func narrowed(by condition: ParquetPredicate) -> ParquetScanExec {
        ParquetScanExec(scan: scan, predicate: predicate.map { .and([$0, condition]) } ?? condition)
    }

    /// What keeps only the row groups that can hold the first `count` rows in the order of
    /// `column` (`ParquetDataset.topNCutoff`), or `nil`.
    func topNCutoff(column: String, descending: Bool, nullsFirst: Bool, count: Int) async throws
        -> ParquetPredicate?
    {
        let dataset = try await scan.source.open(
            columns: scan.schema.fields.map(\.name), predicate: predicate, threads: 1)
        return try await dataset.topNCutoff(
            column: column, descending: descending, nullsFirst: nullsFirst, count: count)
    }

    var schema: Schema { scan.schema }
    var inputs: [any PhysicalOperator] { [] }

    var label: String {
        let names = scan.schema.fields.map(\.name).joined(separator: ", ")
        return "ParquetScan \(scan.viewName) [\(names)]" + (predicate.map { " prune=[\($0)]" } ?? "")
    }

    func open() async throws -> any BatchStream {
        let dataset = try await scan.source.open(
            columns: scan.schema.fields.map(\.name), predicate: predicate, threads: ExecutionContext.options.threads)
        return Stream(iterator: dataset.batches().makeAsyncIterator())
    }

    func openSlices(_ count: Int) async throws -> [BatchStreamOpener]? {
        let dataset = try await scan.source.open(
            columns: scan.schema.fields.map(\.name), predicate: predicate, threads: 1)
        return try await dataset.slices(count).map { slice in
            { Stream(iterator: dataset.batches(of: slice).makeAsyncIterator()) }
        }
    }

    /// The reader's batches (a row group's pages at a time) cut into slices of at most
    /// `SlicedBatchStream.maximumRows`, so the operators above work on bounded batches.
    struct Stream: BatchStream {
        var iterator: DatasetBatchSequence.Iterator
        var pending = SlicedBatchStream(nil)

        mutating func next() async throws -> RecordBatch? {
            while true {
                if let slice = try await pending.next() { return slice }
                guard let batch = try await iterator.next() else { return nil }
                pending = SlicedBatchStream(batch)
            }
        }
    }

    /// The parquet form of a conjunct, when it has one.
    static func predicate(_ condition: BoundExpression, schema: Schema) -> ParquetPredicate? {
        switch condition {
        case .comparison(let op, .column(let index, _, _), .literal(let scalar)):
            return comparison(op, schema[index].name, scalar)
        case .comparison(let op, .literal(let scalar), .column(let index, _, _)):
            return comparison(op.swapped, schema[index].name, scalar)
        case .isNull(.column(let index, _, _), let negated):
            return negated ? .isNotNull(schema[index].name) : .isNull(schema[index].name)
        default:
            return nil
        }
    }

    private static func comparison(_ op: SluiceCompute.ComparisonOperator, _ column: String, _ scalar: Scalar)
        -> ParquetPredicate?
    {
        guard let literal = predicateLiteral(scalar) else { return nil }
        switch op {
        case .equal: return .compare(column, .equal, literal)
        case .less: return .compare(column, .less, literal)
        case .lessOrEqual: return .compare(column, .lessOrEqual, literal)
        case .greater: return .compare(column, .greater, literal)
        case .greaterOrEqual: return .compare(column, .greaterOrEqual, literal)
        case .notEqual, .nullSafeEqual: return nil
        }
    }

    private static func predicateLiteral(_ scalar: Scalar) -> PredicateLiteral? {
        switch (scalar.dataType, scalar.payload) {
        case (.boolean, .boolean(let value)?): return .boolean(value)
        case (.int8, .integer(let value)?), (.int16, .integer(let value)?), (.int32, .integer(let value)?),
            (.int64, .integer(let value)?):
            return .integer(Int128(value))
        case (.float32, .float(let value)?), (.float64, .float(let value)?): return .double(value)
        case (.decimal(_, let scale), .decimal(let unscaled)?): return .decimal(unscaled: unscaled, scale: scale)
        case (.string, .bytes(let bytes)?): return .string(String(decoding: bytes, as: UTF8.self))
        case (.date32, .integer(let days)?): return .date(daysSinceEpoch: Int32(clamping: days))
        case (.timestamp(let unit, _), .integer(let value)?): return .timestamp(value, unit: unit)
        default: return nil
        }
    }
}

extension SluiceCompute.ComparisonOperator {
    /// The operator with its operands swapped (`1 < x` is `x > 1`).
    var swapped: SluiceCompute.ComparisonOperator {
        switch self {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        case .equal, .notEqual, .nullSafeEqual: return self
        }
    }
}
