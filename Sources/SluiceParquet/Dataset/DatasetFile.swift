import SluiceStorage

/// One part file of a `ParquetDataset`: the object, how messages name it, and its partition
/// values (one per `ParquetDataset.partitionFields`, nil for a null partition).
public struct DatasetFile: Sendable, Hashable {
    public let object: ObjectInfo
    /// How errors name the file.
    public let name: String
    public let partitionValues: [PartitionValue?]

    public init(object: ObjectInfo, name: String, partitionValues: [PartitionValue?]) {
        self.object = object
        self.name = name
        self.partitionValues = partitionValues
    }

    public var key: String { object.key }
}
