/// What the bytes of a `GenericByteArray` mean: UTF-8 text (`StringKind`) or raw bytes (`BinaryKind`).
/// The two share one implementation and differ only in data type and value type.
public protocol ByteArrayKind: Sendable {
    /// The Swift value one slot reads as.
    associatedtype Value: Sendable, Equatable
    /// `.string` or `.binary`.
    static var dataType: DataType { get }
    /// Makes a value from a slot's bytes.
    static func value(from bytes: UnsafeRawBufferPointer) -> Value
    /// Calls `body` with the bytes of `value`.
    static func withBytes<R>(of value: Value, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

/// UTF-8 text: `StringArray`, `StringBuilder`.
public enum StringKind: ByteArrayKind {
    public static var dataType: DataType { .string }

    /// Decodes UTF-8; invalid sequences become U+FFFD (bytes are not validated on construction).
    @inlinable
    public static func value(from bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    @inlinable
    public static func withBytes<R>(of value: String, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        // Native and small strings are contiguous UTF-8 already; only bridged ones need the copying path.
        if let result = try value.utf8.withContiguousStorageIfAvailable({ try body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        var value = value
        return try value.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
}

/// Raw bytes: `BinaryArray`, `BinaryBuilder`.
public enum BinaryKind: ByteArrayKind {
    public static var dataType: DataType { .binary }

    @inlinable
    public static func value(from bytes: UnsafeRawBufferPointer) -> [UInt8] {
        Array(bytes)
    }

    @inlinable
    public static func withBytes<R>(of value: [UInt8], _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try value.withUnsafeBytes(body)
    }
}
