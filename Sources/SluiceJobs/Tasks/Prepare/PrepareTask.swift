import Foundation
import SluiceCore
import SluiceParquet
import SluiceSQL
import SluiceSpark
import SluiceStorage

/// A configured prepare task.
public struct PrepareTask: ConfiguredTask {
    public var sources: [SourceView]
    public var sqlFile: URL
    public var sql: Template
    public var output: LakeLocation

    public var reads: [String] { sources.map(\.location.description) }
    public var writes: [String] { [output.description] }

    public func plan(in context: TaskContext) async throws -> [PlanStep] {
        var steps = [PlanStep("engine", context.project.engine.description)]
        for source in sources {
            let (store, prefix) = try await context.resolve(source.location)
            let size = try await PrefixSize.measure(store: store, prefix: prefix, context: context)
            steps.append(PlanStep("read", "\(source.name) <- \(source.location.connection):\(prefix) (\(size))"))
        }
        let rendered = try sql.render(context.date.templateVariables)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: true).count
        steps.append(PlanStep("sql", "jobs/\(context.job.name)/\(sqlFile.lastPathComponent) (\(lines) lines)"))
        let dataset = ResultDataset(prefix: try output.prefix(for: context.date), runID: context.runID)
        steps.append(
            PlanStep(
                "write",
                "\(output.connection):\(dataset.runPrefix)part-*.parquet, then \(ResultDataset.successMarkerName)"
            )
        )
        return steps
    }

    public func run(in context: TaskContext) async throws -> TaskMetrics {
        let rendered = try sql.render(context.date.templateVariables)
        switch context.project.engine {
        case .local(let options):
            return try await runLocally(rendered, options: options, in: context)
        case .spark(let url):
            return try await runOnSpark(rendered, url: url, in: context)
        }
    }
}

extension PrepareTask {
    /// Runs the SQL in process over the sources and writes the result run, marker last.
    private func runLocally(_ rendered: String, options: QueryOptions, in context: TaskContext) async throws
        -> TaskMetrics
    {
        var catalog = Catalog()
        var bytesIn: Int64 = 0
        for source in sources {
            let (store, prefix) = try await context.resolve(source.location)
            let table = try await TableSource.parquet(store: store, prefix: prefix)
            catalog.register(source.name, table)
            // The part files' bytes, from the listing the view already made.
            bytesIn += table.estimatedBytes
        }
        let batches: QueryBatches
        do {
            batches = try QueryEngine(options: options).execute(sql: rendered, catalog: catalog)
        } catch let error as SQLSyntaxError {
            throw error.at(file: "jobs/\(context.job.name)/\(sqlFile.lastPathComponent)")
        }
        let (store, prefix) = try await context.resolve(output)
        let dataset = ResultDataset(prefix: prefix, runID: context.runID)
        let written = try await ResultPartWriter(dataset: dataset, store: store, schema: batches.schema)
            .write(batches)
        return TaskMetrics(rowsIn: 0, rowsOut: written.rows, bytesIn: bytesIn, bytesOut: written.bytes)
    }
}
