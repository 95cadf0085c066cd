import Foundation
import SluiceCore
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
        _ = try sql.render(context.date.templateVariables)
        switch context.project.engine {
        case .local:
            throw NotAvailableYet("the local SQL engine (SluiceSQL) to run \(sqlFile.lastPathComponent)")
        case .spark(let remote):
            throw NotAvailableYet("the Spark Connect engine (SluiceSpark) for \(EngineConfig.redacted(remote))")
        }
    }
}
