import ArgumentParser
import SluiceParquet

struct ParquetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parquet",
        abstract: "Inspect parquet files.",
        subcommands: [SchemaCommand.self, MetaCommand.self]
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
}
