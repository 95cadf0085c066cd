import SluiceCore

/// An array type that the selection kernels (`take`, `filter`, `concatenate`) know how to rebuild.
/// Every SluiceCore array conforms; the public functions dispatch on it once per call.
protocol SelectableArray: ColumnArray {
    /// The rows at `indices` (a negative index gives a null row); indices are checked by the caller.
    func taking(_ indices: UnsafeBufferPointer<Int>) throws -> Self
    /// The rows whose bit is set in `selection` (`selectedCount` of them).
    func filtering(_ selection: BitReader, selectedCount: Int) throws -> Self
    /// The rows of `arrays` one after the other; all have this type's data type.
    static func concatenating(_ arrays: [Self]) throws -> Self
}

extension SelectableArray {
    /// Filtering as a take of the selected positions: for the variable-width layouts, where the copy
    /// needs the sizes first anyway.
    func filteringByTake(_ selection: BitReader, selectedCount: Int) throws -> Self {
        var indices = [Int](repeating: 0, count: selectedCount)
        var next = 0
        for row in 0..<count where selection[row] {
            indices[next] = row
            next += 1
        }
        return try indices.withUnsafeBufferPointer { try taking($0) }
    }
}

/// The validity of a take: a row is null when its index is negative or its source row is null.
func takeValidity(_ source: ValidityBitmap?, _ indices: UnsafeBufferPointer<Int>) -> ValidityBitmap? {
    if source == nil, !indices.contains(where: { $0 < 0 }) { return nil }
    let writer = BitmapWriter(count: indices.count)
    withValidityReader(source) { valid in
        if let valid {
            for (row, index) in indices.enumerated() where index >= 0 && valid[index] {
                writer.set(row)
            }
        } else {
            for (row, index) in indices.enumerated() where index >= 0 {
                writer.set(row)
            }
        }
    }
    return writer.finishValidity()
}

/// The validity of a filter: the source's bits at the selected rows.
func filterValidity(_ source: ValidityBitmap?, _ selection: BitReader, count: Int, selectedCount: Int)
    -> ValidityBitmap?
{
    guard let source else { return nil }
    let writer = BitmapWriter(count: selectedCount)
    source.bits.withReader { valid in
        var next = 0
        for row in 0..<count where selection[row] {
            if valid[row] { writer.set(next) }
            next += 1
        }
    }
    return writer.finishValidity()
}

/// The validity of a concatenation (nil when no part has nulls).
func concatenatedValidity(_ arrays: [some ColumnArray]) -> ValidityBitmap? {
    guard arrays.contains(where: { $0.validity != nil }) else { return nil }
    let total = arrays.reduce(0) { $0 + $1.count }
    let writer = BitmapWriter(count: total)
    var base = 0
    for array in arrays {
        if let validity = array.validity {
            validity.bits.withReader { valid in
                for row in 0..<array.count where valid[row] {
                    writer.set(base + row)
                }
            }
        } else {
            for row in 0..<array.count {
                writer.set(base + row)
            }
        }
        base += array.count
    }
    return writer.finishValidity()
}

/// Wraps a SluiceCore constructor error (which a kernel's own output never triggers) as a compute error.
func rebuilt<A>(_ make: () throws -> A) throws -> A {
    do {
        return try make()
    } catch let error as ComputeError {
        throw error
    } catch {
        throw ComputeError(.invalidArgument, "could not assemble the result: \(error)")
    }
}
