/// What `ResultCatalog.prune` kept and deleted.
public struct PruneReport: Sendable, Hashable {
    /// The complete runs kept, newest first.
    public var keptRuns: [RunID] = []
    /// The runs deleted, oldest first.
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
