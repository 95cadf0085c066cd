import ArgumentParser
import Foundation
import SluiceCQL

/// `cql-load --port P --rows N`: loads N key-value rows (`k00000000` → 0, …) into `bench.kv` with
/// `CQLClient.executeConcurrently`, and prints rows, seconds, rows/s and this process's CPU seconds
/// for `Benchmarks/cql`.
@main
struct CQLLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cql-load",
        abstract: "Load key-value rows into bench.kv with SluiceCQL's bulk writer; print rows/s and CPU seconds.")

    @Option(help: "A contact point.")
    var host = "127.0.0.1"

    @Option(help: "The CQL port.")
    var port = 9042

    @Option(help: "Rows to write.")
    var rows = 1_000_000

    @Option(help: "Requests in flight.")
    var inFlight = 1024

    @Option(help: "Connections per host.")
    var connections = 1

    @Option(help: "What each key starts with, before the row number in 8 digits.")
    var keyPrefix = "k"

    @Option(help: "Each value is the row number times this.")
    var valueMultiplier = 1

    func run() async throws {
        let client = try await CQLClient.connect(
            .init(contactPoints: [host], port: port, connectionsPerHost: connections))
        let insert = try await client.prepare("INSERT INTO bench.kv (key, value) VALUES (?, ?)")
        let keys = KeyValueRows(count: rows, keyPrefix: Array(keyPrefix.utf8), valueMultiplier: Int64(valueMultiplier))
        let start = ContinuousClock.now
        let cpuBefore = Self.cpuSeconds()
        let report = await client.executeConcurrently(insert, rows: keys, maxInFlight: inFlight)
        let elapsed = (ContinuousClock.now - start) / .seconds(1)
        let cpu = Self.cpuSeconds() - cpuBefore
        await client.close()
        print(
            "rows=\(report.written) failed=\(report.failed) seconds=\(elapsed) rows_per_s=\(Double(report.written) / elapsed) cpu_s=\(cpu)"
        )
        if report.failed > 0 { throw ExitCode(1) }
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }
}

/// The rows as they are needed: key `prefix` + 8 digits, value the row number times a multiplier
/// (Benchmarks/scylla writes kv5m.parquet's rows: `user-00000001` → 7).
struct KeyValueRows: Sequence, Sendable {
    let count: Int
    let keyPrefix: [UInt8]
    let valueMultiplier: Int64

    func makeIterator() -> AnyIterator<[CQLBoundValue]> {
        var index = 0
        return AnyIterator {
            guard index < count else { return nil }
            defer { index += 1 }
            // The prefix and 8 digits, written as bytes: the key the Python clients format with "k%08d".
            var key = keyPrefix + [UInt8](repeating: UInt8(ascii: "0"), count: 8)
            var rest = index
            var position = key.count - 1
            while rest > 0, position >= keyPrefix.count {
                key[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                position -= 1
            }
            return [.bytes(key), .bytes(CQLValue.bigint(Int64(index) * valueMultiplier).serialized())]
        }
    }
}
