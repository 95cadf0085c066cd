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
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                ValueCopy.gather(from, into: to, width: MemoryLayout<T>.stride, indices)
            }
        }
    }

    func filtering(_ selection: BitReader, selectedCount: Int) throws -> PrimitiveArray<T> {
        let validity = filterValidity(validity, selection, count: count, selectedCount: selectedCount)
        return withUnsafeValues { source in
            PrimitiveArray(count: selectedCount, dataType: dataType, validity: validity) { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                ValueCopy.compact(from, into: to, width: MemoryLayout<T>.stride, rows: source.count, selection)
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
