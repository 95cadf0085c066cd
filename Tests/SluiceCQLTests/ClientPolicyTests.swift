import NIOCore
import SluiceCQL
import Testing

/// The retry policy's decisions and the token ring's replica order, without a server.
struct ClientPolicyTests {
    static func server(_ code: Int32) -> CQLServerError { CQLServerError(code: code, message: "") }

    @Test func whatIsRetriedDependsOnWhetherItMayHaveBeenApplied() {
        let policy = CQLRetryPolicy(maxAttempts: 3, backoff: .milliseconds(10))
        // Not applied: safe to retry whatever the statement.
        for code in [CQLServerError.Code.unavailable, CQLServerError.Code.isBootstrapping] {
            #expect(policy.decide(Self.server(code), isIdempotent: false, attempt: 1) == .retry(after: .zero))
        }
        #expect(
            policy.decide(CQLClientError.hostDown(CQLHost(address: "h", port: 1)), isIdempotent: false, attempt: 1)
                == .retry(after: .zero))
        // May have been applied: only idempotent statements.
        for error: any Error in [
            Self.server(CQLServerError.Code.writeTimeout), Self.server(CQLServerError.Code.readTimeout),
            CQLConnectionError.requestTimedOut(.seconds(1)), CQLConnectionError.closed,
        ] {
            #expect(policy.decide(error, isIdempotent: false, attempt: 1) == .fail)
            #expect(policy.decide(error, isIdempotent: true, attempt: 1) == .retry(after: .zero))
        }
        // Overloaded and ScyllaDB's rate limit back off, doubling.
        #expect(
            policy.decide(Self.server(CQLServerError.Code.overloaded), isIdempotent: true, attempt: 1)
                == .retry(after: .milliseconds(10)))
        #expect(
            policy.decide(Self.server(CQLRetryPolicy.scyllaRateLimitCode), isIdempotent: true, attempt: 2)
                == .retry(after: .milliseconds(20)))
        #expect(policy.decide(Self.server(CQLServerError.Code.overloaded), isIdempotent: false, attempt: 1) == .fail)
        // Errors in the statement itself are never retried, and attempts are bounded.
        for code in [CQLServerError.Code.syntaxError, CQLServerError.Code.invalid, CQLServerError.Code.unauthorized] {
            #expect(policy.decide(Self.server(code), isIdempotent: true, attempt: 1) == .fail)
        }
        #expect(policy.decide(Self.server(CQLServerError.Code.unavailable), isIdempotent: true, attempt: 3) == .fail)
    }

    @Test func replicasFollowTheRingFromTheTokensOwner() {
        let ring = CQLTokenRing(hosts: [
            CQLHost(address: "a", port: 1, tokens: [-100, 200]), CQLHost(address: "b", port: 1, tokens: [0]),
            CQLHost(address: "c", port: 1, tokens: [100]),
        ])
        // A token belongs to the host with the next token at or above it, wrapping round.
        #expect(ring.replicas(for: -100, count: 1) == [0])
        #expect(ring.replicas(for: -99, count: 3) == [1, 2, 0])
        #expect(ring.replicas(for: 150, count: 2) == [0, 1])
        #expect(ring.replicas(for: 201, count: 3) == [0, 1, 2])
        #expect(ring.replicas(for: Int64.max, count: 5) == [0, 1, 2])
        #expect(CQLTokenRing(hosts: []).replicas(for: 0, count: 1).isEmpty)
    }
}
