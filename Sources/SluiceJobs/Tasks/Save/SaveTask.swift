import SluiceCore
import SluiceServing
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
        let (switcher, source) = try await open(in: context)
        let shard = context.options.shard ?? .whole
        if !shard.isWhole, shard.count != shards {
            throw SaveError.shardCountMismatch(task: context.taskName, given: shard, configured: shards)
        }
        let progress = context.startProgress("loading \(target.table)", total: source.rows, unit: .rows)
        let wait = context.options.waitForFlipGap
        var rowsOut: Int64 = 0
        let started = ContinuousClock.now
        if shard.isWhole {
            let outcome = try await switcher.save(source, wait: wait) { progress.advance(by: $0) }
            progress.finish()
            switch outcome {
            case .upToDate(let pointer):
                context.logger.info(
                    "already serving the newest result",
                    metadata: ["active": "\(pointer.activeTable)", "result": "\(pointer.sourceRun)"])
            case .switched(let pointer, _):
                rowsOut = pointer.rowCount
                Self.logRate(rowsOut, since: started, context: context)
                try await prune(in: context)
            }
        } else {
            let outcome = try await switcher.loadShard(source, shard: shard, wait: wait) { progress.advance(by: $0) }
            progress.finish()
            if case .loaded(let table, _, let rows, _) = outcome {
                rowsOut = rows
                Self.logRate(rowsOut, since: started, context: context)
                context.logger.info(
                    "shard loaded; run `sluice switch` once every shard has",
                    metadata: ["table": "\(table)", "shard": "\(shard)", "rows": "\(rows)"])
            }
        }
        return TaskMetrics(
            rowsIn: context.options.shard == nil ? source.rows : rowsOut, rowsOut: rowsOut,
            bytesIn: source.result.totalBytes)
    }

    /// The figure a load is judged by: rows per second over the whole save (claim, load, validate,
    /// flip).
    private static func logRate(_ rows: Int64, since started: ContinuousClock.Instant, context: TaskContext) {
        let seconds = (ContinuousClock.now - started).inSeconds
        context.logger.info(
            "loaded",
            metadata: [
                "rows": "\(rows)", "seconds": "\(ByteCountText.fixed(seconds, 2))",
                "rows/s": "\(seconds > 0 ? Int64(Double(rows) / seconds) : rows)",
            ])
    }

    /// Validates the sharded load of the newest result and flips to it (`sluice switch`).
    public func switchOver(in context: TaskContext) async throws -> SwitchOutcome {
        let (switcher, source) = try await open(in: context)
        let outcome = try await switcher.switchOver(source)
        if case .switched = outcome { try await prune(in: context) }
        return outcome
    }

    /// Flips back to the previous table (`sluice rollback`).
    public func rollback(in context: TaskContext) async throws -> SwitchOutcome {
        let store = try await context.connections.servingStore(named: target.connection)
        return try await switcher(store, context: context).rollback()
    }

    /// What the serving table holds now and whether a newer complete result waits.
    public func status(in context: TaskContext) async throws -> ServingStatus {
        let store = try await context.connections.servingStore(named: target.connection)
        try await store.prepareMetadata()
        let pointer = try await store.pointer(of: target.table)
        let (lake, prefix) = try await context.resolve(input)
        let newest = try await ResultCatalog.newestCompleteResult(in: lake, prefix: prefix)
        let inactive = target.spec.inactiveTable(given: pointer)
        return ServingStatus(
            task: context.taskName, connection: target.connection, table: target.table, pointer: pointer,
            inactive: try await store.loadState(of: inactive), newestResult: newest?.dataset.runID.description,
            notes: await store.operatorNotes())
    }

    private func open(in context: TaskContext) async throws -> (BlueGreenSwitch, LoadSource) {
        let (lake, prefix) = try await context.resolve(input)
        guard let result = try await ResultCatalog.newestCompleteResult(in: lake, prefix: prefix) else {
            throw SaveError.noCompleteResult(location: "\(input.connection):\(prefix)", store: lake.displayLocation)
        }
        context.logger.info(
            "newest complete result",
            metadata: ["result": "\(result.dataset.runID)", "parts": "\(result.parts.count)"]
        )
        let store = try await context.connections.servingStore(named: target.connection)
        return (switcher(store, context: context), try await LoadSource.open(result, in: lake))
    }

    private func switcher(_ store: any ServingStore, context: TaskContext) -> BlueGreenSwitch {
        BlueGreenSwitch(
            store: store, spec: target.spec, validation: validation, timing: store.timing, logger: context.logger)
    }

    /// After a flip, older results are no longer needed beyond `keep_results`.
    private func prune(in context: TaskContext) async throws {
        let (lake, prefix) = try await context.resolve(input)
        let report = try await ResultCatalog.prune(in: lake, prefix: prefix, keep: keepResults)
        if !report.deletedRuns.isEmpty {
            context.logger.info(
                "pruned old results",
                metadata: ["deleted": "\(report.deletedRuns.map(\.description).joined(separator: ", "))"])
        }
    }
}

/// Why a save task could not start.
public enum SaveError: SluiceError, Equatable {
    case noCompleteResult(location: String, store: String)
    case shardCountMismatch(task: String, given: ShardSpec, configured: Int)

    public var category: FailureCategory {
        switch self {
        case .noCompleteResult: .taskFailed
        case .shardCountMismatch: .usage
        }
    }
    public var description: String {
        switch self {
        case .noCompleteResult(let location, let store):
            return "no complete result under \(location) (\(store)): no run folder there has a _SUCCESS marker; "
                + "run the prepare task first"
        case .shardCountMismatch(let task, let given, let configured):
            return "--shard \(given): task \(task) is configured with shards: \(configured); "
                + "use --shard I/\(configured)"
        }
    }
}

extension SaveTask {
    /// The save task behind `task`, for commands that only make sense on one.
    public static func named(_ task: JobTask) throws -> SaveTask {
        guard let save = task.configured as? SaveTask else {
            throw NotASaveTask(task: task.name, kind: task.kind)
        }
        return save
    }
}

/// A serving command (`switch`, `rollback`) named a task of another kind.
public struct NotASaveTask: SluiceError, Equatable {
    public var task: String
    public var kind: String

    public var category: FailureCategory { .usage }
    public var description: String { "task \(task) is a \(kind) task; this command needs a save task" }
}
