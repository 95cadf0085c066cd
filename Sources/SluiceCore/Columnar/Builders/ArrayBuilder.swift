/// Builds one array by appending slots, then `finish()`es it into an immutable array.
///
/// Every builder has typed `append` methods (`Int64Builder.append(_: Int64)`,
/// `StringBuilder.append(_: String)`, ...), plus `reserve(_:)`, `appendNull()` and `finish()` from
/// here. Builders are classes so that nested builders can hand out their child builders (append a list's
/// elements to `listBuilder.child`); they are not `Sendable`: build on one task, then send the array.
///
/// `finish()` hands the buffers to the array without copying and leaves the builder empty and reusable.
public protocol ArrayBuilder: AnyObject {
    /// The array type `finish()` produces.
    associatedtype Output: ColumnArray
    /// The data type of the array being built.
    var dataType: DataType { get }
    /// The number of slots appended since the last `finish()`.
    var count: Int { get }
    /// Makes room for `additional` more slots (and for nested builders, not their children).
    func reserve(_ additional: Int)
    /// Appends a null slot.
    func appendNull()
    /// Appends `count` null slots.
    func appendNulls(_ count: Int)
    /// Returns the array built so far and resets the builder.
    func finish() -> Output
}

extension ArrayBuilder {
    public func appendNulls(_ count: Int) {
        for _ in 0..<count {
            appendNull()
        }
    }
}

/// A builder for any data type, for code driven by a schema (e.g. `StructBuilder(fields:)`). Downcast the
/// result to the concrete builder to append values: `makeBuilder(for: .int64) as? Int64Builder`,
/// `makeBuilder(for: .list(of: .string)) as? ListBuilder<StringBuilder>`. Time and timestamp builders are
/// `Time32Builder`/`Time64Builder`/`TimestampBuilder`, decimals `Decimal128Builder`, float16
/// `Float16Builder` (bits).
///
/// - Precondition: `dataType` is valid (`validate()` does not throw).
public func makeBuilder(for dataType: DataType, capacity: Int = 0) -> any ArrayBuilder {
    switch dataType {
    case .boolean: return BooleanBuilder(capacity: capacity)
    case .int8: return Int8Builder(dataType: dataType, capacity: capacity)
    case .int16: return Int16Builder(dataType: dataType, capacity: capacity)
    case .int32, .date32: return Int32Builder(dataType: dataType, capacity: capacity)
    case .int64, .timestamp: return Int64Builder(dataType: dataType, capacity: capacity)
    case .uint8: return UInt8Builder(dataType: dataType, capacity: capacity)
    case .uint16, .float16: return UInt16Builder(dataType: dataType, capacity: capacity)
    case .uint32: return UInt32Builder(dataType: dataType, capacity: capacity)
    case .uint64: return UInt64Builder(dataType: dataType, capacity: capacity)
    case .float32: return Float32Builder(dataType: dataType, capacity: capacity)
    case .float64: return Float64Builder(dataType: dataType, capacity: capacity)
    case .time(let unit):
        if unit == .second || unit == .millisecond {
            return Time32Builder(dataType: dataType, capacity: capacity)
        }
        return Time64Builder(dataType: dataType, capacity: capacity)
    case .decimal:
        return PrimitiveBuilder<Int128>(dataType: dataType, capacity: capacity)
    case .string: return StringBuilder(capacity: capacity)
    case .binary: return BinaryBuilder(capacity: capacity)
    case .fixedSizeBinary(let byteWidth): return FixedSizeBinaryBuilder(byteWidth: byteWidth, capacity: capacity)
    case .list(let element):
        return makeListBuilder(element: element, child: makeBuilder(for: element.dataType), capacity: capacity)
    case .struct(let fields):
        return StructBuilder(fields: fields, capacity: capacity)
    case .map(let key, let value, let keysSorted):
        return makeMapBuilder(
            key: key, value: value, keysSorted: keysSorted, keys: makeBuilder(for: key.dataType),
            values: makeBuilder(for: value.dataType), capacity: capacity)
    }
}

// Generic helpers so that the existential child builders are opened into concrete generic arguments.

private func makeListBuilder<Child: ArrayBuilder>(element: Field, child: Child, capacity: Int) -> any ArrayBuilder {
    ListBuilder(child: child, elementName: element.name, elementNullable: element.nullable, capacity: capacity)
}

private func makeMapBuilder<Keys: ArrayBuilder>(
    key: Field, value: Field, keysSorted: Bool, keys: Keys, values: any ArrayBuilder, capacity: Int
) -> any ArrayBuilder {
    makeMapBuilder(key: key, value: value, keysSorted: keysSorted, keys: keys, typedValues: values, capacity: capacity)
}

private func makeMapBuilder<Keys: ArrayBuilder, Values: ArrayBuilder>(
    key: Field, value: Field, keysSorted: Bool, keys: Keys, typedValues: Values, capacity: Int
) -> any ArrayBuilder {
    MapBuilder(
        keys: keys, values: typedValues, keyName: key.name, valueName: value.name, valueNullable: value.nullable,
        keysSorted: keysSorted, capacity: capacity)
}
