import SluiceCQL
import SluiceCore
import Synchronization

/// Writes result batches into a data table as prepared single-row INSERTs, token-aware and bounded
/// in flight (the driver's bulk writer, which retries idempotent writes with backoff on timeouts,
/// Overloaded and ScyllaDB's rate limit). Each key is its own partition, so batches would only
/// add work on the coordinator.
///
/// Two batches are in flight at most, each with half the window: the next batch is read from the
/// parquet file while the last one is written, and the window never drains between them. Under a
/// rate cap one batch at a time gets the whole cap: the cap, not the window, sets the pace then.
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
    private var pending: [(firstRow: Int64, rows: EncodedRows, write: Task<CQLBulkWriteReport, Never>)] = []
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
        let rows = EncodedRows(encoders: encoders(for: batch), count: batch.numRows)
        let overlapping = rowsPerSecond == nil ? 2 : 1
        if pending.count >= overlapping { try await settleOldest() }
        let client = client
        let insert = insert
        let options = options
        let lanes = max(maxInFlight / overlapping, 1)
        let rate = rowsPerSecond
        pending.append(
            (
                submitted, rows,
                Task {
                    await client.executeConcurrently(
                        insert, rows: rows, maxInFlight: lanes, rowsPerSecond: rate, options: options)
                }
            ))
        submitted += Int64(batch.numRows)
    }

    func finish() async throws -> Int64 {
        while !pending.isEmpty { try await settleOldest() }
        return written
    }

    func abort() async {
        // Lets the writes under way end, so none lands after the caller moves on.
        for (_, _, write) in pending { _ = await write.value }
        pending = []
    }

    private func settleOldest() async throws {
        let (firstRow, rows, write) = pending.removeFirst()
        let report = await write.value
        written += Int64(report.written)
        if let failure = rows.failure {
            await abort()
            throw failure
        }
        guard report.failed == 0 else {
            await abort()
            let examples = report.firstErrors.map { "row \(firstRow + Int64($0.row) + 1): \($0.error)" }
            throw ServingError.loadFailed(
                table: table,
                detail: "\(report.failed) row\(report.failed == 1 ? "" : "s") could not be written after "
                    + "\(report.retries) retries (\(examples.joined(separator: "; "))); the pointer is unchanged")
        }
    }

    private func encoders(for batch: RecordBatch) -> [CQLColumnEncoder] {
        batch.columns.indices.map { index in
            CQLColumnEncoder(
                encodings[index], array: batch.columns[index], field: fields[index],
                target: .init(table: table, column: fields[index].name, storeType: storeTypes[index]))
        }
    }
}

/// A batch's rows, encoded as the bulk writer takes them (on its event loop, one row at a time),
/// so a batch is never held twice in memory. A value that cannot be encoded ends the rows there
/// and is kept for the writer to throw.
final class EncodedRows: Sequence, Sendable {
    private let encoders: [CQLColumnEncoder]
    private let count: Int
    private let firstFailure = Mutex<ServingError?>(nil)

    init(encoders: [CQLColumnEncoder], count: Int) {
        self.encoders = encoders
        self.count = count
    }

    var failure: ServingError? { firstFailure.withLock { $0 } }

    func makeIterator() -> AnyIterator<[CQLBoundValue]> {
        var row = 0
        return AnyIterator { [self] in
            guard row < count else { return nil }
            defer { row += 1 }
            var values: [CQLBoundValue] = []
            values.reserveCapacity(encoders.count)
            do throws(ServingError) {
                for encoder in encoders { values.append(try encoder.encode(row)) }
            } catch {
                firstFailure.withLock { $0 = $0 ?? error }
                row = count
                return nil
            }
            return values
        }
    }
}
