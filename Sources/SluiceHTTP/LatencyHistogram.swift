/// Counts of durations by upper bound, as a Prometheus histogram keeps them: each bucket counts
/// the observations at most its bound, and the sum and count cover them all.
struct LatencyHistogram: Sendable {
    /// Upper bounds in seconds, from 100 µs to 1 s: a lookup of a cached pointer and an indexed
    /// row takes well under a millisecond, a pointer refresh a few.
    static let bounds: [Double] = [
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
    ]

    /// Observations per bucket (not cumulative); the last entry counts those above every bound.
    private(set) var counts = [Int](repeating: 0, count: bounds.count + 1)
    private(set) var sum = 0.0
    private(set) var count = 0

    mutating func observe(_ seconds: Double) {
        let index = Self.bounds.firstIndex { seconds <= $0 } ?? Self.bounds.count
        counts[index] += 1
        sum += seconds
        count += 1
    }

    /// `(le, cumulative count)` per bucket, ending with `+Inf`.
    var cumulativeBuckets: [(le: String, count: Int)] {
        var running = 0
        var buckets: [(le: String, count: Int)] = []
        for (index, bound) in Self.bounds.enumerated() {
            running += counts[index]
            buckets.append(("\(bound)", running))
        }
        buckets.append(("+Inf", count))
        return buckets
    }
}
