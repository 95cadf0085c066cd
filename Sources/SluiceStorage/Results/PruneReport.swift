/// What `ResultCatalog.prune` kept and deleted.
public struct PruneReport: Sendable, Hashable {
    /// The complete runs kept, newest first. Besides the `keep` newest, this includes any older run
    /// that was incomplete when listed but finished (got its marker) while the prune ran.
    public var keptRuns: [RunID] = []
    /// The runs deleted, oldest first. Incomplete runs that were not deleted appear in neither list.
    public var deletedRuns: [RunID] = []
    /// Every key deleted, in the order it was deleted: for each run its `_SUCCESS` marker (if it
    /// had one) comes before its parts.
    public var deletedKeys: [String] = []

    public init(keptRuns: [RunID] = [], deletedRuns: [RunID] = [], deletedKeys: [String] = []) {
        self.keptRuns = keptRuns
        self.deletedRuns = deletedRuns
        self.deletedKeys = deletedKeys
    }
}
