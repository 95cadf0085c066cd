import Foundation
import SluiceCore

/// Times decoding an Arrow IPC stream held in memory: the work the Spark client does per result
/// batch, without the network. `sluice bench arrow-read` runs it; Benchmarks/spark compares it with
/// pyarrow on the same bytes.
public struct ArrowReadBenchmark: Sendable {
    public let stream: Data
    public let repeats: Int

    public init(stream: Data, repeats: Int) {
        self.stream = stream
        self.repeats = max(1, repeats)
    }

    /// The rows of one decode and the fastest of `repeats` decodes, in seconds.
    public func run() throws -> (rows: Int, seconds: Double) {
        var best = Double.infinity
        var rows = 0
        for _ in 0..<repeats {
            let started = ContinuousClock.now
            var reader = try ArrowIPCStreamReader(data: stream)
            rows = 0
            while let batch = try reader.next() { rows += batch.numRows }
            best = min(best, (ContinuousClock.now - started).inSeconds)
        }
        return (rows, best)
    }
}
