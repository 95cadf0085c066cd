import Foundation
import NIOCore
import SluiceCQL
import Synchronization

/// The store's statements on one client: each text prepared once per process, values given as
/// CQL values, and failures reported with what was being done.
final class ScyllaStatements: Sendable {
    let client: CQLClient
    /// Names the store in errors.
    let store: String
    private let prepared = Mutex<[String: CQLPrepared]>([:])

    init(client: CQLClient, store: String) {
        self.client = client
        self.store = store
    }

    /// The prepared form of `text`, prepared on first use.
    func prepared(_ text: String) async throws -> CQLPrepared {
        if let known = prepared.withLock({ $0[text] }) { return known }
        let statement = try await client.prepare(text)
        prepared.withLock { $0[text] = statement }
        return statement
    }

    /// Forgets the statements that name `table`, after it was recreated with other columns.
    func forget(naming table: String) {
        prepared.withLock { $0 = $0.filter { !$0.key.contains(table) } }
    }

    /// Runs `text` prepared; errors come as the driver reports them.
    func execute(_ text: String, _ values: [CQLValue?], options: CQLStatementOptions) async throws -> CQLRowSet {
        try await client.execute(try await prepared(text), values.map(Self.bound), options: options)
    }

    /// Runs `text` prepared; a failure becomes `ServingError.storeFailed` naming `operation`.
    func run(_ text: String, _ values: [CQLValue?], options: CQLStatementOptions, operation: String) async throws
        -> CQLRowSet
    {
        do {
            return try await execute(text, values, options: options)
        } catch {
            throw failure(operation, error)
        }
    }

    /// Runs a statement that is not worth preparing (DDL, TRUNCATE).
    func runOnce(_ text: String, options: CQLStatementOptions, operation: String) async throws -> CQLRowSet {
        do {
            return try await client.query(text, options: options)
        } catch {
            throw failure(operation, error)
        }
    }

    func failure(_ operation: String, _ error: any Error) -> ServingError {
        if let error = error as? ServingError { return error }
        return .storeFailed(store: store, operation: operation, detail: "\(error)")
    }

    static func bound(_ value: CQLValue?) -> CQLBoundValue {
        value.map { .bytes($0.serialized()) } ?? .null
    }

    /// Whether the error leaves it unknown if a write applied: the request may have reached a
    /// node before its answer was lost, or the node timed out waiting for replicas.
    static func outcomeUnknown(_ error: any Error) -> Bool {
        guard let error = error as? CQLServerError else { return !(error is ServingError) }
        return error.code == CQLServerError.Code.writeTimeout || error.code == CQLServerError.Code.readTimeout
    }
}

extension TimeAmount {
    static func interval(_ interval: TimeInterval) -> TimeAmount {
        .nanoseconds(Int64((interval * 1_000_000_000).rounded()))
    }
}

extension CQLRowSet {
    /// Whether a lightweight transaction applied (its `[applied]` column).
    var applied: Bool {
        get throws { try value(0, "[applied]") == .boolean(true) }
    }
}
