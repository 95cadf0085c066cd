/// A column of fixed-width values stored contiguously: one `Buffer` of `count` values of `T`, plus an
/// optional validity bitmap. The Arrow layout of every integer, float, decimal, date, time and
/// timestamp type.
///
/// Read one value with `self[i]` (nil when null) or `value(at:)`; in hot loops take the whole buffer
/// with `withUnsafeValues(_:)` and check `validity` separately. Null slots hold zero when built here, and
/// unspecified values when wrapped from a decoder's buffer.
public struct PrimitiveArray<T: FixedWidthValue>: ColumnArray {
    public let dataType: DataType
    /// Exactly `count * MemoryLayout<T>.stride` bytes: value `i` is at byte `i * stride`.
    public let values: Buffer
    public let validity: ValidityBitmap?
    public let count: Int

    /// Wraps existing buffers without copying them: how decoders produce arrays.
    ///
    /// `values` may be longer than needed (it is sliced to `count` values).
    ///
    /// - Throws: `ColumnarError` when `dataType` is not stored as `T` or is malformed, `values` is too
    ///   short or not aligned for `T`, or `validity` covers a different count.
    public init(
        dataType: DataType = T.defaultDataType, count: Int, values: Buffer, validity: ValidityBitmap? = nil
    ) throws {
        guard T.canStore(dataType) else {
            throw ColumnarError.invalidDataType(dataType, reason: "values are not stored as \(T.self)")
        }
        try dataType.validate()
        guard count >= 0 else {
            throw ColumnarError.invalidBuffer("negative count \(count)")
        }
        let byteCount = count * MemoryLayout<T>.stride
        guard values.byteCount >= byteCount else {
            throw ColumnarError.invalidBuffer(
                "\(count) values of \(dataType) need \(byteCount) bytes, the buffer has \(values.byteCount)")
        }
        guard values.isAligned(to: MemoryLayout<T>.alignment) else {
            throw ColumnarError.invalidBuffer(
                "values buffer is not aligned for \(T.self); copy it with `aligned(to:)`")
        }
        let validity = try ValidityBitmap.normalized(validity, count: count, what: "\(dataType) array")
        self.init(
            unchecked: dataType, values: values.slice(byteOffset: 0, byteCount: byteCount), validity: validity,
            count: count)
    }

    @usableFromInline
    init(unchecked dataType: DataType, values: Buffer, validity: ValidityBitmap?, count: Int) {
        self.dataType = dataType
        self.values = values
        self.validity = validity
        self.count = count
    }

    /// Copies `values`; nil becomes a null slot.
    ///
    /// - Precondition: `dataType` is stored as `T` and valid.
    public init(_ values: [T?], dataType: DataType = T.defaultDataType) {
        let builder = PrimitiveBuilder<T>(dataType: dataType, capacity: values.count)
        for value in values {
            builder.append(value)
        }
        self = builder.finish()
    }

    /// Copies `values` (no nulls) in one block.
    ///
    /// - Precondition: `dataType` is stored as `T` and valid.
    public init(_ values: [T], dataType: DataType = T.defaultDataType) {
        PrimitiveBuilder<T>.checkDataType(dataType)
        self.init(unchecked: dataType, values: Buffer(copying: values), validity: nil, count: values.count)
    }

    /// Allocates `count` values and lets `body` write them all in place: how compute kernels produce
    /// their output without per-value appends. `body` must initialize every element.
    ///
    /// - Precondition: `dataType` is stored as `T` and valid, and `validity` (if any) covers `count`.
    public init(
        count: Int, dataType: DataType = T.defaultDataType, validity: ValidityBitmap? = nil,
        initializingValuesWith body: (UnsafeMutableBufferPointer<T>) throws -> Void
    ) rethrows {
        PrimitiveBuilder<T>.checkDataType(dataType)
        precondition(count >= 0, "negative count \(count)")
        precondition(validity == nil || validity?.count == count, "validity does not cover \(count) values")
        var buffer = MutableBuffer(capacity: count * MemoryLayout<T>.stride)
        // The bytes are uninitialized, which is fine for bitwise-copyable T: `body` overwrites them.
        buffer.reserve(count * MemoryLayout<T>.stride)
        buffer.length = count * MemoryLayout<T>.stride
        try buffer.withUnsafeMutableBufferPointer(as: T.self, body)
        let normalized = validity.flatMap { $0.nullCount == 0 ? nil : $0 }
        self.init(unchecked: dataType, values: buffer.freeze(), validity: normalized, count: count)
    }

    /// Value `index`, or nil when the slot is null.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public subscript(index: Int) -> T? {
        if let validity, validity.isNull(index) { return nil }
        return value(at: index)
    }

    /// Value `index`, ignoring validity (a null slot yields whatever its slot holds).
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public func value(at index: Int) -> T {
        precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)")
        return values.baseAddress.load(fromByteOffset: index &* MemoryLayout<T>.stride, as: T.self)
    }

    /// Calls `body` with all `count` values (null slots included) as one typed buffer: the fast path.
    @inlinable
    public func withUnsafeValues<R>(_ body: (UnsafeBufferPointer<T>) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer(as: T.self, body)
    }

    /// The slots in `range`, sharing this array's buffers.
    ///
    /// - Precondition: `range` lies inside `0..<count`.
    public func slice(_ range: Range<Int>) -> PrimitiveArray<T> {
        checkSliceRange(range)
        let stride = MemoryLayout<T>.stride
        return PrimitiveArray(
            unchecked: dataType,
            values: values.slice(byteOffset: range.lowerBound * stride, byteCount: range.count * stride),
            validity: ValidityBitmap.slice(validity, range), count: range.count)
    }
}

extension PrimitiveArray: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
}

extension PrimitiveArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: T?...) {
        self.init(elements)
    }
}

extension PrimitiveArray: Equatable {
    /// Same type and nulls, and equal values in the valid slots.
    public static func == (lhs: PrimitiveArray, rhs: PrimitiveArray) -> Bool {
        guard lhs.hasSameShape(as: rhs) else { return false }
        for index in 0..<lhs.count where lhs.isValid(index) && lhs.value(at: index) != rhs.value(at: index) {
            return false
        }
        return true
    }
}

extension PrimitiveArray {
    public var description: String {
        describe { "\(value(at: $0))" }
    }
}
