/// A column of byte strings that all have `byteWidth` bytes (UUIDs, hashes, Parquet
/// FIXED_LEN_BYTE_ARRAY): one contiguous buffer of `count * byteWidth` bytes plus an optional validity
/// bitmap.
public struct FixedSizeBinaryArray: ColumnArray {
    /// The bytes per value.
    public let byteWidth: Int
    /// Exactly `count * byteWidth` bytes: value `i` starts at byte `i * byteWidth`.
    public let data: Buffer
    public let validity: ValidityBitmap?
    public let count: Int

    /// Wraps existing buffers without copying them. `data` may be longer than needed.
    ///
    /// - Throws: `ColumnarError` when the width is negative, `data` is too short, or `validity` covers a
    ///   different count.
    public init(byteWidth: Int, count: Int, data: Buffer, validity: ValidityBitmap? = nil) throws {
        try DataType.fixedSizeBinary(byteWidth: byteWidth).validate()
        guard count >= 0 else {
            throw ColumnarError.invalidBuffer("negative count \(count)")
        }
        let needed = count * byteWidth
        guard data.byteCount >= needed else {
            throw ColumnarError.invalidBuffer(
                "\(count) values of \(byteWidth) bytes need \(needed) bytes, the buffer has \(data.byteCount)")
        }
        let validity = try ValidityBitmap.normalized(validity, count: count, what: "fixed-size binary array")
        self.init(
            unchecked: byteWidth, data: data.slice(byteOffset: 0, byteCount: count * byteWidth), validity: validity,
            count: count)
    }

    @usableFromInline
    init(unchecked byteWidth: Int, data: Buffer, validity: ValidityBitmap?, count: Int) {
        self.byteWidth = byteWidth
        self.data = data
        self.validity = validity
        self.count = count
    }

    /// Copies `values`; nil becomes a null slot.
    ///
    /// - Precondition: every value has exactly `byteWidth` bytes.
    public init(byteWidth: Int, _ values: [[UInt8]?]) {
        let builder = FixedSizeBinaryBuilder(byteWidth: byteWidth, capacity: values.count)
        for value in values {
            builder.append(value)
        }
        self = builder.finish()
    }

    public var dataType: DataType { .fixedSizeBinary(byteWidth: byteWidth) }

    /// Calls `body` with the `byteWidth` bytes of slot `index`.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public func withUnsafeBytes<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)")
        return try data.withUnsafeBytes { bytes in
            let start = index * byteWidth
            return try body(UnsafeRawBufferPointer(rebasing: bytes[start..<start + byteWidth]))
        }
    }

    /// Calls `body` with all `count * byteWidth` bytes.
    @inlinable
    public func withUnsafeData<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try data.withUnsafeBytes(body)
    }

    /// The bytes of slot `index`, copied, ignoring validity.
    ///
    /// - Precondition: `0 <= index < count`.
    public func value(at index: Int) -> [UInt8] {
        withUnsafeBytes(at: index) { Array($0) }
    }

    /// The bytes of slot `index`, or nil when the slot is null.
    ///
    /// - Precondition: `0 <= index < count`.
    public subscript(index: Int) -> [UInt8]? {
        if let validity, validity.isNull(index) { return nil }
        return value(at: index)
    }

    public func slice(_ range: Range<Int>) -> FixedSizeBinaryArray {
        checkSliceRange(range)
        return FixedSizeBinaryArray(
            unchecked: byteWidth,
            data: data.slice(byteOffset: range.lowerBound * byteWidth, byteCount: range.count * byteWidth),
            validity: ValidityBitmap.slice(validity, range), count: range.count)
    }
}

extension FixedSizeBinaryArray: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
}

extension FixedSizeBinaryArray: Equatable {
    public static func == (lhs: FixedSizeBinaryArray, rhs: FixedSizeBinaryArray) -> Bool {
        guard lhs.hasSameShape(as: rhs) else { return false }
        for index in 0..<lhs.count where lhs.isValid(index) && lhs.value(at: index) != rhs.value(at: index) {
            return false
        }
        return true
    }
}

extension FixedSizeBinaryArray {
    public var description: String {
        describe { index in value(at: index).map { String($0, radix: 16) }.joined(separator: " ") }
    }
}
