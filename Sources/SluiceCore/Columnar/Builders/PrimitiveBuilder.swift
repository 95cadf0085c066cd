/// Builds a `PrimitiveArray<T>` value by value; the aliases (`Int64Builder`, `TimestampBuilder`, ...)
/// name the common ones.
///
/// Values go into one growable buffer (doubling), validity into a bitmap that is allocated only at the
/// first null. For data that is already in memory, `append(contentsOf:)` copies whole blocks.
public final class PrimitiveBuilder<T: FixedWidthValue>: ArrayBuilder {
    public let dataType: DataType
    // Builders are not Sendable and never hand out access to these properties, so accesses cannot overlap;
    // unchecked exclusivity drops the runtime access tracking that otherwise dominates each append.
    @exclusivity(unchecked) @usableFromInline var values: MutableBuffer
    @exclusivity(unchecked) @usableFromInline var validity: ValidityBuilder

    /// An empty builder with room for `capacity` values.
    ///
    /// - Precondition: `dataType` is stored as `T` and valid.
    public init(dataType: DataType = T.defaultDataType, capacity: Int = 0) {
        PrimitiveBuilder.checkDataType(dataType)
        self.dataType = dataType
        values = MutableBuffer(capacity: capacity * MemoryLayout<T>.stride)
        validity = ValidityBuilder(capacity: capacity)
    }

    static func checkDataType(_ dataType: DataType) {
        precondition(T.canStore(dataType), "\(dataType) values are not stored as \(T.self)")
        do {
            try dataType.validate()
        } catch {
            preconditionFailure("\(error)")
        }
    }

    public var count: Int { validity.count }

    public func reserve(_ additional: Int) {
        values.reserve(additional * MemoryLayout<T>.stride)
        validity.reserve(additional)
    }

    /// Appends a value.
    @inlinable
    public func append(_ value: T) {
        values.append(value)
        validity.appendValid()
    }

    /// Appends a value, or a null for nil.
    @inlinable
    public func append(_ value: T?) {
        if let value {
            append(value)
        } else {
            appendNull()
        }
    }

    /// Appends all `values` (no nulls) in one copy.
    public func append(contentsOf values: UnsafeBufferPointer<T>) {
        self.values.append(contentsOf: values)
        validity.appendValid(count: values.count)
    }

    /// Appends all `values` (no nulls) in one copy.
    public func append(contentsOf values: [T]) {
        values.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Appends a null slot (its value is zero).
    public func appendNull() {
        appendNulls(1)
    }

    public func appendNulls(_ count: Int) {
        values.appendZeros(count * MemoryLayout<T>.stride)
        validity.appendNulls(count)
    }

    public func finish() -> PrimitiveArray<T> {
        let count = validity.count
        let bitmap = validity.finish()
        return PrimitiveArray(unchecked: dataType, values: values.finish(), validity: bitmap, count: count)
    }
}
