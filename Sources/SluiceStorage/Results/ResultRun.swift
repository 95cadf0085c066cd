/// One run folder found under a result prefix, and whether it is complete (has `_SUCCESS`).
public struct ResultRun: Sendable, Hashable {
    public let dataset: ResultDataset
    /// Whether the `_SUCCESS` marker exists. An incomplete run is still being written, or its
    /// prepare failed.
    public let isComplete: Bool

    public init(dataset: ResultDataset, isComplete: Bool) {
        self.dataset = dataset
        self.isComplete = isComplete
    }

    public var runID: RunID { dataset.runID }
}
