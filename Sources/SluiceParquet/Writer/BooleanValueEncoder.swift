import SluiceCore

/// The values of a BOOLEAN column chunk: always PLAIN (bit-packed), as pyarrow writes them.
struct BooleanValueEncoder: LeafValueEncoder {
    static var supportsDictionary: Bool { false }

    private var values = BitBuffer(repeating: false, count: 0)
    private var sawFalse = false
    private var sawTrue = false
    /// Bits of the PLAIN run not yet written: PLAIN booleans pack across calls within a page.
    private var pending: [Bool] = []

    mutating func setValues(_ values: PhysicalValues) throws(ParquetError) {
        guard case .boolean(let bits) = values else {
            throw ParquetError(.unsupported, "values do not match the column's BOOLEAN type")
        }
        self.values = bits
    }

    mutating func appendPlain(_ positions: ValuePositions, to output: inout [UInt8]) {
        // Booleans are packed per page by `finishPlainPage`; collect them here.
        let values = values
        pending.reserveCapacity(pending.count + positions.count)
        positions.forEachSlot { slot in pending.append(values[slot]) }
    }

    /// Packs the booleans collected for the page into `output`.
    mutating func finishPlainPage(into output: inout [UInt8]) {
        pending.withUnsafeBufferPointer { PlainEncoder.encode($0, into: &output) }
        pending.removeAll(keepingCapacity: true)
    }

    mutating func appendIndices(_ positions: ValuePositions, to indices: inout [UInt32]) {
        preconditionFailure("BOOLEAN columns are not dictionary encoded")
    }

    mutating func updateStatistics(_ positions: ValuePositions) {
        let values = values
        var sawFalse = self.sawFalse
        var sawTrue = self.sawTrue
        positions.forEachSlot { slot in
            if values[slot] { sawTrue = true } else { sawFalse = true }
        }
        self.sawFalse = sawFalse
        self.sawTrue = sawTrue
    }

    var dictionaryCount: Int { 0 }
    var dictionaryByteSize: Int { 0 }
    func dictionaryPage() -> [UInt8] { [] }

    func minMax() -> (min: [UInt8], max: [UInt8])? {
        guard sawFalse || sawTrue else { return nil }
        return ([sawFalse ? 0 : 1], [sawTrue ? 1 : 0])
    }

    var isSignedOrder: Bool { true }
}
