/// A column of booleans, bit-packed (Arrow's layout): one `BitBuffer` of values plus an optional
/// validity bitmap.
public struct BooleanArray: ColumnArray {
    /// The values, one bit each (null slots hold 0 when built here).
    public let values: BitBuffer
    public let validity: ValidityBitmap?

    /// Wraps existing bit buffers without copying them.
    ///
    /// - Throws: `ColumnarError.lengthMismatch` when `validity` covers a different count than `values`.
    public init(values: BitBuffer, validity: ValidityBitmap? = nil) throws {
        self.values = values
        self.validity = try ValidityBitmap.normalized(validity, count: values.count, what: "boolean array")
    }

    @usableFromInline
    init(unchecked values: BitBuffer, validity: ValidityBitmap?) {
        self.values = values
        self.validity = validity
    }

    /// Copies `values`; nil becomes a null slot.
    public init(_ values: [Bool?]) {
        let builder = BooleanBuilder(capacity: values.count)
        for value in values {
            builder.append(value)
        }
        self = builder.finish()
    }

    public var dataType: DataType { .boolean }

    public var count: Int { values.count }

    /// Value `index`, or nil when the slot is null.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public subscript(index: Int) -> Bool? {
        if let validity, validity.isNull(index) { return nil }
        return values[index]
    }

    /// Value `index`, ignoring validity.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public func value(at index: Int) -> Bool { values[index] }

    /// The number of valid slots holding `true`.
    public var trueCount: Int {
        guard let validity else { return values.countSetBits() }
        var total = 0
        for index in 0..<count where validity.isValid(index) && values[index] {
            total += 1
        }
        return total
    }

    public func slice(_ range: Range<Int>) -> BooleanArray {
        checkSliceRange(range)
        return BooleanArray(unchecked: values.slice(range), validity: ValidityBitmap.slice(validity, range))
    }
}

extension BooleanArray: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
}

extension BooleanArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Bool?...) {
        self.init(elements)
    }
}

extension BooleanArray: Equatable {
    public static func == (lhs: BooleanArray, rhs: BooleanArray) -> Bool {
        guard lhs.hasSameShape(as: rhs) else { return false }
        for index in 0..<lhs.count where lhs.isValid(index) && lhs.values[index] != rhs.values[index] {
            return false
        }
        return true
    }
}

extension BooleanArray {
    public var description: String {
        describe { "\(values[$0])" }
    }
}
