import Foundation
import Logging
import SluiceCore

/// The save pattern, the same for every store: load the inactive physical table, validate it,
/// then flip the pointer with a compare-and-set, so readers only ever see a complete table.
///
/// The active table is never written. A loader that dies anywhere before the flip leaves the
/// pointer and the active table as they were; the next run claims the inactive table again.
public struct BlueGreenSwitch: Sendable {
    public let store: any ServingStore
    public let spec: ServingTableSpec
    public let validation: LoadValidation
    public let timing: ServingTiming
    public let logger: Logger

    public init(
        store: any ServingStore, spec: ServingTableSpec, validation: LoadValidation = LoadValidation(),
        timing: ServingTiming = .defaults, logger: Logger
    ) {
        self.store = store
        self.spec = spec
        self.validation = validation
        self.timing = timing
        self.logger = logger
    }

    /// Loads the whole result, validates it and flips: the save task without shards.
    ///
    /// - Parameter wait: inside the post-flip gap, wait for it to pass instead of failing.
    public func save(_ source: LoadSource, wait: Bool, onRows: @Sendable (Int64) -> Void = { _ in }) async throws
        -> SwitchOutcome
    {
        try await store.prepareMetadata()
        let lock = try await store.acquireLoadLock(spec.table)
        do {
            let outcome = try await loadHoldingLock(source, shard: .whole, wait: wait, lock: lock, onRows: onRows)
            let result: SwitchOutcome
            if case .upToDate(let pointer) = outcome {
                result = .upToDate(pointer)
            } else {
                result = try await switchHoldingLock(source, lock: lock)
            }
            await lock.release()
            return result
        } catch {
            await lock.release()
            throw error
        }
    }

    /// Loads one shard's part files into the inactive table; `switchOver` flips once all shards
    /// have reported. Running a shard again rewrites the same rows.
    public func loadShard(
        _ source: LoadSource, shard: ShardSpec, wait: Bool, onRows: @Sendable (Int64) -> Void = { _ in }
    ) async throws -> ShardOutcome {
        try await store.prepareMetadata()
        let lock = try await store.acquireLoadLock(
            shard.isWhole ? spec.table : "\(spec.table).shard-\(shard.index)-of-\(shard.count)")
        do {
            let outcome = try await loadHoldingLock(source, shard: shard, wait: wait, lock: lock, onRows: onRows)
            await lock.release()
            return outcome
        } catch {
            await lock.release()
            throw error
        }
    }

    /// Validates the loaded inactive table and flips the pointer to it, once every shard of the
    /// load of `source` has reported.
    public func switchOver(_ source: LoadSource) async throws -> SwitchOutcome {
        try await store.prepareMetadata()
        let lock = try await store.acquireLoadLock(spec.table)
        do {
            let outcome = try await switchHoldingLock(source, lock: lock)
            await lock.release()
            return outcome
        } catch {
            await lock.release()
            throw error
        }
    }

    /// Flips the pointer back to the other table, which still holds the previous load.
    public func rollback() async throws -> SwitchOutcome {
        try await store.prepareMetadata()
        let lock = try await store.acquireLoadLock(spec.table)
        do {
            guard let pointer = try await store.pointer(of: spec.table) else {
                throw ServingError.rollbackUnavailable(table: spec.table, detail: "no load has been switched in yet")
            }
            let other = spec.inactiveTable(given: pointer)
            guard let state = try await store.loadState(of: other), state.phase == .ready else {
                throw ServingError.rollbackUnavailable(
                    table: spec.table,
                    detail: "\(other) holds no complete load (never loaded, or a load into it has started since)")
            }
            let now = Date.nowToTheMillisecond
            let flipped = ServingPointer(
                table: spec.table, activeTable: other, version: pointer.version + 1, loadedAt: state.updatedAt,
                switchedAt: now, sourceRun: state.sourceRun, rowCount: state.rowCount)
            try lock.checkHeld()
            try await flip(to: flipped, from: pointer)
            logger.info(
                "rolled back",
                metadata: ["table": "\(spec.table)", "active": "\(other)", "version": "\(flipped.version)"])
            await lock.release()
            return .switched(to: flipped, from: pointer)
        } catch {
            await lock.release()
            throw error
        }
    }

