/// A run whose `_SUCCESS` marker exists, with its part files.
public struct CompleteResult: Sendable, Hashable {
    /// The run.
    public let dataset: ResultDataset
    /// The part files, in ascending key order.
    public let parts: [ObjectInfo]
    /// The marker's manifest, or `nil` if the marker is empty (written by another tool).
    public let manifest: ResultManifest?

    public init(dataset: ResultDataset, parts: [ObjectInfo], manifest: ResultManifest?) {
        self.dataset = dataset
        self.parts = parts
        self.manifest = manifest
    }

    /// The number of part files.
    public var partCount: Int { parts.count }

    /// The parts' total size in bytes.
    public var totalBytes: Int64 { parts.reduce(0) { $0 + $1.size } }
}
