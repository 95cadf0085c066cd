import ArgumentParser
import Foundation
import SluiceParquet
import SluiceStorage

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Sluice's readers.",
        subcommands: [ParquetReadCommand.self]
    )

    struct ParquetReadCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parquet-read",
            abstract: "Decode every selected column of every row group of a file; print rows, seconds, rows/s, MB/s."
        )

        @Argument(help: "A parquet file.")
        var file: String

        @Option(help: "Row groups decoded at once (default: the active processor count).")
        var threads: Int?

        @Option(help: "Comma-separated top-level columns to decode (default: all).")
        var columns: String?

        func run() async throws {
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
            let url = URL(fileURLWithPath: file).standardizedFileURL
            let benchmark = ParquetReadBenchmark(
                store: LocalObjectStore(root: url.deletingLastPathComponent()), key: url.lastPathComponent,
                columns: columns.map { $0.split(separator: ",").map { String($0) } },
                threads: threads ?? ParquetFileReader.defaultThreads, name: file)
            print(try await benchmark.run().line)
        }
    }
}
