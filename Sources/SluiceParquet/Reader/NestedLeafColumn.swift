import SluiceCore

/// One chunk of a leaf column inside a list, map or struct, decoded for record assembly: the
/// repetition and definition level of every entry, and the leaf's values as an array with one slot
/// per instance of the leaf (nulls included, entries under a missing list left out).
struct NestedLeafColumn: Sendable {
    let descriptor: ColumnDescriptor
    /// One repetition level per entry (all 0 outside any list).
    let repetitionLevels: [UInt8]
    /// One definition level per entry.
    let definitionLevels: [UInt8]
    /// The leaf's values: one slot per entry whose definition level reaches the leaf's slot level.
    let values: any ColumnArray
}
