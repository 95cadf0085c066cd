import ArgumentParser
import Foundation
import SluiceCore
import SluiceSQL
import SluiceSpark

struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a Spark SQL query over parquet files and folders, in process or on Spark.",
        discussion: """
            Each --view name=PATH makes a parquet file, or a folder of part files (Hive partition \
            folders become columns), a table the query can name. Names are case-insensitive.
            --engine spark runs the query on Spark Connect (--remote, or SPARK_REMOTE); a view's \
            PATH is then a path or URI that Spark can read (a local path becomes file://).
            table: aligned columns. jsonl: one JSON object per row, values as `sluice parquet cat` \
            prints them. csv: a header row, then RFC 4180 rows; a null is an empty field.
            """
    )

    enum Engine: String, ExpressibleByArgument, CaseIterable {
        case local
        case spark
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case jsonl
        case csv
    }

    @Argument(help: "The query; omit it when -f names a file.")
    var sql: String?

    @Option(name: [.customShort("f"), .customLong("file")], help: "Read the query from this file.")
    var file: String?

    @Option(name: .customLong("view"), help: "A view: name=PATH (repeatable).")
    var views: [String] = []

    @Option(help: "Output format: table, jsonl or csv.")
    var format: Format = .table

    @Option(help: "Where the query runs: local (in process) or spark.")
    var engine: Engine = .local

    @Option(help: "The Spark Connect server for --engine spark: sc://host:port (default: SPARK_REMOTE).")
    var remote: String?

    @Flag(help: "Print the logical and physical plans instead of running the query.")
    var explain = false

    @Option(help: "Cores to use (default: all).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .customLong("memory-limit"),
        help: "Fail the query, with a message, when the process holds more than this (e.g. 4GiB, 512m).")
    var memoryLimit: String?

    func validate() throws {
        if (sql == nil) == (file == nil) {
            throw ValidationError("give the query either as an argument or with -f FILE, not both")
        }
        for view in views where !view.contains("=") {
            throw ValidationError("--view needs name=PATH, got '\(view)'")
        }
        if threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let memoryLimit, ByteSizeText.parse(memoryLimit) == nil {
            throw ValidationError("--memory-limit needs a size such as 4GiB or 512m, got '\(memoryLimit)'")
        }
    }

    func run() async throws {
        let text = try queryText()
        if engine == .spark {
            try await runOnSpark(text)
            return
        }
        var catalog = Catalog()
        for view in views {
            let parts = view.split(separator: "=", maxSplits: 1)
            catalog.register(String(parts[0]), try await TableSource.parquet(path: String(parts[1])))
        }
        let engine = QueryEngine(
            options: QueryOptions(threads: threads, memoryLimit: memoryLimit.flatMap(ByteSizeText.parse)))
        if explain {
            print(try engine.explain(sql: text, catalog: catalog), terminator: "")
            return
        }
        switch format {
        case .jsonl:
            for try await batch in try engine.execute(sql: text, catalog: catalog) {
                print(RecordBatchJSONLines.render(batch), terminator: "")
            }
        case .csv:
            let batches = try engine.execute(sql: text, catalog: catalog)
            print(RecordBatchCSV.header(batches.schema), terminator: "")
            for try await batch in batches { print(RecordBatchCSV.render(batch), terminator: "") }
        case .table:
            // The widths depend on every row, so the table is printed once the result is complete.
            let result = try await engine.run(sql: text, catalog: catalog)
            print(RecordBatchTextTable.render(result.schema, result.batches), terminator: "")
        }
    }

    private func runOnSpark(_ text: String) async throws {
        guard let remote = remote ?? ProcessInfo.processInfo.environment["SPARK_REMOTE"] else {
            throw ValidationError("--engine spark needs --remote sc://host:port or SPARK_REMOTE")
        }
        let client = try SparkConnectClient(try SparkConnectURL(remote))
        try await client.closing {
            for view in views {
                let parts = view.split(separator: "=", maxSplits: 1).map(String.init)
                let path = parts[1].contains("://") ? parts[1] : URL(fileURLWithPath: parts[1]).absoluteString
                _ = try await client.execute(SparkPlan.parquetView(parts[0], path: path))
            }
            if explain {
                print(try await client.explain(SparkPlan.sql(text)))
                return
            }
            let result = try await client.execute(SparkPlan.sql(text))
            switch format {
            case .jsonl:
                for batch in result.batches { print(RecordBatchJSONLines.render(batch), terminator: "") }
            case .csv:
                print(RecordBatchCSV.header(result.schema), terminator: "")
                for batch in result.batches { print(RecordBatchCSV.render(batch), terminator: "") }
            case .table:
                print(RecordBatchTextTable.render(result.schema, result.batches), terminator: "")
            }
        }
    }

    private func queryText() throws -> String {
        if let sql { return sql }
        guard let file, let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read the query file '\(file ?? "")'")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
