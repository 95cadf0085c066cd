/// Builds a `MapArray`: append a map's keys to `keys` and its values to `values`, then close the map
/// with `endMap()` — or do both with `appendMap { keys, values in ... }`.
///
/// ```swift
/// let maps = MapBuilder(keys: StringBuilder(), values: Int64Builder())
/// maps.appendMap { keys, values in keys.append("a"); values.append(1) }
/// ```
public final class MapBuilder<KeyBuilder: ArrayBuilder, ValueBuilder: ArrayBuilder>: ArrayBuilder {
    /// The builder of every map's keys (never append a null key).
    public let keys: KeyBuilder
    /// The builder of every map's values.
    public let values: ValueBuilder
    public let keyName: String
    public let valueName: String
    public let valueNullable: Bool
    public let keysSorted: Bool
    // Builders are not Sendable and never hand out access to these properties, so accesses cannot overlap;
    // unchecked exclusivity drops the runtime access tracking that otherwise dominates each append.
    @exclusivity(unchecked) @usableFromInline var offsets: MutableBuffer
    @exclusivity(unchecked) @usableFromInline var validity: ValidityBuilder

    /// An empty builder with room for `capacity` maps. Field names default to Arrow's `key` and `value`.
    public init(
        keys: KeyBuilder, values: ValueBuilder, keyName: String = "key", valueName: String = "value",
        valueNullable: Bool = true, keysSorted: Bool = false, capacity: Int = 0
    ) {
        self.keys = keys
        self.values = values
        self.keyName = keyName
        self.valueName = valueName
        self.valueNullable = valueNullable
        self.keysSorted = keysSorted
        offsets = MutableBuffer(capacity: (capacity + 1) * 4)
        offsets.append(Int32(0))
        validity = ValidityBuilder(capacity: capacity)
    }

    public var keyField: Field { Field(keyName, keys.dataType, nullable: false) }

    public var valueField: Field { Field(valueName, values.dataType, nullable: valueNullable) }

    public var dataType: DataType { .map(key: keyField, value: valueField, keysSorted: keysSorted) }

    public var count: Int { validity.count }

    public func reserve(_ additional: Int) {
        offsets.reserve(additional * 4)
        validity.reserve(additional)
    }

    private func appendOffset() {
        precondition(keys.count == values.count, "map has \(keys.count) keys but \(values.count) values")
        precondition(keys.count <= Int(Int32.max), "map array exceeds Int32.max entries; split it")
        offsets.append(Int32(truncatingIfNeeded: keys.count))
    }

    /// Closes a valid map holding the entries appended since the previous map.
    ///
    /// - Precondition: as many keys as values were appended.
    public func endMap() {
        appendOffset()
        validity.appendValid()
    }

    /// Appends a valid map holding the entries that `fill` appends.
    public func appendMap(_ fill: (KeyBuilder, ValueBuilder) throws -> Void) rethrows {
        try fill(keys, values)
        endMap()
    }

    /// Appends a null map (normally with no entries appended for it).
    public func appendNull() {
        appendOffset()
        validity.appendNull()
    }

    /// Returns the array (finishing keys and values) and resets the builder.
    ///
    /// - Precondition: no key is null.
    public func finish() -> MapArray {
        let bitmap = validity.finish()
        let finishedOffsets = OffsetBuffer(unchecked: offsets.finish())
        // The next array starts again at offset 0.
        offsets.append(Int32(0))
        let keyArray = keys.finish()
        precondition(keyArray.nullCount == 0, "map keys hold \(keyArray.nullCount) null(s)")
        let valueArray = values.finish()
        let entries = StructArray(
            unchecked: [self.keyField, self.valueField], children: [keyArray, valueArray], validity: nil,
            count: keyArray.count)
        return MapArray(unchecked: finishedOffsets, entries: entries, validity: bitmap, keysSorted: keysSorted)
    }
}
