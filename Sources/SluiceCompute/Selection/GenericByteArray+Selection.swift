import SluiceCore

extension GenericByteArray: SelectableArray {
    func taking(_ indices: UnsafeBufferPointer<Int>) throws -> GenericByteArray<Kind> {
        let validity = takeValidity(validity, indices)
        return try withUnsafeOffsetsAndData { offsets, data in
            var total = 0
            for index in indices where index >= 0 {
                total &+= Int(offsets[index &+ 1] &- offsets[index])
            }
            guard total <= Int(Int32.max) else {
                throw ComputeError(.invalidArgument, "the taken \(dataType) values exceed 2 GiB; take fewer rows")
            }
            // Sized up front and written through pointers: most values are short, and a copy call
            // per value (with the buffers' bounds checks) costs more than the bytes.
            var newOffsets = MutableBuffer(capacity: (indices.count + 1) * 4)
            newOffsets.resize(uninitializedByteCount: (indices.count + 1) * 4)
            var bytes = MutableBuffer(capacity: total)
            bytes.resize(uninitializedByteCount: total)
            newOffsets.withUnsafeMutableBufferPointer(as: Int32.self) { newOffsets in
                bytes.withUnsafeMutableBytes { output in
                    guard let target = output.baseAddress, let source = data.baseAddress else {
                        for position in 0...indices.count { newOffsets[position] = 0 }
                        return
                    }
                    var end = 0
                    newOffsets[0] = 0
                    for (position, index) in indices.enumerated() {
                        if index >= 0 {
                            let start = Int(offsets[index])
                            let length = Int(offsets[index &+ 1]) &- start
                            if length <= 16 {
                                for byte in 0..<length {
                                    target.storeBytes(
                                        of: source.load(fromByteOffset: start &+ byte, as: UInt8.self),
                                        toByteOffset: end &+ byte, as: UInt8.self)
                                }
                            } else {
                                (target + end).copyMemory(from: source + start, byteCount: length)
                            }
                            end &+= length
                        }
                        newOffsets[position &+ 1] = Int32(truncatingIfNeeded: end)
                    }
                }
            }
            let offsetBuffer = newOffsets.freeze()
            let dataBuffer = bytes.freeze()
            return try rebuilt {
                try GenericByteArray(offsets: OffsetBuffer(offsetBuffer), data: dataBuffer, validity: validity)
            }
        }
    }

    func filtering(_ selection: BitReader, selectedCount: Int) throws -> GenericByteArray<Kind> {
        try filteringByTake(selection, selectedCount: selectedCount)
    }

    static func concatenating(_ arrays: [GenericByteArray<Kind>]) throws -> GenericByteArray<Kind> {
        let total = arrays.reduce(0) { $0 + ($1.count == 0 ? 0 : $1.offsets.last - $1.offsets.first) }
        guard total <= Int(Int32.max) else {
            throw ComputeError(.invalidArgument, "the concatenated \(Kind.dataType) values exceed 2 GiB")
        }
        let rows = arrays.reduce(0) { $0 + $1.count }
        var newOffsets = MutableBuffer(capacity: (rows + 1) * 4)
        var bytes = MutableBuffer(capacity: total)
        newOffsets.append(Int32(0))
        var end: Int32 = 0
        for array in arrays where array.count > 0 {
            array.withUnsafeOffsetsAndData { offsets, data in
                let first = offsets[0]
                let last = offsets[array.count]
                bytes.append(bytes: UnsafeRawBufferPointer(rebasing: data[Int(first)..<Int(last)]))
                for row in 1...array.count {
                    newOffsets.append(end &+ (offsets[row] &- first))
                }
                end &+= last &- first
            }
        }
        let offsetBuffer = newOffsets.freeze()
        let dataBuffer = bytes.freeze()
        let validity = concatenatedValidity(arrays)
        return try rebuilt {
            try GenericByteArray(offsets: OffsetBuffer(offsetBuffer), data: dataBuffer, validity: validity)
        }
    }
}
