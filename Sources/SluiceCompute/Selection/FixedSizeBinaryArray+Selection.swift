import SluiceCore

extension FixedSizeBinaryArray: SelectableArray {
    func taking(_ indices: UnsafeBufferPointer<Int>) throws -> FixedSizeBinaryArray {
        let validity = takeValidity(validity, indices)
        let width = byteWidth
        var bytes = MutableBuffer(zeroedByteCount: indices.count * width)
        withUnsafeData { source in
            bytes.withUnsafeMutableBytes { target in
                for (row, index) in indices.enumerated() where index >= 0 {
                    target.baseAddress.unsafelyUnwrapped.advanced(by: row * width).copyMemory(
                        from: source.baseAddress.unsafelyUnwrapped.advanced(by: index * width), byteCount: width)
                }
            }
        }
        let data = bytes.freeze()
        return try rebuilt {
            try FixedSizeBinaryArray(byteWidth: width, count: indices.count, data: data, validity: validity)
        }
    }

    func filtering(_ selection: BitReader, selectedCount: Int) throws -> FixedSizeBinaryArray {
        try filteringByTake(selection, selectedCount: selectedCount)
    }

    static func concatenating(_ arrays: [FixedSizeBinaryArray]) throws -> FixedSizeBinaryArray {
        guard let width = arrays.first?.byteWidth else {
            throw ComputeError(.invalidArgument, "nothing to concatenate")
        }
        let rows = arrays.reduce(0) { $0 + $1.count }
        var bytes = MutableBuffer(capacity: rows * width)
        for array in arrays {
            array.withUnsafeData { bytes.append(bytes: $0) }
        }
        let data = bytes.freeze()
        let validity = concatenatedValidity(arrays)
        return try rebuilt { try FixedSizeBinaryArray(byteWidth: width, count: rows, data: data, validity: validity) }
    }
}
