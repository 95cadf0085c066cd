/// A column given as codes into an array of values (Arrow's dictionary encoding): row `i` is
/// `values.array[codes[i]]`, and is null exactly when its code is null. Repeated values are stored
/// once, so taking rows copies 4-byte codes instead of the values, and grouping on the column can work
/// on the codes.
///
/// The engine uses it between operators for a join's low-cardinality dimension strings; code that
/// does not know it decodes it (SluiceCompute's `decoded()`) first. `dataType` is the values' type.
public struct DictionaryArray: ColumnArray {
    /// An index into `values.array` per row; null rows have a null code.
    public let codes: Int32Array
    public let values: DictionaryValues

    /// - Throws: `ColumnarError.invalidBuffer` when a valid code is outside the values.
    public init(codes: Int32Array, values: DictionaryValues) throws {
        let range = Int32(0)..<Int32(clamping: values.array.count)
        let outside = codes.withUnsafeValues { codeValues in
            codeValues.indices.first { !range.contains(codeValues[$0]) && !codes.isNull($0) }
        }
        if let outside {
            throw ColumnarError.invalidBuffer(
                "dictionary code \(codes.value(at: outside)) at row \(outside) is outside the "
                    + "\(values.array.count) values")
        }
        self.init(unchecked: codes, values: values)
    }

    /// Codes known to be inside the values (a take or filter of valid codes).
    public init(unchecked codes: Int32Array, values: DictionaryValues) {
        self.codes = codes
        self.values = values
    }

    public var dataType: DataType { values.array.dataType }
    public var count: Int { codes.count }
    public var validity: ValidityBitmap? { codes.validity }

    public func slice(_ range: Range<Int>) -> DictionaryArray {
        DictionaryArray(unchecked: codes.slice(range), values: values)
    }

    /// Row by row against the other array's values, whatever its encoding.
    public func isEqual(to other: any ColumnArray) -> Bool {
        guard hasSameShape(as: other) else { return false }
        for row in 0..<count where !isNull(row) {
            let code = Int(codes.value(at: row))
            let mine = values.array.slice(code..<code + 1)
            let theirs: any ColumnArray
            if let other = other as? DictionaryArray {
                let otherCode = Int(other.codes.value(at: row))
                theirs = other.values.array.slice(otherCode..<otherCode + 1)
            } else {
                theirs = other.slice(row..<row + 1)
            }
            if !mine.isEqual(to: theirs) { return false }
        }
        return true
    }

    public var description: String {
        describe { row in describeElement(of: values.array, at: Int(codes.value(at: row))) }
    }
}

/// The values of one dictionary, shared by reference: arrays that hold the same instance have
/// comparable codes, which lets concatenation and grouping keep working on codes.
public final class DictionaryValues: Sendable {
    public let array: any ColumnArray

    public init(_ array: any ColumnArray) {
        self.array = array
    }
}
