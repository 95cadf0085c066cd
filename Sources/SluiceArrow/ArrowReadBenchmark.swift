import Foundation
import SluiceCore

/// Times decoding Arrow IPC streams held in memory: the work the Spark client does per result
/// message (each is a stream of its own, and a schema the same as the last is not decoded again),
/// without the network. `sluice bench arrow-read` runs it;
/// Benchmarks/spark compares it with pyarrow on the same bytes.
public struct ArrowReadBenchmark: Sendable {
    public let streams: [Data]
    public let repeats: Int

    public init(streams: [Data], repeats: Int) {
        self.streams = streams
        self.repeats = max(1, repeats)
    }

    /// The rows of one decode of every stream and the fastest of `repeats` decodes, in seconds.
    public func run() throws -> (rows: Int, seconds: Double) {
        var best = Double.infinity
        var rows = 0
        for _ in 0..<repeats {
            let started = ContinuousClock.now
            rows = 0
            var schema: ArrowStreamSchema?
            for stream in streams {
                var reader = try ArrowIPCStreamReader(data: stream, reusing: schema)
                schema = reader.streamSchema
                while let batch = try reader.next() { rows += batch.numRows }
            }
            best = min(best, (ContinuousClock.now - started).inSeconds)
        }
        return (rows, best)
    }
}
