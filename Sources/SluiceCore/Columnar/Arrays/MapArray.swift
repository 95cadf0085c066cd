/// A column of key-value maps in Arrow's layout: `count + 1` Int32 offsets into an `entries` struct
/// array whose two children hold every map's keys and values back to back, plus an optional validity
/// bitmap. Keys are never null.
///
/// Map `i` is entries `offsets[i]..<offsets[i + 1]`. Slices share the offsets and the whole entries.
public struct MapArray: ColumnArray {
    /// `count + 1` offsets into `entries`.
    public let offsets: OffsetBuffer
    /// The `entries` struct (fields `key`, `value`; never null) holding every map's entries.
    public let entries: StructArray
    public let validity: ValidityBitmap?
    /// Whether each map's keys are sorted.
    public let keysSorted: Bool

    /// Wraps existing key and value arrays without copying them.
    ///
    /// - Throws: `ColumnarError` when keys or values do not fit their fields, differ in length, keys hold
    ///   nulls, the offsets point past the entries, or `validity` covers a different count.
    public init(
        keyField: Field, valueField: Field, keysSorted: Bool = false, offsets: OffsetBuffer,
        keys: any ColumnArray, values: any ColumnArray, validity: ValidityBitmap? = nil
    ) throws {
        try DataType.map(key: keyField, value: valueField, keysSorted: keysSorted).validate()
        guard keys.nullCount == 0 else {
            throw ColumnarError.invalidBuffer("map keys hold \(keys.nullCount) null(s)")
        }
        let entries = try StructArray(fields: [keyField, valueField], children: [keys, values])
        guard offsets.last <= entries.count else {
            throw ColumnarError.invalidBuffer("map offsets reach \(offsets.last), there are \(entries.count) entries")
        }
        let validity = try ValidityBitmap.normalized(validity, count: offsets.count, what: "map array")
        self.init(unchecked: offsets, entries: entries, validity: validity, keysSorted: keysSorted)
    }

    init(unchecked offsets: OffsetBuffer, entries: StructArray, validity: ValidityBitmap?, keysSorted: Bool) {
        self.offsets = offsets
        self.entries = entries
        self.validity = validity
        self.keysSorted = keysSorted
    }

    public var keyField: Field { entries.fields[0] }
    public var valueField: Field { entries.fields[1] }

    /// Every map's keys back to back.
    public var keys: any ColumnArray { entries.children[0] }
    /// Every map's values back to back.
    public var values: any ColumnArray { entries.children[1] }

    public var dataType: DataType { .map(key: keyField, value: valueField, keysSorted: keysSorted) }

    public var count: Int { offsets.count }

    /// Where map `index`'s entries lie in `keys` and `values`.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public func entryRange(at index: Int) -> Range<Int> { offsets.range(at: index) }

    /// The keys and values of map `index` (slices), ignoring validity.
    ///
    /// - Precondition: `0 <= index < count`.
    public func value(at index: Int) -> (keys: any ColumnArray, values: any ColumnArray) {
        let range = offsets.range(at: index)
        return (keys.slice(range), values.slice(range))
    }

    /// The keys and values of map `index`, or nil when the slot is null.
    ///
    /// - Precondition: `0 <= index < count`.
    public subscript(index: Int) -> (keys: any ColumnArray, values: any ColumnArray)? {
        if let validity, validity.isNull(index) { return nil }
        return value(at: index)
    }

    public func slice(_ range: Range<Int>) -> MapArray {
        checkSliceRange(range)
        return MapArray(
            unchecked: offsets.slice(range), entries: entries, validity: ValidityBitmap.slice(validity, range),
            keysSorted: keysSorted)
    }
}

extension MapArray: Equatable {
    public static func == (lhs: MapArray, rhs: MapArray) -> Bool {
        guard lhs.hasSameShape(as: rhs) else { return false }
        for index in 0..<lhs.count where lhs.isValid(index) {
            let left = lhs.value(at: index)
            let right = rhs.value(at: index)
            guard left.keys.isEqual(to: right.keys), left.values.isEqual(to: right.values) else { return false }
        }
        return true
    }
}

extension MapArray {
    public var description: String {
        describe { index in
            let (keys, values) = value(at: index)
            let parts = (0..<keys.count).map {
                "\(describeElement(of: keys, at: $0)): \(describeElement(of: values, at: $0))"
            }
            return "{" + parts.joined(separator: ", ") + "}"
        }
    }
}
