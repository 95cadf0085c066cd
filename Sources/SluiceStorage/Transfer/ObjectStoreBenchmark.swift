import Foundation
import SluiceCore

/// The object-store benchmark's operations (`sluice bench s3`), each timed on its own: list every
/// key under a prefix, GET one whole object, many small ranged GETs at random offsets, and one
/// large multipart PUT. The Python side runs the same four with boto3 (Benchmarks/s3_bench.py).
public struct ObjectStoreBenchmark: Sendable {
    public enum Operation: String, Sendable, CaseIterable {
        case list, get, ranged, put
    }

    /// What one run measured.
    public struct Measurement: Sendable {
        public var operation: Operation
        public var seconds: Double
        public var bytes: Int64
        public var count: Int

        /// `OP seconds=S bytes=B count=N`, the line the benchmark script parses.
        public var line: String {
            "\(operation.rawValue) seconds=\(String(format: "%.4f", seconds)) bytes=\(bytes) count=\(count)"
        }
    }

    public var store: any ObjectStore

    public init(store: any ObjectStore) { self.store = store }

    /// The fastest of `runs` measurements (at least one).
    public static func fastest(of runs: Int, _ measure: () async throws -> Measurement) async throws -> Measurement {
        var fastest = try await measure()
        for _ in 1..<max(1, runs) {
            let next = try await measure()
            if next.seconds < fastest.seconds { fastest = next }
        }
        return fastest
    }

    public func list(prefix: String) async throws -> Measurement {
        try await timed(.list) {
            var count = 0
            for try await _ in store.list(prefix: prefix) { count += 1 }
            return (0, count)
        }
    }

    public func get(key: String) async throws -> Measurement {
        try await timed(.get) { (Int64(try await store.get(key).count), 1) }
    }

    /// `count` sequential GETs of `rangeSize` bytes at random offsets (fixed seed) of the object.
    public func ranged(key: String, count: Int, rangeSize: Int) async throws -> Measurement {
        guard let size = try await store.head(key)?.size else {
            throw StorageError.notFound(location: store.displayLocation, key: key)
        }
        var generator = SplitMix64(seed: 42)
        let offsets = (0..<count).map { _ in Int64(generator.next() % UInt64(max(1, size - Int64(rangeSize)))) }
        return try await timed(.ranged) {
            var bytes: Int64 = 0
            for offset in offsets {
                bytes += Int64(try await store.get(key, range: offset..<(offset + Int64(rangeSize))).count)
            }
            return (bytes, count)
        }
    }

    /// Writes `size` bytes in 1 MiB chunks through the store's writer and commits.
    public func put(key: String, size: Int) async throws -> Measurement {
        let chunk = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        return try await timed(.put) {
            let writer = try await store.makeWriter(for: key)
            var written = 0
            while written < size {
                let take = min(chunk.count, size - written)
                try await writer.write(take == chunk.count ? chunk : Array(chunk[0..<take]))
                written += take
            }
            try await writer.commit()
            return (Int64(size), 1)
        }
    }

    private func timed(_ operation: Operation, _ body: () async throws -> (Int64, Int)) async throws -> Measurement {
        let clock = ContinuousClock()
        let start = clock.now
        let (bytes, count) = try await body()
        let seconds = (clock.now - start).inSeconds
        return Measurement(operation: operation, seconds: seconds, bytes: bytes, count: count)
    }
}
