/// Builds a `GenericByteArray` (`StringBuilder`, `BinaryBuilder`): each append adds the value's bytes to
/// one data buffer and one Int32 offset.
///
/// - Precondition (every append): the total bytes stay within `Int32.max` (2 GiB); split larger data
///   into several arrays.
public final class GenericByteBuilder<Kind: ByteArrayKind>: ArrayBuilder {
    // Builders are not Sendable and never hand out access to these properties, so accesses cannot overlap;
    // unchecked exclusivity drops the runtime access tracking that otherwise dominates each append.
    @exclusivity(unchecked) @usableFromInline var offsets: MutableBuffer
    @exclusivity(unchecked) @usableFromInline var data: MutableBuffer
    @exclusivity(unchecked) @usableFromInline var validity: ValidityBuilder

    /// An empty builder with room for `capacity` values totalling `byteCapacity` bytes.
    public init(capacity: Int = 0, byteCapacity: Int = 0) {
        offsets = MutableBuffer(capacity: (capacity + 1) * 4)
        offsets.append(Int32(0))
        data = MutableBuffer(capacity: byteCapacity)
        validity = ValidityBuilder(capacity: capacity)
    }

    public var dataType: DataType { Kind.dataType }

    public var count: Int { validity.count }

    /// The number of data bytes appended so far.
    public var byteCount: Int { data.byteCount }

    public func reserve(_ additional: Int) {
        offsets.reserve(additional * 4)
        validity.reserve(additional)
    }

    /// Makes room for `additionalBytes` more data bytes.
    public func reserveBytes(_ additionalBytes: Int) {
        data.reserve(additionalBytes)
    }

    @inlinable @inline(__always)
    func appendOffset() {
        precondition(data.length <= Int(Int32.max), "\(Kind.dataType) array exceeds 2 GiB of data; split it")
        offsets.append(Int32(truncatingIfNeeded: data.length))
    }

    /// Appends a value's bytes as one slot.
    @inlinable
    public func append(bytes: UnsafeRawBufferPointer) {
        data.append(bytes: bytes)
        appendOffset()
        validity.appendValid()
    }

    /// Appends a value.
    @inlinable
    public func append(_ value: Kind.Value) {
        Kind.withBytes(of: value) { data.append(bytes: $0) }
        appendOffset()
        validity.appendValid()
    }

    /// Appends a value, or a null for nil.
    @inlinable
    public func append(_ value: Kind.Value?) {
        if let value {
            append(value)
        } else {
            appendNull()
        }
    }

    /// Appends a null slot (empty bytes).
    public func appendNull() {
        appendOffset()
        validity.appendNull()
    }

    public func finish() -> GenericByteArray<Kind> {
        let bitmap = validity.finish()
        let finishedOffsets = OffsetBuffer(unchecked: offsets.finish())
        // The next array starts again at offset 0.
        offsets.append(Int32(0))
        return GenericByteArray(unchecked: finishedOffsets, data: data.finish(), validity: bitmap)
    }
}

/// Builds a `StringArray`.
public typealias StringBuilder = GenericByteBuilder<StringKind>
/// Builds a `BinaryArray`.
public typealias BinaryBuilder = GenericByteBuilder<BinaryKind>

extension GenericByteBuilder where Kind == BinaryKind {
    /// Appends the bytes as one slot.
    public func append(contentsOf bytes: some Sequence<UInt8>) {
        append(Array(bytes))
    }
}
