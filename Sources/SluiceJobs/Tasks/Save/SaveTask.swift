import SluiceCore
import SluiceStorage

/// A configured save task.
public struct SaveTask: ConfiguredTask {
    public var input: LakeLocation
    public var target: ServingTarget
    public var validation: LoadValidation
    public var shards: Int
    public var keepResults: Int

    public var reads: [String] { [input.description] }
    public var writes: [String] { ["\(target.connection):\(target.table)"] }

    public func plan(in context: TaskContext) async throws -> [PlanStep] {
        let (store, prefix) = try await context.resolve(input)
        let newest = try await ResultCatalog.newestCompleteResult(in: store, prefix: prefix)
        let source =
            newest.map { "\($0.dataset.runID) (\($0.parts.count) parts, \(ByteCountText.format($0.totalBytes)))" }
            ?? "none yet"
        let columns = "key (\(target.key.joined(separator: ", "))), values (\(target.values.joined(separator: ", ")))"
        var steps = [
            PlanStep("read", "newest complete result under \(input.connection):\(prefix): \(source)"),
            PlanStep(
                "load",
                "\(target.connection): the inactive one of \(target.physicalTables.joined(separator: " / ")), \(columns)"
            ),
        ]
        if shards > 1 {
            steps.append(PlanStep("shards", "\(shards) parallel loads (--shard I/\(shards)), then `sluice switch`"))
        }
        steps += [
            PlanStep("validate", validation.summary),
            PlanStep("flip", "pointer of \(target.table) to the loaded table (compare-and-set on its version)"),
            PlanStep("prune", "keep the \(keepResults) newest complete results under \(input.connection):\(prefix)"),
        ]
        return steps
    }

    public func run(in context: TaskContext) async throws -> TaskMetrics {
        let (store, prefix) = try await context.resolve(input)
        guard let result = try await ResultCatalog.newestCompleteResult(in: store, prefix: prefix) else {
            throw SaveError.noCompleteResult(location: "\(input.connection):\(prefix)", store: store.displayLocation)
        }
        context.logger.info(
            "newest complete result",
            metadata: ["result": "\(result.dataset.runID)", "parts": "\(result.parts.count)"]
        )
        _ = try await context.connections.client(named: target.connection)
        throw NotAvailableYet("the blue/green load into \(target.connection) (SluiceServing)")
    }
}

/// Why a save task could not start.
public enum SaveError: SluiceError, Equatable {
    case noCompleteResult(location: String, store: String)

    public var category: FailureCategory { .taskFailed }
    public var description: String {
        switch self {
        case .noCompleteResult(let location, let store):
            return "no complete result under \(location) (\(store)): no run folder there has a _SUCCESS marker; "
                + "run the prepare task first"
        }
    }
}
