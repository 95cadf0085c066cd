/// A client that one process shares for a named connection (an object store, a serving store).
///
/// The connection registry creates one per connection on first use and calls `shutdown()`
/// once when the process is done with it.
public protocol SharedClient: Sendable {
    /// Releases sockets, file handles and background work. Called once, at the end.
    func shutdown() async throws
}

extension SharedClient {
    /// Runs `body` with the client, then shuts the client down whether `body` succeeded or not.
    public func closing<T>(_ body: () async throws -> T) async throws -> T {
        let result: T
        do {
            result = try await body()
        } catch {
            try? await shutdown()
            throw error
        }
        try await shutdown()
        return result
    }
}
