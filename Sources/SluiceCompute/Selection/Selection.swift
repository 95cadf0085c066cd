import SluiceCore

/// The rows of `array` at `indices`, in that order (repeats allowed): the gather behind sort, join and
/// top-N. A negative index yields a null row, which is how outer joins pad the side without a match.
///
/// - Throws: `ComputeError.invalidArgument` for an index at or past `array.count`.
public func take(_ array: any ColumnArray, _ indices: [Int]) throws -> any ColumnArray {
    try indices.withUnsafeBufferPointer { try take(array, $0) }
}

/// `take(_:_:)` over indices already in memory.
public func take(_ array: any ColumnArray, _ indices: UnsafeBufferPointer<Int>) throws -> any ColumnArray {
    var largest = -1
    for index in indices where index > largest {
        largest = index
    }
    guard largest < array.count else {
        throw ComputeError(.invalidArgument, "take index \(largest) is out of range for \(array.count) rows")
    }
    return try selectable(array).taking(indices)
}

/// The rows of `array` where `mask` is true; a null in the mask drops the row, as SQL's WHERE does.
///
/// - Throws: `ComputeError.invalidArgument` when the lengths differ.
public func filter(_ array: any ColumnArray, by mask: BooleanArray) throws -> any ColumnArray {
    let selection = try SelectionMask(mask, rows: array.count)
    if selection.selectedCount == array.count { return array }
    return try selection.withReader { try selectable(array).filtering($0, selectedCount: selection.selectedCount) }
}

/// The rows of every array one after the other.
///
/// - Throws: `ComputeError.invalidArgument` for an empty list or arrays of different types.
public func concatenate(_ arrays: [any ColumnArray]) throws -> any ColumnArray {
    guard let first = arrays.first else { throw ComputeError(.invalidArgument, "nothing to concatenate") }
    if arrays.count == 1 { return first }
    for array in arrays.dropFirst() where !first.dataType.isCompatible(with: array.dataType) {
        throw ComputeError(.invalidArgument, "cannot concatenate \(first.dataType) and \(array.dataType)")
    }
    return try concatenateTyped(selectable(first), arrays)
}

private func concatenateTyped<A: SelectableArray>(_ first: A, _ arrays: [any ColumnArray]) throws -> A {
    let typed = try arrays.map { array in
        guard let typed = array as? A else {
            throw ComputeError(.invalidArgument, "cannot concatenate \(first.dataType) and \(array.dataType)")
        }
        return typed
    }
    return try A.concatenating(typed)
}

private func selectable(_ array: any ColumnArray) throws -> any SelectableArray {
    guard let array = array as? any SelectableArray else {
        throw ComputeError(.unsupported, "selection does not support arrays of type \(array.dataType)")
    }
    return array
}

/// A boolean mask turned into "selected" bits: true and valid.
struct SelectionMask {
    let bits: BitBuffer
    let selectedCount: Int

    init(_ mask: BooleanArray, rows: Int) throws {
        guard mask.count == rows else {
            throw ComputeError(.invalidArgument, "filter mask has \(mask.count) rows, the input has \(rows)")
        }
        if let validity = mask.validity {
            bits = ValidityAlgebra.combineBits(mask.values, validity.bits) { $0 & $1 }
        } else {
            bits = mask.values
        }
        selectedCount = bits.countSetBits()
    }

    func withReader<R>(_ body: (BitReader) throws -> R) rethrows -> R {
        try bits.withReader(body)
    }
}
