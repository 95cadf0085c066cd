/// Builds a `FixedSizeBinaryArray`: each value must be exactly `byteWidth` bytes.
public final class FixedSizeBinaryBuilder: ArrayBuilder {
    public let byteWidth: Int
    // Builders are not Sendable and never hand out access to these properties, so accesses cannot overlap;
    // unchecked exclusivity drops the runtime access tracking that otherwise dominates each append.
    @exclusivity(unchecked) @usableFromInline var data: MutableBuffer
    @exclusivity(unchecked) @usableFromInline var validity: ValidityBuilder

    /// An empty builder with room for `capacity` values.
    ///
    /// - Precondition: `byteWidth >= 0`.
    public init(byteWidth: Int, capacity: Int = 0) {
        precondition(byteWidth >= 0, "negative byte width \(byteWidth)")
        self.byteWidth = byteWidth
        data = MutableBuffer(capacity: capacity * byteWidth)
        validity = ValidityBuilder(capacity: capacity)
    }

    public var dataType: DataType { .fixedSizeBinary(byteWidth: byteWidth) }

    public var count: Int { validity.count }

    public func reserve(_ additional: Int) {
        data.reserve(additional * byteWidth)
        validity.reserve(additional)
    }

    /// Appends one value.
    ///
    /// - Precondition: `bytes.count == byteWidth`.
    public func append(bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == byteWidth, "value has \(bytes.count) bytes, expected \(byteWidth)")
        data.append(bytes: bytes)
        validity.appendValid()
    }

    /// Appends one value.
    ///
    /// - Precondition: `value.count == byteWidth`.
    public func append(_ value: [UInt8]) {
        value.withUnsafeBytes { append(bytes: $0) }
    }

    /// Appends one value, or a null for nil.
    ///
    /// - Precondition: a non-nil `value` has `byteWidth` bytes.
    public func append(_ value: [UInt8]?) {
        if let value {
            append(value)
        } else {
            appendNull()
        }
    }

    /// Appends a null slot (zero bytes).
    public func appendNull() {
        appendNulls(1)
    }

    public func appendNulls(_ count: Int) {
        data.appendZeros(count * byteWidth)
        validity.appendNulls(count)
    }

    public func finish() -> FixedSizeBinaryArray {
        let count = validity.count
        let bitmap = validity.finish()
        return FixedSizeBinaryArray(unchecked: byteWidth, data: data.finish(), validity: bitmap, count: count)
    }
}