    /// The schema the result maps to in this store.
    public func servingSchema(for source: LoadSource) throws -> ServingSchema {
        let fields = source.schema.fields
        func column(_ name: String) throws -> ServingColumn {
            guard let field = fields.first(where: { $0.name == name }) else {
                throw ServingError.missingColumn(table: spec.table, column: name, resultColumns: fields.map(\.name))
            }
            return ServingColumn(
                name: name, storeType: try store.storeType(for: field, override: spec.typeOverrides[name]))
        }
        return ServingSchema(keyColumns: try spec.key.map(column), valueColumns: try spec.values.map(column))
    }

    private func loadHoldingLock(
        _ source: LoadSource, shard: ShardSpec, wait: Bool, lock: any LoadLock, onRows: @Sendable (Int64) -> Void
    ) async throws -> ShardOutcome {
        let schema = try servingSchema(for: source)
        let runID = source.runID
        var pointer = try await store.pointer(of: spec.table)
        if let pointer, pointer.sourceRun == runID { return .upToDate(pointer) }
        var target = spec.inactiveTable(given: pointer)
        var claim: LoadClaim?
        while claim == nil {
            let state = try await store.loadState(of: target)
            if state?.isSameLoad(sourceRun: runID, shardCount: shard.count, schema: schema) != true,
                let served = pointer, state?.phase == .ready
            {
                // The table was served before the last flip: readers may still be on it.
                try await waitOutFlipGap(after: served, retiring: target, wait: wait)
                // Someone may have flipped while this loader waited: start over from the new pointer.
                let current = try await store.pointer(of: spec.table)
                if current != served {
                    if let current, current.sourceRun == runID { return .upToDate(current) }
                    pointer = current
                    target = spec.inactiveTable(given: current)
                    continue
                }
            }
            claim = try await store.claimLoad(
                TableLoadState(
                    physicalTable: target, table: spec.table, sourceRun: runID, shardCount: shard.count,
                    phase: .loading, schema: schema, rowCount: 0, updatedAt: .nowToTheMillisecond))
        }
        var replaced: ServingSchema?
        if case .started(let replacedSchema) = claim {
            replaced = replacedSchema
            if let replacedSchema {
                logger.notice(
                    "schema changed: recreated the inactive table",
                    metadata: ["table": "\(target)", "change": "\(schema.differences(from: replacedSchema))"])
            }
        }
        logger.info(
            "loading",
            metadata: [
                "table": "\(target)", "result": "\(runID)", "shard": "\(shard)",
                "claim": "\(claim == .joined ? "joined" : "started")",
            ])
        let rows = try await write(source, shard: shard, into: target, schema: schema, lock: lock, onRows: onRows)
        try lock.checkHeld()
        try await store.recordShard(
            ShardReport(
                physicalTable: target, sourceRun: runID, shard: shard.index, shardCount: shard.count, rows: rows,
                finishedAt: .nowToTheMillisecond))
        return .loaded(physicalTable: target, shard: shard, rows: rows, replacedSchema: replaced)
    }

    private func write(
        _ source: LoadSource, shard: ShardSpec, into table: String, schema: ServingSchema, lock: any LoadLock,
        onRows: @Sendable (Int64) -> Void
    ) async throws -> Int64 {
        let columns = schema.columns.map(\.name)
        let projected = Schema(columns.compactMap { name in source.schema.fields.first { $0.name == name } })
        let writer = try await store.makeWriter(physicalTable: table, schema: schema, resultSchema: projected)
        do {
            for part in source.parts(of: shard) {
                for try await batch in try await source.batches(of: part, columns: columns) {
                    try lock.checkHeld()
                    try await writer.write(batch)
                    onRows(Int64(batch.numRows))
                }
            }
            return try await writer.finish()
        } catch {
            await writer.abort()
            throw error
        }
    }

