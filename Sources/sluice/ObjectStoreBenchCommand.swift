import ArgumentParser
import SluiceStorage

/// `sluice bench s3`: one timed object-store operation per run, for Benchmarks/s3_bench.py.
struct ObjectStoreBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "s3",
        abstract: "Time one S3 operation (list, get, ranged or put); print `OP seconds=S bytes=B count=N`.")

    @OptionGroup var s3: S3Options

    @Argument(help: "s3://bucket/prefix the operation works under.")
    var location: String

    @Option(help: "list, get, ranged or put.")
    var op: String

    @Option(help: "The object (relative to the location) for get, ranged and put.")
    var key = "bench.bin"

    @Option(help: "put: bytes to write.")
    var size = 200 << 20

    @Option(help: "ranged: how many GETs.")
    var count = 1000

    @Option(help: "ranged: bytes per GET.")
    var rangeSize = 64 << 10

    @Option(help: "Runs in this process (one client, warm connections); the fastest is printed.")
    var `repeat` = 1

    func run() async throws {
        guard let operation = ObjectStoreBenchmark.Operation(rawValue: op) else {
            throw ValidationError("--op: use one of list, get, ranged, put")
        }
        let store = try s3.store(for: try S3URL(location), rootedAtPath: true)
        try await store.closing {
            let benchmark = ObjectStoreBenchmark(store: store)
            let fastest = try await ObjectStoreBenchmark.fastest(of: `repeat`) {
                switch operation {
                case .list: try await benchmark.list(prefix: "")
                case .get: try await benchmark.get(key: key)
                case .ranged: try await benchmark.ranged(key: key, count: count, rangeSize: rangeSize)
                case .put: try await benchmark.put(key: key, size: size)
                }
            }
            print(fastest.line)
        }
    }
}
