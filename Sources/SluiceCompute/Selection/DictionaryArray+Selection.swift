import SluiceCore

extension DictionaryArray: SelectableArray {
    func taking(_ indices: UnsafeBufferPointer<Int>) throws -> DictionaryArray {
        DictionaryArray(unchecked: try codes.taking(indices), values: values)
    }

    func filtering(_ selection: BitReader, selectedCount: Int) throws -> DictionaryArray {
        DictionaryArray(unchecked: try codes.filtering(selection, selectedCount: selectedCount), values: values)
    }

    /// Arrays of one dictionary concatenate their codes; otherwise the dictionaries are laid end to end
    /// and each array's codes shifted past the ones before.
    static func concatenating(_ arrays: [DictionaryArray]) throws -> DictionaryArray {
        guard let first = arrays.first else { throw ComputeError(.invalidArgument, "nothing to concatenate") }
        let codes = try Int32Array.concatenating(arrays.map(\.codes))
        if arrays.allSatisfy({ $0.values === first.values }) {
            return DictionaryArray(unchecked: codes, values: first.values)
        }
        let values = try concatenate(arrays.map(\.values.array))
        guard values.count <= Int(Int32.max) else {
            throw ComputeError(.invalidArgument, "the concatenated dictionaries exceed \(Int32.max) values")
        }
        var shifts: [Int32] = []
        var base: Int32 = 0
        for array in arrays {
            shifts.append(contentsOf: repeatElement(base, count: array.count))
            base += Int32(array.values.array.count)
        }
        let shifted = codes.withUnsafeValues { codeValues in
            Int32Array(count: codes.count, validity: codes.validity) { target in
                for row in target.indices { target[row] = codeValues[row] &+ shifts[row] }
            }
        }
        return DictionaryArray(unchecked: shifted, values: DictionaryValues(values))
    }
}

extension DictionaryArray {
    /// The same rows as a plain array of the values' type.
    public func decoded() throws -> any ColumnArray {
        let indices = codes.withUnsafeValues { codeValues in
            (0..<count).map { codes.isNull($0) ? -1 : Int(codeValues[$0]) }
        }
        return try take(values.array, indices)
    }
}

/// `array`, decoded when it is dictionary-encoded: for kernels that work on plain layouts.
public func decodingDictionary(_ array: any ColumnArray) throws -> any ColumnArray {
    guard let dictionary = array as? DictionaryArray else { return array }
    return try dictionary.decoded()
}
