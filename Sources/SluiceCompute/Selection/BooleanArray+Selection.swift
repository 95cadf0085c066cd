import SluiceCore

extension BooleanArray: SelectableArray {
    func taking(_ indices: UnsafeBufferPointer<Int>) throws -> BooleanArray {
        let validity = takeValidity(validity, indices)
        let writer = BitmapWriter(count: indices.count)
        values.withReader { source in
            for (row, index) in indices.enumerated() where index >= 0 && source[index] {
                writer.set(row)
            }
        }
        let bits = writer.finish()
        return try rebuilt { try BooleanArray(values: bits, validity: validity) }
    }

    func filtering(_ selection: BitReader, selectedCount: Int) throws -> BooleanArray {
        let validity = filterValidity(validity, selection, count: count, selectedCount: selectedCount)
        let writer = BitmapWriter(count: selectedCount)
        values.withReader { source in
            var next = 0
            for row in 0..<count where selection[row] {
                if source[row] { writer.set(next) }
                next += 1
            }
        }
        let bits = writer.finish()
        return try rebuilt { try BooleanArray(values: bits, validity: validity) }
    }

    static func concatenating(_ arrays: [BooleanArray]) throws -> BooleanArray {
        let total = arrays.reduce(0) { $0 + $1.count }
        let writer = BitmapWriter(count: total)
        var base = 0
        for array in arrays {
            array.values.withReader { source in
                for row in 0..<array.count where source[row] {
                    writer.set(base + row)
                }
            }
            base += array.count
        }
        let validity = concatenatedValidity(arrays)
        let bits = writer.finish()
        return try rebuilt { try BooleanArray(values: bits, validity: validity) }
    }
}
