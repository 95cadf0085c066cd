import ArgumentParser
import Foundation
import SluiceArrow
import SluiceParquet
import SluiceStorage

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Sluice's parquet reader and writer, its S3 client and its Arrow IPC reader.",
        subcommands: [
            ParquetReadCommand.self, ParquetWriteCommand.self, ObjectStoreBenchCommand.self, ArrowReadCommand.self,
        ]
    )

    struct ArrowReadCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "arrow-read",
            abstract: "Decode Arrow IPC stream files held in memory; print rows, the best seconds, rows/s, MB/s.",
            discussion: """
                Each file is one stream, decoded as the Spark client decodes one result message; \
                a decode reads every file in order.
                """
        )

        @Argument(help: "Arrow IPC stream files.")
        var files: [String]

        @Option(help: "Decodes to run; the fastest counts.")
        var repeats: Int = 5

        func run() async throws {
            let streams = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
            let bytes = streams.reduce(0) { $0 + $1.count }
            let (rows, seconds) = try ArrowReadBenchmark(streams: streams, repeats: repeats).run()
            print(
                "rows=\(rows) seconds=\(String(format: "%.6f", seconds)) rows_per_s=\(Int(Double(rows) / seconds)) "
                    + "mb_per_s=\(String(format: "%.1f", Double(bytes) / 1e6 / seconds))")
        }
    }

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

    struct ParquetWriteCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parquet-write",
            abstract: "Read a file into memory, then time writing it to OUTPUT; print rows, seconds, rows/s, MB/s.",
            discussion: "The output uses the writer's defaults (pyarrow's): 1 Mi-row row groups, dictionary encoding."
        )

        @Argument(help: "A parquet file to read (not timed).")
        var input: String

        @Argument(help: "The parquet file to write (replaced if it exists).")
        var output: String

        @Option(help: "Codec: snappy, zstd, gzip, lz4_raw, brotli or uncompressed.")
        var codec: String = "snappy"

        func run() async throws {
            guard let codec = CompressionCodec.named(codec) else {
                throw ValidationError(
                    "unknown codec \"\(codec)\"; use one of \(CompressionCodec.writableNames.joined(separator: ", "))")
            }
            let inputURL = URL(fileURLWithPath: input).standardizedFileURL
            let outputURL = URL(fileURLWithPath: output).standardizedFileURL
            let root = inputURL.deletingLastPathComponent()
            guard outputURL.deletingLastPathComponent() == root else {
                throw ValidationError("OUTPUT must be in the same folder as INPUT")
            }
            let benchmark = ParquetWriteBenchmark(
                store: LocalObjectStore(root: root), inputKey: inputURL.lastPathComponent,
                outputKey: outputURL.lastPathComponent, options: ParquetWriteOptions(codec: codec))
            print(try await benchmark.run().line)
        }
    }
}
