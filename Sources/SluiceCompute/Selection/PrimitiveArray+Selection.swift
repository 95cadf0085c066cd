import SluiceCore

extension PrimitiveArray: SelectableArray {
    func taking(_ indices: UnsafeBufferPointer<Int>) throws -> PrimitiveArray<T> {
        let validity = takeValidity(validity, indices)
        return withUnsafeValues { source in
            PrimitiveArray(count: indices.count, dataType: dataType, validity: validity) { target in
                guard !source.isEmpty else {
                    // Only negative indices can be taken from an empty array: every row is null.
                    UnsafeMutableRawBufferPointer(target).initializeMemory(as: UInt8.self, repeating: 0)
                    return
                }
                for (row, index) in indices.enumerated() {
                    // A negative index reads slot 0's bits; the row is null anyway.
                    target[row] = source[index < 0 ? 0 : index]
                }
            }
        }
    }

    func filtering(_ selection: BitReader, selectedCount: Int) throws -> PrimitiveArray<T> {
        let validity = filterValidity(validity, selection, count: count, selectedCount: selectedCount)
        let count = count
        return withUnsafeValues { source in
            PrimitiveArray(count: selectedCount, dataType: dataType, validity: validity) { target in
                guard selectedCount > 0 else { return }
                var lastRow = count - 1
                while !selection[lastRow] { lastRow -= 1 }
                // Branch-free: always write, advance only when selected. Up to the last selected row the
                // write position is at most selectedCount - 1.
                var next = 0
                for row in 0...lastRow {
                    target[next] = source[row]
                    next &+= selection[row] ? 1 : 0
                }
            }
        }
    }

    static func concatenating(_ arrays: [PrimitiveArray<T>]) throws -> PrimitiveArray<T> {
        let total = arrays.reduce(0) { $0 + $1.count }
        let dataType = arrays.first?.dataType ?? T.defaultDataType
        return PrimitiveArray(count: total, dataType: dataType, validity: concatenatedValidity(arrays)) { target in
            var base = 0
            for array in arrays {
                array.withUnsafeValues { source in
                    guard let from = source.baseAddress, let to = target.baseAddress else { return }
                    (to + base).update(from: from, count: source.count)
                }
                base += array.count
            }
        }
    }
}
