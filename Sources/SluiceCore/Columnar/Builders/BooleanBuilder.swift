/// Builds a `BooleanArray`, packing values eight to a byte.
public final class BooleanBuilder: ArrayBuilder {
    // Builders are not Sendable and never hand out access to these properties, so accesses cannot overlap;
    // unchecked exclusivity drops the runtime access tracking that otherwise dominates each append.
    @exclusivity(unchecked) @usableFromInline var values: BitBufferBuilder
    @exclusivity(unchecked) @usableFromInline var validity: ValidityBuilder

    /// An empty builder with room for `capacity` values.
    public init(capacity: Int = 0) {
        values = BitBufferBuilder(capacity: capacity)
        validity = ValidityBuilder(capacity: capacity)
    }

    public var dataType: DataType { .boolean }

    public var count: Int { validity.count }

    public func reserve(_ additional: Int) {
        values.reserve(additional)
        validity.reserve(additional)
    }

    /// Appends a value.
    @inlinable
    public func append(_ value: Bool) {
        values.append(value)
        validity.appendValid()
    }

    /// Appends a value, or a null for nil.
    @inlinable
    public func append(_ value: Bool?) {
        if let value {
            append(value)
        } else {
            appendNull()
        }
    }

    /// Appends a null slot (its value bit is 0).
    public func appendNull() {
        appendNulls(1)
    }

    public func appendNulls(_ count: Int) {
        values.append(repeating: false, count: count)
        validity.appendNulls(count)
    }

    public func finish() -> BooleanArray {
        let bitmap = validity.finish()
        return BooleanArray(unchecked: values.finish(), validity: bitmap)
    }
}
