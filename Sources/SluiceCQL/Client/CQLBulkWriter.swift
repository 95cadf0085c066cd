import NIOCore
import Synchronization

extension CQLClient {
    /// Writes every row with `prepared` (individual, token-aware writes, as the best loaders do)
    /// keeping at most `maxInFlight` requests outstanding, optionally capped at `rowsPerSecond`.
    /// Failed rows are retried as `options` and the retry policy allow, then counted and reported;
    /// the call returns when every row has an outcome.
    public func executeConcurrently<Rows: Sequence & Sendable>(
        _ prepared: CQLPrepared, rows: Rows, maxInFlight: Int = 1024, rowsPerSecond: Int? = nil,
        options: CQLStatementOptions = CQLStatementOptions(isIdempotent: true)
    ) async -> CQLBulkWriteReport where Rows.Element == [CQLBoundValue] {
        await withCheckedContinuation { continuation in
            let writer = CQLBulkWriter(
                client: self, prepared: prepared, rows: AnyIterator(rows.makeIterator()), options: options,
                rowsPerSecond: rowsPerSecond, continuation: continuation)
            writer.start(lanes: max(maxInFlight, 1))
        }
    }
}

/// Runs a bulk write as `maxInFlight` chains of callbacks: when a write's response arrives, the
/// same chain sends the next row. No task or allocation per row beyond the request itself.
final class CQLBulkWriter: Sendable {
    private struct State: ~Copyable {
        var rows: AnyIterator<[CQLBoundValue]>
        var taken = 0
        var inFlight = 0
        var exhausted = false
        var report = CQLBulkWriteReport()
        var continuation: CheckedContinuation<CQLBulkWriteReport, Never>?
    }

    private let client: CQLClient
    private let prepared: CQLPrepared
    private let options: CQLStatementOptions
    private let interval: TimeAmount?
    private let started = NIODeadline.now()
    private let state: Mutex<State>

    init(
        client: CQLClient, prepared: CQLPrepared, rows: sending AnyIterator<[CQLBoundValue]>,
        options: CQLStatementOptions,
        rowsPerSecond: Int?, continuation: CheckedContinuation<CQLBulkWriteReport, Never>
    ) {
        self.client = client
        self.prepared = prepared
        self.options = options
        interval = rowsPerSecond.map { .nanoseconds(1_000_000_000 / Int64(max($0, 1))) }
        state = Mutex(State(rows: rows, continuation: continuation))
    }

    func start(lanes: Int) {
        for _ in 0..<lanes {
            guard let next = state.withLock({ Self.take(&$0) }) else { break }
            schedule(next)
        }
        finishIfDone()
    }

    /// The next row to send, counted in flight; nil when the rows are used up.
    private static func take(_ state: inout State) -> (index: Int, values: [CQLBoundValue])? {
        guard !state.exhausted, let values = state.rows.next() else {
            state.exhausted = true
            return nil
        }
        state.taken += 1
        state.inFlight += 1
        return (state.taken - 1, values)
    }

    /// Sends a row now, or when the rate cap allows.
    private func schedule(_ next: (index: Int, values: [CQLBoundValue])) {
        if let interval {
            let due = started + .nanoseconds(interval.nanoseconds * Int64(next.index))
            if due > .now() {
                client.configuration.eventLoopGroup.next().scheduleTask(deadline: due) {
                    self.send(next.index, next.values, attempt: 1)
                }
                return
            }
        }
        send(next.index, next.values, attempt: 1)
    }

    private func send(_ index: Int, _ values: [CQLBoundValue], attempt: Int) {
        let token = prepared.token(for: values)
        let chosen: CQLHostPool?
        if attempt == 1 {
            chosen = client.firstChoice(token: token)
        } else {
            let plan = client.plan(token: token)
            chosen = plan.isEmpty ? nil : plan[(attempt - 1) % plan.count]
        }
        guard let pool = chosen else {
            finish(index, .failure(CQLClientError.noHostAvailable([])))
            return
        }
        let request = CQLRequest.execute(id: prepared.id, options.parameters(values))
        guard let connection = pool.openConnection() else {
            // No connection open to this host yet: open one, then carry on from the callback.
            Task {
                do {
                    let connection = try await pool.connection()
                    self.sent(
                        connection.response(to: request, timeout: self.options.timeout), index, values, attempt,
                        connection)
                } catch {
                    self.failed(index, values, attempt, error)
                }
            }
            return
        }
        sent(connection.response(to: request, timeout: options.timeout), index, values, attempt, connection)
    }

    private func sent(
        _ response: EventLoopFuture<CQLResponse>, _ index: Int, _ values: [CQLBoundValue], _ attempt: Int,
        _ connection: CQLConnection
    ) {
        response.whenComplete { result in
            switch result {
            case .success(.result):
                self.finish(index, .success(()))
            case .success(.error(let error)) where error.code == CQLServerError.Code.unprepared && attempt == 1:
                // The node does not know the statement: prepare it there, then retry the row.
                connection.response(to: .prepare(self.prepared.query), timeout: self.options.timeout).whenComplete {
                    _ in
                    self.send(index, values, attempt: attempt + 1)
                }
            case .success(.error(let error)):
                self.failed(index, values, attempt, error)
            case .success(let other):
                self.finish(index, .failure(CQLConnectionError.unexpectedResponse("\(other.opcode) to EXECUTE")))
            case .failure(let error):
                self.failed(index, values, attempt, error)
            }
        }
    }

    private func failed(_ index: Int, _ values: [CQLBoundValue], _ attempt: Int, _ error: any Error) {
        switch client.configuration.retryPolicy.decide(error, isIdempotent: options.isIdempotent, attempt: attempt) {
        case .fail:
            finish(index, .failure(error))
        case .retry(let delay):
            state.withLock { $0.report.retries += 1 }
            client.configuration.eventLoopGroup.next().scheduleTask(in: delay) {
                self.send(index, values, attempt: attempt + 1)
            }
        }
    }

    /// Records a row's outcome and sends the next row on the same chain, under one lock.
    private func finish(_ index: Int, _ outcome: Result<Void, any Error>) {
        let next = state.withLock { state in
            state.inFlight -= 1
            switch outcome {
            case .success: state.report.written += 1
            case .failure(let error):
                state.report.failed += 1
                if state.report.firstErrors.count < CQLBulkWriteReport.keptErrors {
                    state.report.firstErrors.append((index, "\(error)"))
                }
            }
            return Self.take(&state)
        }
        if let next { schedule(next) } else { finishIfDone() }
    }

    private func finishIfDone() {
        let done: (CheckedContinuation<CQLBulkWriteReport, Never>, CQLBulkWriteReport)? = state.withLock { state in
            guard state.exhausted, state.inFlight == 0, let continuation = state.continuation else { return nil }
            state.continuation = nil
            return (continuation, state.report)
        }
        if let (continuation, report) = done { continuation.resume(returning: report) }
    }
}
