import NIOCore
import Synchronization

/// The connections to one host: opened on first use, shared round robin, and after a failed
/// connect the host is left alone for a backoff that doubles up to a limit.
final class CQLHostPool: Sendable {
    /// Opening a connection failed: the request never reached the host.
    struct ConnectFailure: Error, CustomStringConvertible {
        let underlying: any Error
        var description: String { "\(underlying)" }
    }

    let host: CQLHost
    private let size: Int
    private let backoff: (base: TimeAmount, limit: TimeAmount)
    private let open: @Sendable (CQLHost) async throws -> CQLConnection

    private struct State {
        var connections: [CQLConnection] = []
        var opening: Task<CQLConnection, any Error>?
        var failures = 0
        var downUntil: NIODeadline?
        var next = 0
        var closed = false
    }

    private let state = Mutex(State())

    init(
        host: CQLHost, size: Int, backoff: (base: TimeAmount, limit: TimeAmount),
        open: @escaping @Sendable (CQLHost) async throws -> CQLConnection
    ) {
        self.host = host
        self.size = max(size, 1)
        self.backoff = backoff
        self.open = open
    }

    /// Whether the host is in its backoff after failed connects.
    var isDown: Bool {
        state.withLock { state in state.downUntil.map { NIODeadline.now() < $0 } ?? false }
    }

    /// An open connection, without waiting: nil when none is open yet.
    func openConnection() -> CQLConnection? {
        state.withLock { state in
            state.connections.removeAll { !$0.isActive }
            guard !state.connections.isEmpty else { return nil }
            state.next &+= 1
            return state.connections[state.next % state.connections.count]
        }
    }

    /// A connection, opening one when the pool has fewer than its size.
    func connection() async throws -> CQLConnection {
        enum Step {
            case use(CQLConnection)
            case wait(Task<CQLConnection, any Error>)
            case fail(any Error)
        }
        let step = state.withLock { (state) -> Step in
            state.connections.removeAll { !$0.isActive }
            if state.closed { return .fail(CQLClientError.closed) }
            if let down = state.downUntil, NIODeadline.now() < down { return .fail(CQLClientError.hostDown(host)) }
            if !state.connections.isEmpty, state.connections.count >= size || state.opening != nil {
                state.next &+= 1
                return .use(state.connections[state.next % state.connections.count])
            }
            if let opening = state.opening { return .wait(opening) }
            let task = Task { try await self.openAndRecord() }
            state.opening = task
            return .wait(task)
        }
        switch step {
        case .use(let connection): return connection
        case .fail(let error): throw error
        case .wait(let task): return try await task.value
        }
    }

    private func openAndRecord() async throws -> CQLConnection {
        do {
            let connection = try await open(host)
            let closed = state.withLock { state in
                state.opening = nil
                state.failures = 0
                state.downUntil = nil
                if !state.closed { state.connections.append(connection) }
                return state.closed
            }
            if closed { try? await connection.close() }
            return connection
        } catch {
            state.withLock { state in
                state.opening = nil
                state.failures += 1
                let delay = backoff.base.nanoseconds << min(state.failures - 1, 20)
                state.downUntil = .now() + .nanoseconds(min(delay, backoff.limit.nanoseconds))
            }
            throw ConnectFailure(underlying: error)
        }
    }

    /// The host came back (an UP event): try it again at once.
    func markUp() {
        state.withLock { $0.downUntil = nil }
    }

    func close() async {
        let connections = state.withLock { state in
            state.closed = true
            defer { state.connections = [] }
            return state.connections
        }
        for connection in connections { try? await connection.close() }
    }
}
