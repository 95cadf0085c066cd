/// A column of variable-length byte strings in Arrow's layout: `count + 1` Int32 offsets into one
/// contiguous data buffer, plus an optional validity bitmap. `StringArray` and `BinaryArray` are this
/// type with a different `Kind`.
///
/// Slot `i` is `data[offsets[i]..<offsets[i + 1]]`. Slices share both buffers and keep absolute offsets,
/// so `offsets.first` need not be 0. For hot loops use `withUnsafeBytes(at:_:)` per value or
/// `withUnsafeOffsetsAndData(_:)` for the whole column.
public struct GenericByteArray<Kind: ByteArrayKind>: ColumnArray {
    /// `count + 1` offsets into `data`.
    public let offsets: OffsetBuffer
    /// All values' bytes back to back (the whole buffer, also for slices).
    public let data: Buffer
    public let validity: ValidityBitmap?

    /// Wraps existing buffers without copying them: how decoders produce arrays.
    ///
    /// - Throws: `ColumnarError` when the offsets point past `data` or `validity` covers a different count.
    public init(offsets: OffsetBuffer, data: Buffer, validity: ValidityBitmap? = nil) throws {
        guard offsets.last <= data.byteCount else {
            throw ColumnarError.invalidBuffer(
                "offsets reach byte \(offsets.last), the data buffer has \(data.byteCount) bytes")
        }
        let validity = try ValidityBitmap.normalized(validity, count: offsets.count, what: "\(Kind.dataType) array")
        self.init(unchecked: offsets, data: data, validity: validity)
    }

    @usableFromInline
    init(unchecked offsets: OffsetBuffer, data: Buffer, validity: ValidityBitmap?) {
        self.offsets = offsets
        self.data = data
        self.validity = validity
    }

    /// Copies `values`; nil becomes a null slot.
    public init(_ values: [Kind.Value?]) {
        let builder = GenericByteBuilder<Kind>(capacity: values.count)
        for value in values {
            builder.append(value)
        }
        self = builder.finish()
    }

    public var dataType: DataType { Kind.dataType }

    public var count: Int { offsets.count }

    /// Where slot `index` lies in `data`.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public func byteRange(at index: Int) -> Range<Int> { offsets.range(at: index) }

    /// Calls `body` with the bytes of slot `index` (empty for a null slot built here).
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public func withUnsafeBytes<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let range = offsets.range(at: index)
        return try data.withUnsafeBytes { bytes in
            try body(UnsafeRawBufferPointer(rebasing: bytes[range]))
        }
    }

    /// Calls `body` with the `count + 1` offsets and the whole data buffer they index.
    @inlinable
    public func withUnsafeOffsetsAndData<R>(
        _ body: (UnsafeBufferPointer<Int32>, UnsafeRawBufferPointer) throws -> R
    ) rethrows -> R {
        try offsets.withUnsafeOffsets { offsets in
            try data.withUnsafeBytes { data in try body(offsets, data) }
        }
    }

    /// Value `index`, ignoring validity.
    ///
    /// - Precondition: `0 <= index < count`.
    public func value(at index: Int) -> Kind.Value {
        withUnsafeBytes(at: index) { Kind.value(from: $0) }
    }

    /// Value `index`, or nil when the slot is null.
    ///
    /// - Precondition: `0 <= index < count`.
    public subscript(index: Int) -> Kind.Value? {
        if let validity, validity.isNull(index) { return nil }
        return value(at: index)
    }

    /// The bytes of slot `index`, copied.
    ///
    /// - Precondition: `0 <= index < count`.
    public func bytes(at index: Int) -> [UInt8] {
        withUnsafeBytes(at: index) { Array($0) }
    }

    public func slice(_ range: Range<Int>) -> GenericByteArray<Kind> {
        checkSliceRange(range)
        return GenericByteArray(
            unchecked: offsets.slice(range), data: data, validity: ValidityBitmap.slice(validity, range))
    }
}

/// UTF-8 strings with Int32 offsets (Arrow `Utf8`).
public typealias StringArray = GenericByteArray<StringKind>
/// Bytes with Int32 offsets (Arrow `Binary`).
public typealias BinaryArray = GenericByteArray<BinaryKind>

extension GenericByteArray where Kind == StringKind {
    /// The string in slot `index`, ignoring validity.
    ///
    /// - Precondition: `0 <= index < count`.
    public func string(at index: Int) -> String { value(at: index) }
}

extension GenericByteArray: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
}

extension GenericByteArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Kind.Value?...) {
        self.init(elements)
    }
}

extension GenericByteArray: Equatable {
    /// Same nulls and the same bytes in every valid slot.
    public static func == (lhs: GenericByteArray, rhs: GenericByteArray) -> Bool {
        guard lhs.hasSameShape(as: rhs) else { return false }
        for index in 0..<lhs.count where lhs.isValid(index) {
            let equal = lhs.withUnsafeBytes(at: index) { left in
                rhs.withUnsafeBytes(at: index) { right in left.elementsEqual(right) }
            }
            if !equal { return false }
        }
        return true
    }
}

extension GenericByteArray {
    public var description: String {
        describe { index in
            let value = value(at: index)
            return value is String ? "\"\(value)\"" : "\(value)"
        }
    }
}
