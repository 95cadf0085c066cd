/// An immutable column of `count` values of one `DataType`, laid out as Arrow lays it out.
///
/// Concrete types: `PrimitiveArray<T>` (and its aliases `Int64Array`, `TimestampArray`, ...),
/// `BooleanArray`, `StringArray`, `BinaryArray`, `FixedSizeBinaryArray`, `ListArray`, `StructArray`,
/// `MapArray`, and `DictionaryArray` (codes into values, which the SQL engine keeps between its own
/// operators). Code that receives `any ColumnArray` (a record batch column, a list's child) switches on
/// `dataType` or downcasts once per batch (`column as? Int64Array`) and then works on the typed array,
/// as with arrow-rs `ArrayRef`.
///
/// Arrays are values over shared, immutable buffers: copying one is cheap, `slice(_:)` copies no data,
/// and they are `Sendable`.
///
/// Invariant: `validity == nil` exactly when `nullCount == 0`.
public protocol ColumnArray: Sendable, CustomStringConvertible {
    /// The logical type of the values.
    var dataType: DataType { get }
    /// The number of slots (values and nulls).
    var count: Int { get }
    /// Which slots are valid; nil when none is null.
    var validity: ValidityBitmap? { get }
    /// The slots in `range`, sharing this array's buffers.
    ///
    /// - Precondition: `range` lies inside `0..<count`.
    func slice(_ range: Range<Int>) -> Self
    /// Logical equality with an array of any type: same type, same nulls, equal values (buffer layout
    /// and slicing offsets do not matter).
    func isEqual(to other: any ColumnArray) -> Bool
}

extension ColumnArray {
    /// The number of null slots.
    @inlinable
    public var nullCount: Int { validity?.nullCount ?? 0 }

    /// Whether slot `index` is null.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public func isNull(_ index: Int) -> Bool {
        precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)")
        guard let validity else { return false }
        return validity.isNull(index)
    }

    /// Whether slot `index` holds a value.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public func isValid(_ index: Int) -> Bool { !isNull(index) }
}

extension ColumnArray where Self: Equatable {
    public func isEqual(to other: any ColumnArray) -> Bool {
        guard let other = other as? Self else { return false }
        return self == other
    }
}

extension ColumnArray {
    /// Shared by the `Equatable` conformances: same type, count and null positions.
    func hasSameShape(as other: some ColumnArray) -> Bool {
        guard dataType == other.dataType, count == other.count, nullCount == other.nullCount else { return false }
        guard nullCount > 0 else { return true }
        for index in 0..<count where isNull(index) != other.isNull(index) {
            return false
        }
        return true
    }

    /// `int64 [1, null, 3]`, showing at most the first 20 slots.
    func describe(_ formatValue: (Int) -> String) -> String {
        let limit = 20
        var parts: [String] = []
        for index in 0..<min(count, limit) {
            parts.append(isNull(index) ? "null" : formatValue(index))
        }
        if count > limit {
            parts.append("... \(count - limit) more")
        }
        return "\(dataType) [\(parts.joined(separator: ", "))]"
    }

    /// Traps with a readable message when `range` is not inside the array.
    func checkSliceRange(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice \(range) out of range 0..<\(count)")
    }
}

/// One slot of a child array as text, for the descriptions of nested arrays: `int64 [5]` gives `5`.
func describeElement(of array: any ColumnArray, at index: Int) -> String {
    let text = array.slice(index..<index + 1).description
    let prefix = "\(array.dataType) ["
    guard text.hasPrefix(prefix), text.hasSuffix("]") else { return text }
    return String(text.dropFirst(prefix.count).dropLast())
}
