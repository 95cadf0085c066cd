import SluiceCore

/// One projected top-level field of a `ParquetFileReader`: its schema node and where its leaf
/// columns sit among the reader's `projectedColumns`.
public struct ProjectedField: Sendable {
    /// The field's node in the file's schema tree.
    public let node: SchemaNode
    /// The field's type in the batches.
    public let dataType: DataType
    /// The positions of the field's leaves in `ParquetFileReader.projectedColumns`.
    public let leaves: Range<Int>
    /// For a nested field, the slot level of each leaf (`NestedFieldAssembler.slotLevels(of:)`);
    /// nil for a flat column, which is read whole by `ColumnChunkReader.read(_:)`.
    let slotLevels: [Int]?

    /// Whether the field is a list, map or struct (assembled from its leaves).
    public var isNested: Bool { slotLevels != nil }
}
