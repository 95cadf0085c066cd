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
            abstract: "Print the first rows of a file, or of a folder of part files, as JSON lines."
        )

        @Argument(help: "A parquet file or a folder (Hive partition folders become columns).")
        var file: String

        @Option(name: .short, help: "How many rows to print.")
        var n: Int = 10

        func run() async throws {
            guard n >= 0 else { throw ValidationError("-n must be 0 or more") }
            let dataset = try await ParquetLocalSource.resolve(path: file).dataset()
            var remaining = n
            for try await batch in dataset.batches() {
                let shown = batch.slice(0..<min(remaining, batch.numRows))
                print(RecordBatchJSONLines.render(shown), terminator: "")
                remaining -= shown.numRows
                if remaining == 0 { break }
            }
        }
    }

    struct CatCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cat",
            abstract: "Print every row of a file, or of every *.parquet part file under a folder in key order.",
            discussion: """
                A folder is read as a dataset: files and folders starting with _ or . are skipped, and \
                Hive partition folders (name=value) become columns after the files' columns.
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

        @Option(help: "Comma-separated columns to print (partition columns included), in that order.")
        var columns: String?

        func run() async throws {
            let projection = columns.map { $0.split(separator: ",").map { String($0) } }
            let dataset = try await ParquetLocalSource.resolve(path: path).dataset(columns: projection)
            if format == .csv {
                print(RecordBatchCSV.header(dataset.schema), terminator: "")
            }
            for try await batch in dataset.batches() {
                switch format {
                case .jsonl: print(RecordBatchJSONLines.render(batch), terminator: "")
                case .csv: print(RecordBatchCSV.render(batch), terminator: "")
                }
            }
        }
    }
}
