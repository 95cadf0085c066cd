import Foundation

/// The result-commit protocol: how runs publish results to a prefix and how readers find the
/// newest complete one.
///
/// A run writes `PREFIX/<run-id>/part-NNNNN.parquet` (see `ResultDataset`), then calls
/// `markComplete`, which writes `PREFIX/<run-id>/_SUCCESS` last. Readers only pick runs with the
/// marker, so they never see a half-written result; `prune` deletes a run's marker before its
/// parts, so they never see a half-deleted one either.
public enum ResultCatalog {
    /// The newest run under `prefix` that has a `_SUCCESS` marker, with its part files, or `nil`
    /// if there is none.
    ///
    /// Lists only the run folders (with the delimiter `/`), ignores folders whose names are not
    /// run IDs, and checks markers from the newest run down, stopping at the first complete one.
    /// Throws `StorageError.corruptResult` if that run's parts do not match its manifest.
    public static func newestCompleteResult(in store: any ObjectStore, prefix: String) async throws
        -> CompleteResult?
    {
        let prefix = try ResultDataset.normalize(prefix: prefix)
        for runID in try await runIDs(in: store, normalizedPrefix: prefix).reversed() {
            let dataset = ResultDataset(prefix: prefix, runID: runID)
            if try await store.head(dataset.successMarkerKey) != nil {
                return try await completeResult(dataset, in: store)
            }
        }
        return nil
    }

    /// Every run under `prefix`, newest first, with whether it is complete (one `head` per run).
    public static func runs(in store: any ObjectStore, prefix: String) async throws -> [ResultRun] {
        let prefix = try ResultDataset.normalize(prefix: prefix)
        var runs: [ResultRun] = []
        for runID in try await runIDs(in: store, normalizedPrefix: prefix).reversed() {
            let dataset = ResultDataset(prefix: prefix, runID: runID)
            let isComplete = try await store.head(dataset.successMarkerKey) != nil
            runs.append(ResultRun(dataset: dataset, isComplete: isComplete))
        }
        return runs
    }

    /// Publishes a run whose parts are all written: writes its `_SUCCESS` marker with a
    /// `ResultManifest` of the part files now in the run folder. Call it only after every part
    /// writer has committed. A run without parts is complete and empty; write one part with no rows
    /// if readers need the schema. Returns the manifest written.
    @discardableResult
    public static func markComplete(_ dataset: ResultDataset, in store: any ObjectStore, writtenAt: Date = Date())
        async throws -> ResultManifest
    {
        let parts = try await partFiles(of: dataset, in: store).map { info in
            ResultManifest.Part(
                name: info.key.utf8Dropping(prefix: dataset.runPrefix),
                size: info.size)
        }
        let manifest = ResultManifest(runID: dataset.runID, writtenAt: writtenAt, parts: parts)
        try await store.put(dataset.successMarkerKey, bytes: try manifest.encoded())
        return manifest
    }

    /// Deletes old runs under `prefix`, keeping the `keep` newest complete runs.
    ///
    /// Older complete runs are deleted. An incomplete run is deleted only if it is older than the
    /// oldest kept complete run: a newer one may be a run still writing its parts. With no complete
    /// run, nothing is deleted. Each run loses its `_SUCCESS` marker first, then its other keys,
    /// so a crash midway never leaves a run that looks complete but misses parts.
    ///
    /// Throws `StorageError.invalidRetention` if `keep` is below 1.
    @discardableResult
    public static func prune(in store: any ObjectStore, prefix: String, keep: Int) async throws -> PruneReport {
        guard keep >= 1 else { throw StorageError.invalidRetention(keep: keep) }
        let runs = try await runs(in: store, prefix: prefix)
        let kept = runs.filter(\.isComplete).prefix(keep).map(\.runID)
        var report = PruneReport(keptRuns: Array(kept))
        guard let oldestKept = kept.last else { return report }
        let doomed = runs.reversed().filter { run in
            run.isComplete ? !kept.contains(run.runID) : run.runID < oldestKept
        }
        for run in doomed {
            try await delete(run.dataset, in: store, into: &report)
            report.deletedRuns.append(run.runID)
        }
        return report
    }

    // MARK: Helpers

