import NIOCore

/// Whether a failed attempt may run again on the next host. A statement the server says it did
/// not apply (Unavailable, Overloaded, bootstrapping, a refused connection) is safe to retry; one
/// that may have been applied (a timeout, a connection lost mid-request) is retried only when it
/// is idempotent.
public struct CQLRetryPolicy: Sendable {
    public enum Decision: Sendable, Equatable {
        /// Try the next host after waiting this long.
        case retry(after: TimeAmount)
        case fail
    }

    public var maxAttempts: Int
    /// The first backoff after Overloaded or a rate limit; it doubles with each attempt.
    public var backoff: TimeAmount

    public init(maxAttempts: Int = 3, backoff: TimeAmount = .milliseconds(20)) {
        self.maxAttempts = maxAttempts
        self.backoff = backoff
    }

    /// ScyllaDB's per-partition rate limit error (protocol extension `SCYLLA_RATE_LIMIT_ERROR`).
    public static let scyllaRateLimitCode: Int32 = 0xF000

    /// `attempt` counts from 1 for the attempt that just failed.
    public func decide(_ error: any Error, isIdempotent: Bool, attempt: Int) -> Decision {
        guard attempt < maxAttempts else { return .fail }
        let delay = TimeAmount.nanoseconds(backoff.nanoseconds << min(attempt - 1, 10))
        switch error {
        case let error as CQLServerError:
            switch error.code {
            case CQLServerError.Code.isBootstrapping: return .retry(after: .zero)
            case CQLServerError.Code.unavailable: return .retry(after: .zero)
            case CQLServerError.Code.overloaded, Self.scyllaRateLimitCode:
                return isIdempotent ? .retry(after: delay) : .fail
            case CQLServerError.Code.readTimeout, CQLServerError.Code.writeTimeout:
                return isIdempotent ? .retry(after: .zero) : .fail
            default: return .fail
            }
        case CQLClientError.hostDown:
            return .retry(after: .zero)
        case is CQLHostPool.ConnectFailure:
            // The request was never sent.
            return .retry(after: .zero)
        case CQLConnectionError.requestTimedOut, CQLConnectionError.closed, CQLConnectionError.heartbeatTimedOut,
            CQLConnectionError.transport, is IOError, is ChannelError:
            // Lost with the connection: it may have been applied.
            return isIdempotent ? .retry(after: .zero) : .fail
        default:
            return .fail
        }
    }
}
