import SluiceCore

/// One leaf column of one batch, shredded into the levels and values a column chunk stores.
///
/// Level `i` has a definition level (`definitionLevels[i]`, or `maxDefinitionLevel` when the array
/// is nil) and a repetition level (0 when nil; the chunk writer ignores it for a leaf outside any
/// list). The levels equal to the maximum definition level
/// carry a value: the `k`-th of them is `values[valueIndices[k]]`, or `values[k]` when
/// `valueIndices` is nil.
struct ShreddedLeaf {
    /// The leaf's array (for nested columns the innermost child array, unsliced).
    let values: any ColumnArray
    let definitionLevels: [UInt16]?
    let repetitionLevels: [UInt16]?
    let valueIndices: [Int32]?
    /// The number of levels (entries of the column chunk).
    let levelCount: Int
    /// The number of levels that carry a value.
    let valueCount: Int
}