    private func waitOutFlipGap(after pointer: ServingPointer, retiring table: String, wait: Bool) async throws {
        let readyAt = pointer.switchedAt.addingTimeInterval(timing.flipGap)
        let remaining = readyAt.timeIntervalSinceNow
        guard remaining > 0 else { return }
        guard wait else {
            throw ServingError.insideFlipGap(table: spec.table, retiredTable: table, readyAt: readyAt)
        }
        logger.notice(
            "waiting for readers to leave the retired table",
            metadata: ["table": "\(table)", "seconds": "\(String(format: "%.1f", remaining))"])
        try await Task.sleep(for: .milliseconds(Int((remaining * 1000).rounded(.up))))
    }

    private func switchHoldingLock(_ source: LoadSource, lock: any LoadLock) async throws -> SwitchOutcome {
        let runID = source.runID
        let pointer = try await store.pointer(of: spec.table)
        if let pointer, pointer.sourceRun == runID { return .upToDate(pointer) }
        let target = spec.inactiveTable(given: pointer)
        guard let state = try await store.loadState(of: target), state.sourceRun == runID, state.phase == .loading
        else {
            throw ServingError.nothingToSwitch(
                table: spec.table,
                detail: "\(target) holds no load of the newest result \(runID); run the save task first")
        }
        let reports = try await store.shardReports(of: target, sourceRun: runID)
        let reported = Set(reports.filter { $0.shardCount == state.shardCount }.map(\.shard))
        let missing = (1...state.shardCount).filter { !reported.contains($0) }
        guard missing.isEmpty else {
            throw ServingError.shardsMissing(
                table: spec.table, sourceRun: runID, missing: missing, shardCount: state.shardCount)
        }
        let rows = try await validate(target, state: state, source: source, active: pointer)
        let now = Date.nowToTheMillisecond
        var ready = state
        ready.phase = .ready
        ready.rowCount = rows
        ready.updatedAt = now
        try await store.updateLoadState(ready)
        let flipped = ServingPointer(
            table: spec.table, activeTable: target, version: (pointer?.version ?? 0) + 1, loadedAt: now,
            switchedAt: now, sourceRun: runID, rowCount: rows)
        try lock.checkHeld()
        try await flip(to: flipped, from: pointer)
        logger.info(
            "switched",
            metadata: [
                "table": "\(spec.table)", "active": "\(target)", "version": "\(flipped.version)", "rows": "\(rows)",
            ])
        return .switched(to: flipped, from: pointer)
    }

    private func flip(to new: ServingPointer, from old: ServingPointer?) async throws {
        guard try await store.compareAndSetPointer(new, expectedVersion: old?.version) else {
            let found = try await store.pointer(of: spec.table)
            throw ServingError.lostRace(table: spec.table, expectedVersion: old?.version, foundVersion: found?.version)
        }
    }

    /// Returns the table's row count, or throws with every reason to refuse it.
    private func validate(
        _ table: String, state: TableLoadState, source: LoadSource, active: ServingPointer?
    ) async throws -> Int64 {
        var reasons: [String] = []
        let rows = try await store.rowCount(of: table)
        let expected = source.rows
        if rows != expected {
            let hint = rows < expected ? " (duplicate keys in the result?)" : ""
            reasons.append("\(table) has \(rows) rows but result \(source.runID) has \(expected)\(hint)")
        }
        if rows < Int64(validation.minRows) {
            reasons.append("\(rows) rows is below min_rows \(validation.minRows)")
        }
        if let limit = validation.maxRowChange, let active, active.rowCount > 0 {
            let change = abs(Double(rows - active.rowCount)) / Double(active.rowCount)
            if change > limit {
                reasons.append(
                    "row count changed by \(Int((change * 100).rounded()))% (\(active.rowCount) -> \(rows)), "
                        + "more than max_row_change \(Int((limit * 100).rounded()))%")
            }
        }
        let columns = try await store.columns(of: table)
        if columns.map({ $0.hasSameColumns(as: state.schema) }) != true {
            reasons.append(
                "\(table) has columns \(columns.map(\.description) ?? "none"), expected \(state.schema)")
        }
        guard reasons.isEmpty else {
            throw ServingError.validationRefused(table: spec.table, physicalTable: table, reasons: reasons)
        }
        return rows
    }
}
