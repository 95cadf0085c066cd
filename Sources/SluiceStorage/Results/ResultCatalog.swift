import Foundation

/// The result-commit protocol: how runs publish results to a prefix and how readers find the
/// newest complete one.
///
/// A run writes `PREFIX/<run-id>/part-NNNNN.parquet` (see `ResultDataset`), then calls
/// `markComplete` with the parts it committed, which checks them against the run folder and
/// writes `PREFIX/<run-id>/_SUCCESS` last. Readers only pick runs with the marker, so they never
/// see a half-written result; `prune` deletes a run's marker before its parts, so they never see
/// a half-deleted one either, and leaves recent incomplete runs alone, as they may still be
/// writing.
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

    /// How long an incomplete run is left alone by `prune` by default, counted from the time in
    /// its run ID: a day, far longer than any prepare is expected to take.
    public static let defaultIncompleteRunGrace: TimeInterval = 24 * 60 * 60

    /// Publishes a run whose parts are all written: checks that the run folder holds exactly the
    /// part files the writer committed, with the sizes it committed, then writes the `_SUCCESS`
    /// marker with a `ResultManifest` of them. Call it only after every part writer has committed.
    /// A run without parts is complete and empty; write one part with no rows if readers need the
    /// schema. Returns the manifest written.
    ///
    /// `parts` are the committed part files, named relative to the run folder (e.g.
    /// `part-00000.parquet`), in any order. The manifest comes from them, not from a listing, so a
    /// stray or half-deleted file can never be published as part of the result.
    ///
    /// Throws `StorageError.corruptResult` naming the part, and writes no marker, if a name is not
    /// a part file name (see `ResultDataset.isPartFileName`) or appears twice, or if the listing
    /// of the run folder shows a committed part missing or with another size, or a part file that
    /// was not committed.
    @discardableResult
    public static func markComplete(
        _ dataset: ResultDataset, parts: [ResultManifest.Part], in store: any ObjectStore, writtenAt: Date = Date()
    ) async throws -> ResultManifest {
        func corrupt(_ reason: String) -> StorageError {
            .corruptResult(location: store.displayLocation, key: dataset.runPrefix, reason: reason)
        }
        var names = Set<String>()
        for part in parts {
            guard ResultDataset.isPartFileName(part.name), !part.name.utf8.contains(UInt8(ascii: "/")) else {
                throw corrupt(
                    "the committed part \(part.name.debugDescription) is not a part file name "
                        + "(a '.parquet' file directly in the run folder, not starting with '.' or '_')")
            }
            guard names.insert(part.name).inserted else {
                throw corrupt("part \(part.name) was committed twice")
            }
        }
        let listed = try await partFiles(of: dataset, in: store)
        switch firstDifference(between: parts, and: listed, in: dataset) {
        case nil:
            break
        case .missing(let name):
            throw corrupt("part \(name) was committed but is not in the run folder")
        case .size(let name, let listedSize, let expectedSize):
            throw corrupt("part \(name) has \(listedSize) bytes in the run folder, but \(expectedSize) were committed")
        case .unexpected(let name):
            throw corrupt("part \(name) is in the run folder but was not committed by this run")
        }
        let sorted = parts.sorted { $0.name.utf8Precedes($1.name) }
        let manifest = ResultManifest(runID: dataset.runID, writtenAt: writtenAt, parts: sorted)
        try await store.put(dataset.successMarkerKey, bytes: try manifest.encoded())
        return manifest
    }

    /// Publishes a run that another writer filled (Spark, through its own output committer): the
    /// part files in the run folder now are the manifest. Only for a writer that commits its parts
    /// into a run folder that did not exist before it started, so that the folder holds exactly
    /// what it committed.
    ///
    /// Throws `StorageError.corruptResult`, and writes no marker, when the folder has no part file.
    @discardableResult
    public static func markCompleteAsListed(
        _ dataset: ResultDataset, in store: any ObjectStore, writtenAt: Date = Date()
    ) async throws -> ResultManifest {
        let parts = try await partFiles(of: dataset, in: store).map { info in
            ResultManifest.Part(name: info.key.utf8Dropping(prefix: dataset.runPrefix), size: info.size)
        }
        guard !parts.isEmpty else {
            throw StorageError.corruptResult(
                location: store.displayLocation, key: dataset.runPrefix, reason: "the writer left no part file")
        }
        return try await markComplete(dataset, parts: parts, in: store, writtenAt: writtenAt)
    }

    /// Deletes old runs under `prefix`, keeping the `keep` newest complete runs.
    ///
    /// - Older complete runs are deleted: each loses its `_SUCCESS` marker first, then its other
    ///   keys, so a crash midway never leaves a run that looks complete but misses parts.
    /// - An incomplete run may be a prepare still writing its parts, so it is deleted only if it
    ///   is older than the oldest kept complete run *and* the time in its run ID is more than
    ///   `incompleteRunGrace` seconds before `now` (a negative grace counts as 0, NaN as forever).
    ///   With no complete run, nothing is deleted.
    /// - A run that was incomplete when listed but has its marker by the time it would be deleted
    ///   finished meanwhile: it is kept, and reported among `keptRuns`.
    ///
    /// A writer still at work on a run past the grace could, in principle, publish it after this
    /// deleted some of its parts. `markComplete` then fails, as it checks the run folder first;
    /// should the marker still get through, the run is older than the kept complete ones, so
    /// `newestCompleteResult` never picks it, and the next prune deletes it as complete.
    ///
    /// Throws `StorageError.invalidRetention` if `keep` is below 1.
    @discardableResult
    public static func prune(
        in store: any ObjectStore, prefix: String, keep: Int,
        incompleteRunGrace: TimeInterval = defaultIncompleteRunGrace, now: Date = Date()
    ) async throws -> PruneReport {
        guard keep >= 1 else { throw StorageError.invalidRetention(keep: keep) }
        let runs = try await runs(in: store, prefix: prefix)
        let kept = Set(runs.filter(\.isComplete).prefix(keep).map(\.runID))
        var report = PruneReport(keptRuns: kept.sorted(by: >))
        guard let oldestKept = kept.min() else { return report }
        let grace = incompleteRunGrace.isNaN ? .infinity : max(0, incompleteRunGrace)
        let doomed = runs.reversed().filter { run in
            if run.isComplete { return !kept.contains(run.runID) }
            return run.runID < oldestKept && now.timeIntervalSince(run.runID.date) > grace
        }
        for run in doomed {
            if try await delete(run, in: store, into: &report) {
                report.deletedRuns.append(run.runID)
            } else {
                report.keptRuns.append(run.runID)
            }
        }
        report.keptRuns.sort(by: >)
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
        switch firstDifference(between: manifest.parts, and: parts, in: dataset) {
        case nil:
            return nil
        case .missing(let name):
            return "part \(name) listed in its manifest is missing"
        case .size(let name, let listedSize, let expectedSize):
            return "part \(name) has \(listedSize) bytes, its manifest says \(expectedSize)"
        case .unexpected(let name):
            return "part \(name) is not listed in its manifest"
        }
    }

    /// How the part files found in a run folder differ from the expected ones.
    private enum PartDifference {
        /// An expected part is not there.
        case missing(String)
        /// A part is there with another size.
        case size(String, listed: Int64, expected: Int64)
        /// A part file is there that was not expected.
        case unexpected(String)
    }

    /// The first difference between the expected parts and those listed, or `nil` if there is none.
    private static func firstDifference(
        between expected: [ResultManifest.Part], and listed: [ObjectInfo], in dataset: ResultDataset
    ) -> PartDifference? {
        let listedSizes = Dictionary(
            listed.map { ($0.key.utf8Dropping(prefix: dataset.runPrefix), $0.size) },
            uniquingKeysWith: { first, _ in first })
        var expectedNames = Set<String>()
        for part in expected {
            expectedNames.insert(part.name)
            guard let size = listedSizes[part.name] else { return .missing(part.name) }
            if size != part.size { return .size(part.name, listed: size, expected: part.size) }
        }
        let unexpected = listedSizes.keys.filter { !expectedNames.contains($0) }
        if let first = unexpected.min(by: { $0.utf8Precedes($1) }) {
            return .unexpected(first)
        }
        return nil
    }

    /// Deletes one run: its marker first, then every other key in its folder. Returns `false`, and
    /// deletes nothing, if the run was listed as incomplete but has a marker now: it finished while
    /// the prune ran.
    private static func delete(_ run: ResultRun, in store: any ObjectStore, into report: inout PruneReport)
        async throws -> Bool
    {
        let markerKey = run.dataset.successMarkerKey
        var keys = try await store.listAll(prefix: run.dataset.runPrefix).objects.map(\.key)
        if let index = keys.firstIndex(where: { $0.utf8Equals(markerKey) }) {
            guard run.isComplete else { return false }
            keys.remove(at: index)
            keys.insert(markerKey, at: 0)
        }
        for key in keys {
            try await store.delete(key)
            report.deletedKeys.append(key)
        }
        return true
    }
}
