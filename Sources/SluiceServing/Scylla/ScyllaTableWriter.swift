import SluiceCQL
import SluiceCore

/// Writes result batches into a data table as prepared single-row INSERTs, token-aware and bounded
/// in flight (the driver's bulk writer, which retries idempotent writes with backoff on timeouts,
/// Overloaded and ScyllaDB's rate limit). Each key is its own partition, so batches would only
/// add work on the coordinator.
///
/// Two batches are in flight at most, each with half the window: the next batch is encoded while
/// the last one is written, and the window never drains between them.
actor ScyllaTableWriter: ServingTableWriter {
    private let client: CQLClient
    private let insert: CQLPrepared
    private let table: String
    private let fields: [Field]
    private let storeTypes: [String]
    private let encodings: [CQLColumnEncoding]
    private let options: CQLStatementOptions
    private let maxInFlight: Int
    private let rowsPerSecond: Int?
    private var pending: [(firstRow: Int64, write: Task<CQLBulkWriteReport, Never>)] = []
    private var submitted: Int64 = 0
    private var written: Int64 = 0

    init(
        client: CQLClient, insert: CQLPrepared, table: String, fields: [Field], storeTypes: [String],
        encodings: [CQLColumnEncoding], options: CQLStatementOptions, maxInFlight: Int, rowsPerSecond: Int?
    ) {
        self.client = client
        self.insert = insert
        self.table = table
        self.fields = fields
        self.storeTypes = storeTypes
        self.encodings = encodings
        self.options = options
        self.maxInFlight = maxInFlight
        self.rowsPerSecond = rowsPerSecond
    }

    func write(_ batch: RecordBatch) async throws {
        let rows = try encode(batch)
        if pending.count >= 2 { try await settleOldest() }
        let client = client
        let insert = insert
        let options = options
        let lanes = max(maxInFlight / 2, 1)
        let rate = rowsPerSecond.map { max($0 / 2, 1) }
        pending.append(
            (
                submitted,
                Task {
                    await client.executeConcurrently(
                        insert, rows: rows, maxInFlight: lanes, rowsPerSecond: rate, options: options)
                }
            ))
        submitted += Int64(rows.count)
    }

    func finish() async throws -> Int64 {
        while !pending.isEmpty { try await settleOldest() }
        return written
    }

    func abort() async {
        // Lets the writes under way end, so none lands after the caller moves on.
        for (_, write) in pending { _ = await write.value }
        pending = []
    }

    private func settleOldest() async throws {
        let (firstRow, write) = pending.removeFirst()
        let report = await write.value
        written += Int64(report.written)
        guard report.failed == 0 else {
            await abort()
            let examples = report.firstErrors.map { "row \(firstRow + Int64($0.row) + 1): \($0.error)" }
            throw ServingError.loadFailed(
                table: table,
                detail: "\(report.failed) row\(report.failed == 1 ? "" : "s") could not be written after "
                    + "\(report.retries) retries (\(examples.joined(separator: "; "))); the pointer is unchanged")
        }
    }

    /// Every row of `batch` as bound values, checked before any is sent.
    private func encode(_ batch: RecordBatch) throws(ServingError) -> [[CQLBoundValue]] {
        let encoders = batch.columns.indices.map { index in
            CQLColumnEncoder(
                encodings[index], array: batch.columns[index], field: fields[index],
                target: .init(table: table, column: fields[index].name, storeType: storeTypes[index]))
        }
        var rows: [[CQLBoundValue]] = []
        rows.reserveCapacity(batch.numRows)
        for row in 0..<batch.numRows {
            var values: [CQLBoundValue] = []
            values.reserveCapacity(encoders.count)
            for encoder in encoders { values.append(try encoder.encode(row)) }
            rows.append(values)
        }
        return rows
    }
}
