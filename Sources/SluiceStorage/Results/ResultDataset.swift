import SluiceCore

/// One run's result in a store: `PREFIX/<run-id>/part-NNNNN.parquet`, made visible by
/// `PREFIX/<run-id>/_SUCCESS`, which is written last (see `ResultCatalog`).
public struct ResultDataset: Sendable, Hashable {
    /// The name of the marker that makes a run complete.
    public static let successMarkerName = "_SUCCESS"

    /// The store-relative prefix that holds the runs, without a trailing `/` (`""` is the root).
    public let prefix: String
    /// The run.
    public let runID: RunID

    /// The run `runID` below `prefix`; `results/job1` and `results/job1/` mean the same.
    ///
    /// The prefix is not validated here (`validate(prefix:)` does that): with an invalid one such
    /// as `../x`, every store call with the dataset's keys throws `StorageError.invalidKey`.
    public init(prefix: String, runID: RunID) {
        self.prefix = Self.trimmed(prefix)
        self.runID = runID
    }

    /// Throws `StorageError.invalidKey` unless `prefix` can hold runs: empty (the store root) or a
    /// valid key, optionally ending with `/`. Config validation can call this before any I/O.
    public static func validate(prefix: String) throws(StorageError) {
        try ObjectKeyRules.validate(keyPrefix: prefix)
    }

    /// `prefix` validated, without its trailing `/`.
    static func normalize(prefix: String) throws(StorageError) -> String {
        try validate(prefix: prefix)
        return trimmed(prefix)
    }

    private static func trimmed(_ prefix: String) -> String {
        // "/" stays "/", to be rejected as absolute rather than read as the store root.
        prefix.utf8.count > 1 && prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
    }

    /// The folder listing prefix that holds every run: `PREFIX/`, or `""` at the root.
    static func runsListingPrefix(normalizedPrefix: String) -> String {
        normalizedPrefix.isEmpty ? "" : normalizedPrefix + "/"
    }

    /// The run's folder, ending with `/`: `PREFIX/<run-id>/`.
    public var runPrefix: String {
        Self.runsListingPrefix(normalizedPrefix: prefix) + runID.description + "/"
    }

    /// The key of part `index` (from 0): `PREFIX/<run-id>/part-00000.parquet`.
    public func partKey(index: Int) -> String {
        precondition(index >= 0, "part indexes start at 0")
        return runPrefix + "part-" + index.zeroPadded(width: 5) + ".parquet"
    }

    /// `PREFIX/<run-id>/_SUCCESS`.
    public var successMarkerKey: String {
        runPrefix + Self.successMarkerName
    }

    /// Whether a file name in a run folder is a part: it ends in `.parquet` and is not hidden
    /// (names starting with `.` or `_`, like temporary files or `_SUCCESS`, are not parts).
    public static func isPartFileName(_ name: some StringProtocol) -> Bool {
        name.hasSuffix(".parquet") && !name.hasPrefix(".") && !name.hasPrefix("_")
    }
}