    /// The run IDs under the prefix, oldest first; other folders and objects are ignored.
    private static func runIDs(in store: any ObjectStore, normalizedPrefix: String) async throws -> [RunID] {
        let listingPrefix = ResultDataset.runsListingPrefix(normalizedPrefix: normalizedPrefix)
        let listing = try await store.listAll(prefix: listingPrefix, delimiter: "/")
        let runIDs = listing.commonPrefixes.compactMap { folder -> RunID? in
            // `PREFIX/<name>/` → `<name>`
            var name = folder.utf8Dropping(prefix: listingPrefix)
            if name.hasSuffix("/") { name.removeLast() }
            return RunID(name)
        }
        return runIDs.sorted()
    }

    /// The part files directly in the run folder, in ascending key order.
    private static func partFiles(of dataset: ResultDataset, in store: any ObjectStore) async throws -> [ObjectInfo] {
        let listing = try await store.listAll(prefix: dataset.runPrefix, delimiter: "/")
        return listing.objects.filter { info in
            ResultDataset.isPartFileName(info.key.utf8Dropping(prefix: dataset.runPrefix))
        }
    }

    /// The complete run's parts, checked against its manifest.
    private static func completeResult(_ dataset: ResultDataset, in store: any ObjectStore) async throws
        -> CompleteResult
    {
        let markerKey = dataset.successMarkerKey
        let marker: [UInt8]
        do {
            marker = try await store.get(markerKey)
        } catch StorageError.notFound {
            // Pruned between the head and the get.
            throw StorageError.corruptResult(
                location: store.displayLocation, key: dataset.runPrefix,
                reason: "its \(ResultDataset.successMarkerName) marker disappeared while reading it (pruned?)")
        }
        let parts = try await partFiles(of: dataset, in: store)
        guard !marker.isEmpty else {
            return CompleteResult(dataset: dataset, parts: parts, manifest: nil)
        }
        let manifest: ResultManifest
        do {
            manifest = try ResultManifest.decode(marker)
        } catch {
            throw StorageError.corruptResult(
                location: store.displayLocation, key: markerKey, reason: "the marker is not a Sluice manifest: \(error)"
            )
        }
        if let problem = mismatch(between: manifest, and: parts, in: dataset) {
            throw StorageError.corruptResult(location: store.displayLocation, key: dataset.runPrefix, reason: problem)
        }
        return CompleteResult(dataset: dataset, parts: parts, manifest: manifest)
    }

    /// Why the listed parts do not match the manifest, or `nil` if they do.
    private static func mismatch(between manifest: ResultManifest, and parts: [ObjectInfo], in dataset: ResultDataset)
        -> String?
    {
        if manifest.runID != dataset.runID {
            return "its manifest is for run \(manifest.runID)"
        }
        let listed = Dictionary(
            parts.map { ($0.key.utf8Dropping(prefix: dataset.runPrefix), $0.size) },
            uniquingKeysWith: { first, _ in first })
        var expected: [String: Int64] = [:]
        for part in manifest.parts {
            expected[part.name] = part.size
            guard let size = listed[part.name] else {
                return "part \(part.name) listed in its manifest is missing"
            }
            if size != part.size {
                return "part \(part.name) has \(size) bytes, its manifest says \(part.size)"
            }
        }
        if let extra = listed.keys.sorted().first(where: { expected[$0] == nil }) {
            return "part \(extra) is not listed in its manifest"
        }
        return nil
    }

    /// Deletes one run: its marker first, then every other key in its folder.
    private static func delete(_ dataset: ResultDataset, in store: any ObjectStore, into report: inout PruneReport)
        async throws
    {
        let markerKey = dataset.successMarkerKey
        if try await store.head(markerKey) != nil {
            try await store.delete(markerKey)
            report.deletedKeys.append(markerKey)
        }
        var keys = try await store.listAll(prefix: dataset.runPrefix).objects.map(\.key)
        // A marker written since the head (a slow run finishing right now) still goes first.
        if let index = keys.firstIndex(of: markerKey) {
            keys.remove(at: index)
            keys.insert(markerKey, at: 0)
        }
        for key in keys {
            try await store.delete(key)
            report.deletedKeys.append(key)
        }
    }
}
