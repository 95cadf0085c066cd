/// A column of variable-length lists in Arrow's layout: `count + 1` Int32 offsets into one child array
/// holding every list's elements back to back, plus an optional validity bitmap.
///
/// List `i` is `values[offsets[i]..<offsets[i + 1]]`. Slices share the offsets and the whole child
/// (offsets stay absolute). In hot loops downcast `values` once (`list.values as? Int64Array`) and walk
/// `offsets` yourself.
public struct ListArray: ColumnArray {
    /// The element field (name, type, nullability).
    public let elementField: Field
    /// `count + 1` offsets into `values`.
    public let offsets: OffsetBuffer
    /// Every list's elements back to back (the whole child, also for slices).
    public let values: any ColumnArray
    public let validity: ValidityBitmap?

    /// Wraps an existing child and offsets without copying them.
    ///
    /// - Throws: `ColumnarError` when `values` does not fit `elementField`'s type, the offsets point past
    ///   the child, or `validity` covers a different count.
    public init(elementField: Field, offsets: OffsetBuffer, values: any ColumnArray, validity: ValidityBitmap? = nil)
        throws
    {
        try elementField.dataType.validate()
        guard elementField.dataType.isCompatible(with: values.dataType) else {
            throw ColumnarError.typeMismatch(
                what: "list element '\(elementField.name)'", expected: elementField.dataType, actual: values.dataType)
        }
        guard offsets.last <= values.count else {
            throw ColumnarError.invalidBuffer(
                "list offsets reach \(offsets.last), the child has \(values.count) values")
        }
        let validity = try ValidityBitmap.normalized(validity, count: offsets.count, what: "list array")
        self.init(unchecked: elementField, offsets: offsets, values: values, validity: validity)
    }

    init(unchecked elementField: Field, offsets: OffsetBuffer, values: any ColumnArray, validity: ValidityBitmap?) {
        self.elementField = elementField
        self.offsets = offsets
        self.values = values
        self.validity = validity
    }

    public var dataType: DataType { .list(elementField) }

    public var count: Int { offsets.count }

    /// Where list `index`'s elements lie in `values`.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public func valueRange(at index: Int) -> Range<Int> { offsets.range(at: index) }

    /// The elements of list `index` (a slice of `values`), ignoring validity.
    ///
    /// - Precondition: `0 <= index < count`.
    public func value(at index: Int) -> any ColumnArray {
        values.slice(offsets.range(at: index))
    }

    /// The elements of list `index`, or nil when the slot is null.
    ///
    /// - Precondition: `0 <= index < count`.
    public subscript(index: Int) -> (any ColumnArray)? {
        if let validity, validity.isNull(index) { return nil }
        return value(at: index)
    }

    public func slice(_ range: Range<Int>) -> ListArray {
        checkSliceRange(range)
        return ListArray(
            unchecked: elementField, offsets: offsets.slice(range), values: values,
            validity: ValidityBitmap.slice(validity, range))
    }
}

extension ListArray: Equatable {
    /// Same type and nulls, and equal elements in every valid list.
    public static func == (lhs: ListArray, rhs: ListArray) -> Bool {
        guard lhs.hasSameShape(as: rhs) else { return false }
        for index in 0..<lhs.count where lhs.isValid(index) {
            guard lhs.value(at: index).isEqual(to: rhs.value(at: index)) else { return false }
        }
        return true
    }
}

extension ListArray {
    public var description: String {
        describe { index in
            let list = value(at: index)
            return "[" + (0..<list.count).map { describeElement(of: list, at: $0) }.joined(separator: ", ") + "]"
        }
    }
}
