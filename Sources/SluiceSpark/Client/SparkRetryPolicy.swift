/// How long a client tries to reach Spark Connect before it reports the server unreachable, and
/// how long a unary call may take.
public struct SparkRetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var attempts: Int
    /// The wait after the first failed attempt; each later wait is `multiplier` times longer, up
    /// to `maxBackoff`.
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    public var multiplier: Double
    /// The deadline of one unary call (config, analyze, interrupt).
    public var callTimeout: Duration

    public init(
        attempts: Int = 6, initialBackoff: Duration = .milliseconds(250), maxBackoff: Duration = .seconds(5),
        multiplier: Double = 2, callTimeout: Duration = .seconds(120)
    ) {
        self.attempts = max(1, attempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.multiplier = multiplier
        self.callTimeout = callTimeout
    }

    /// The wait before attempt `attempt` (from 1, the first retry).
    func backoff(before attempt: Int) -> Duration {
        var wait = initialBackoff
        for _ in 1..<max(attempt, 1) { wait = min(wait * multiplier, maxBackoff) }
        return wait
    }
}
