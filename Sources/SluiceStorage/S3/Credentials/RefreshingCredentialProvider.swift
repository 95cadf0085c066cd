import Foundation

/// Caches temporary credentials and fetches new ones before they expire: five minutes before, or
/// halfway through the lifetime when that is shorter. Callers that arrive during a fetch wait for
/// the same fetch. If a refresh fails while the cached credentials are still valid, they are
/// used a while longer and the refresh is retried later, so a brief endpoint outage does not
/// stop signing.
actor RefreshingCredentialProvider: AWSCredentialProvider {
    /// How long before expiry to refresh, at most.
    static let refreshMargin: TimeInterval = 5 * 60
    /// The longest wait before retrying a failed refresh while the cache is still valid.
    static let retryDelay: TimeInterval = 30

    private struct Entry {
        var credentials: AWSCredentials
        var refreshAt: Date
    }

    private let fetch: @Sendable () async throws -> AWSCredentials
    private let now: @Sendable () -> Date
    private var cached: Entry?
    private var inFlight: Task<AWSCredentials, any Error>?

    init(now: @escaping @Sendable () -> Date = Date.init, fetch: @escaping @Sendable () async throws -> AWSCredentials)
    {
        self.fetch = fetch
        self.now = now
    }

    func credentials() async throws -> AWSCredentials {
        if let cached, now() < cached.refreshAt { return cached.credentials }
        let task = inFlight ?? startFetch()
        do {
            let fresh = try await task.value
            if inFlight == task {
                inFlight = nil
                cached = Entry(credentials: fresh, refreshAt: refreshTime(for: fresh, fetchedAt: now()))
            }
            return fresh
        } catch {
            if inFlight == task { inFlight = nil }
            let time = now()
            guard var entry = cached, let expiration = entry.credentials.expiration, time < expiration else {
                throw error
            }
            entry.refreshAt = min(time + Self.retryDelay, time + expiration.timeIntervalSince(time) / 2)
            cached = entry
            return entry.credentials
        }
    }

    private func startFetch() -> Task<AWSCredentials, any Error> {
        let task = Task { [fetch] in try await fetch() }
        inFlight = task
        return task
    }

    private func refreshTime(for credentials: AWSCredentials, fetchedAt: Date) -> Date {
        guard let expiration = credentials.expiration else { return .distantFuture }
        let lifetime = max(0, expiration.timeIntervalSince(fetchedAt))
        return expiration - min(Self.refreshMargin, lifetime / 2)
    }
}
