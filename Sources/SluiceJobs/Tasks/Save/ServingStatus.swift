import SluiceServing

/// What a save task's serving table holds now (`sluice status`).
public struct ServingStatus: Sendable, Hashable {
    public var task: String
    public var connection: String
    public var table: String
    /// Nil before the first flip.
    public var pointer: ServingPointer?
    /// The load bookkeeping of the table the next load writes.
    public var inactive: TableLoadState?
    /// The newest complete result in the lake.
    public var newestResult: String?
    /// What the store says operators should know (ScyllaDB's auto_snapshot, say).
    public var notes: [String] = []

    /// Whether a complete result newer than the active table's waits to be loaded.
    public var newerResultWaiting: Bool {
        guard let newestResult else { return false }
        guard let pointer else { return true }
        return newestResult > pointer.sourceRun
    }
}
