import ArgumentParser
import SluiceCore
import SluiceParquet

struct ParquetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parquet",
        abstract: "Inspect and print parquet files.",
        subcommands: [SchemaCommand.self, MetaCommand.self, HeadCommand.self, CatCommand.self]
    )

    struct SchemaCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print the schema Sluice reads a file as, and its parquet columns with their levels."
        )

        @Argument(help: "A parquet file.")
        var file: String

        func run() async throws {
            print(try await ParquetFileReport.open(path: file).schemaText, terminator: "")
        }
    }

    struct MetaCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "meta",
            abstract: "Print row groups and, per column chunk, codec, encodings, sizes and statistics."
        )

        @Argument(help: "A parquet file.")
        var file: String

        func run() async throws {
            print(try await ParquetFileReport.open(path: file).metadataText, terminator: "")
        }
    }

    struct HeadCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "head",
            abstract: "Print the first rows of a file as JSON lines."
        )

        @Argument(help: "A parquet file.")
        var file: String

        @Option(name: .short, help: "How many rows to print.")
        var n: Int = 10

        func run() async throws {
            guard n >= 0 else { throw ValidationError("-n must be 0 or more") }
            let source = try await ParquetLocalSource.resolve(path: file)
            var remaining = n
            for info in source.files where remaining > 0 {
                let reader = try await source.reader(for: info)
                for try await batch in reader.batches() {
                    let shown = batch.slice(0..<min(remaining, batch.numRows))
                    print(RecordBatchJSONLines.render(shown), terminator: "")
                    remaining -= shown.numRows
                    if remaining == 0 { break }
                }
            }
        }
    }

    struct CatCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cat",
            abstract: "Print every row of a file, or of every *.parquet file under a folder in key order.",
            discussion: """
                jsonl: one JSON object per row. csv: a header row, then RFC 4180 rows; a null is an \
                empty field.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case jsonl
            case csv
        }

        @Argument(help: "A parquet file or a folder.")
        var path: String

        @Option(help: "Output format: jsonl or csv.")
        var format: Format = .jsonl

        @Option(help: "Comma-separated top-level columns to print, in that order.")
        var columns: String?

        func run() async throws {
            let source = try await ParquetLocalSource.resolve(path: path)
            let projection = columns.map { $0.split(separator: ",").map { String($0) } }
            var wroteHeader = false
            for info in source.files {
                let reader = try await source.reader(for: info, columns: projection)
                if format == .csv, !wroteHeader {
                    print(RecordBatchCSV.header(reader.schema), terminator: "")
                    wroteHeader = true
                }
                for try await batch in reader.batches() {
                    switch format {
                    case .jsonl: print(RecordBatchJSONLines.render(batch), terminator: "")
                    case .csv: print(RecordBatchCSV.render(batch), terminator: "")
                    }
                }
            }
        }
    }
}
