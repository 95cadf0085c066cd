import Foundation

/// The time a query started, fixed while it is bound so that every `current_date` and
/// `current_timestamp` in one query gives the same value (Spark computes them once per query).
enum QueryClock {
    /// Set by the engine around binding; nil outside a query.
    @TaskLocal static var queryStart: Int64?

    /// Microseconds since the epoch, now.
    static var nowMicros: Int64 { Int64((Date().timeIntervalSince1970 * 1_000_000).rounded(.down)) }

    /// The current query's start in microseconds since the epoch (now outside a query).
    static var currentMicros: Int64 { queryStart ?? nowMicros }
}
