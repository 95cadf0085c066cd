/// Encodes the values of one leaf column chunk, PLAIN or as dictionary indices, and keeps its
/// statistics. One encoder per column chunk; the chunk writer hands it each batch's values with
/// `setValues` and then the positions of each page's values.
protocol LeafValueEncoder {
    /// Whether the column can be dictionary encoded.
    static var supportsDictionary: Bool { get }
    /// Takes the values of the next batch.
    mutating func setValues(_ values: PhysicalValues) throws(ParquetError)
    /// Appends the values at `positions` PLAIN.
    mutating func appendPlain(_ positions: ValuePositions, to output: inout [UInt8])
    /// Ends the PLAIN values of a page (booleans pack their bits here; others wrote them already).
    mutating func finishPlainPage(into output: inout [UInt8])
    /// Appends the dictionary index of each value at `positions`, adding new entries.
    mutating func appendIndices(_ positions: ValuePositions, to indices: inout [UInt32])
    /// Folds the values at `positions` into the chunk's minimum and maximum.
    mutating func updateStatistics(_ positions: ValuePositions)
    /// The number of dictionary entries.
    var dictionaryCount: Int { get }
    /// The size of the dictionary page before compression.
    var dictionaryByteSize: Int { get }
    /// The dictionary page body: the entries PLAIN.
    func dictionaryPage() -> [UInt8]
    /// The PLAIN-encoded minimum and maximum (nil when no value counted), and whether the column's
    /// sort order is signed (then the deprecated `min`/`max` fields are written too).
    func minMax() -> (min: [UInt8], max: [UInt8])?
    var isSignedOrder: Bool { get }
}

extension LeafValueEncoder {
    mutating func finishPlainPage(into output: inout [UInt8]) {}
}
