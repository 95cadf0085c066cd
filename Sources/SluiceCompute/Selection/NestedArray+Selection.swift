import SluiceCore

/// Offsets and child positions for taking whole ranges (list elements, map entries) by row.
private func takeRanges(_ offsets: OffsetBuffer, _ indices: UnsafeBufferPointer<Int>) throws -> (
    offsets: OffsetBuffer, childIndices: [Int]
) {
    var lengths = [Int](repeating: 0, count: indices.count)
    var childIndices: [Int] = []
    offsets.withUnsafeOffsets { offsets in
        var total = 0
        for (row, index) in indices.enumerated() where index >= 0 {
            let length = Int(offsets[index + 1] - offsets[index])
            lengths[row] = length
            total += length
        }
        childIndices.reserveCapacity(total)
        for index in indices where index >= 0 {
            childIndices.append(contentsOf: Int(offsets[index])..<Int(offsets[index + 1]))
        }
    }
    guard childIndices.count <= Int(Int32.max) else {
        throw ComputeError(.invalidArgument, "the taken rows hold more than Int32.max child values")
    }
    return (OffsetBuffer(lengths: lengths), childIndices)
}

/// Offsets and the concatenated child for a concatenation of range-based arrays.
private func concatenateRanges(_ parts: [(offsets: OffsetBuffer, child: any ColumnArray)]) throws -> (
    offsets: OffsetBuffer, child: any ColumnArray
)? {
    var lengths: [Int] = []
    var children: [any ColumnArray] = []
    for part in parts {
        let count = part.offsets.count
        for row in 0..<count {
            lengths.append(part.offsets[row + 1] - part.offsets[row])
        }
        children.append(part.child.slice(part.offsets.first..<part.offsets.last))
    }
    guard !children.isEmpty else { return nil }
    return (OffsetBuffer(lengths: lengths), try concatenate(children))
}

extension ListArray: SelectableArray {
    func taking(_ indices: UnsafeBufferPointer<Int>) throws -> ListArray {
        let (newOffsets, childIndices) = try takeRanges(offsets, indices)
        let child = try take(values, childIndices)
        let validity = takeValidity(validity, indices)
        return try rebuilt {
            try ListArray(elementField: elementField, offsets: newOffsets, values: child, validity: validity)
        }
    }

    func filtering(_ selection: BitReader, selectedCount: Int) throws -> ListArray {
        try filteringByTake(selection, selectedCount: selectedCount)
    }

    static func concatenating(_ arrays: [ListArray]) throws -> ListArray {
        guard let first = arrays.first,
            let (offsets, child) = try concatenateRanges(arrays.map { ($0.offsets, $0.values) })
        else { throw ComputeError(.invalidArgument, "nothing to concatenate") }
        let validity = concatenatedValidity(arrays)
        return try rebuilt {
            try ListArray(elementField: first.elementField, offsets: offsets, values: child, validity: validity)
        }
    }
}

extension StructArray: SelectableArray {
    func taking(_ indices: UnsafeBufferPointer<Int>) throws -> StructArray {
        let childIndices = Array(indices)
        let taken = try children.map { try take($0, childIndices) }
        let validity = takeValidity(validity, indices)
        return try rebuilt {
            try StructArray(fields: fields, children: taken, validity: validity, count: indices.count)
        }
    }

    func filtering(_ selection: BitReader, selectedCount: Int) throws -> StructArray {
        try filteringByTake(selection, selectedCount: selectedCount)
    }

    static func concatenating(_ arrays: [StructArray]) throws -> StructArray {
        guard let first = arrays.first else { throw ComputeError(.invalidArgument, "nothing to concatenate") }
        let children = try first.fields.indices.map { field in try concatenate(arrays.map { $0.children[field] }) }
        let validity = concatenatedValidity(arrays)
        let rows = arrays.reduce(0) { $0 + $1.count }
        return try rebuilt {
            try StructArray(fields: first.fields, children: children, validity: validity, count: rows)
        }
    }
}

extension MapArray: SelectableArray {
    func taking(_ indices: UnsafeBufferPointer<Int>) throws -> MapArray {
        let (newOffsets, entryIndices) = try takeRanges(offsets, indices)
        let newKeys = try take(keys, entryIndices)
        let newValues = try take(values, entryIndices)
        let validity = takeValidity(validity, indices)
        return try rebuilt {
            try MapArray(
                keyField: keyField, valueField: valueField, keysSorted: keysSorted, offsets: newOffsets,
                keys: newKeys, values: newValues, validity: validity)
        }
    }

    func filtering(_ selection: BitReader, selectedCount: Int) throws -> MapArray {
        try filteringByTake(selection, selectedCount: selectedCount)
    }

    static func concatenating(_ arrays: [MapArray]) throws -> MapArray {
        guard let first = arrays.first,
            let (offsets, entries) = try concatenateRanges(arrays.map { ($0.offsets, $0.entries) }),
            let entryStruct = entries as? StructArray
        else { throw ComputeError(.invalidArgument, "nothing to concatenate") }
        let validity = concatenatedValidity(arrays)
        return try rebuilt {
            try MapArray(
                keyField: first.keyField, valueField: first.valueField, keysSorted: first.keysSorted,
                offsets: offsets, keys: entryStruct.children[0], values: entryStruct.children[1], validity: validity)
        }
    }
}
