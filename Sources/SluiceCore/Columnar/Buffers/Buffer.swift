#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An immutable, contiguous run of bytes: a view (byte offset and length) into one shared allocation.
///
/// Copying or slicing a `Buffer` never copies bytes: the views share the allocation, which is freed when
/// the last view goes away. Allocations made here are 64-byte aligned (Arrow's recommendation), so any
/// slice at a multiple of an element's stride is aligned for that element.
///
/// Read the bytes inside `withUnsafeBytes(_:)` or `withUnsafeBufferPointer(as:_:)`; the pointers are
/// valid only inside the closure.
public struct Buffer: Sendable {
    /// The alignment of every allocation this module makes.
    public static let alignment = 64

    @usableFromInline let storage: BufferStorage
    /// Byte offset of this view into `storage`.
    @usableFromInline let offset: Int
    /// The number of bytes in this view.
    public let byteCount: Int

    @usableFromInline
    init(storage: BufferStorage, offset: Int, byteCount: Int) {
        self.storage = storage
        self.offset = offset
        self.byteCount = byteCount
    }

    /// An empty buffer. Allocates nothing.
    public init() {
        self.init(storage: .empty, offset: 0, byteCount: 0)
    }

    /// An empty buffer. Allocates nothing.
    public static var empty: Buffer { Buffer() }

    /// Copies `bytes` into a new 64-byte-aligned allocation.
    public init(copying bytes: UnsafeRawBufferPointer) {
        var builder = MutableBuffer(capacity: bytes.count)
        builder.append(bytes: bytes)
        self = builder.finish()
    }

    /// Copies the values' bytes (native byte order) into a new 64-byte-aligned allocation.
    public init<T: BitwiseCopyable>(copying values: [T]) {
        self = values.withUnsafeBytes { Buffer(copying: $0) }
    }

    /// Wraps memory allocated elsewhere without copying it (a memory-mapped file, a decompression
    /// buffer). `deallocator` runs once, when the last view of the returned buffer goes away.
    ///
    /// The memory must not be written for as long as any view exists. Arrays require their buffers to
    /// be aligned for their element type, so check `isAligned(to:)` or copy if the source is unaligned.
    public init(bytesNoCopy pointer: UnsafeRawPointer, byteCount: Int, deallocator: Deallocator) {
        precondition(byteCount >= 0, "negative byte count \(byteCount)")
        let storage = BufferStorage(pointer: pointer, capacity: byteCount, deallocator: deallocator)
        self.init(storage: storage, offset: 0, byteCount: byteCount)
    }

    /// What to do with memory that a `Buffer` wraps once the last view of it goes away.
    public enum Deallocator: Sendable {
        /// `UnsafeMutableRawPointer.deallocate()`: for memory from `UnsafeMutableRawPointer.allocate`.
        case standard
        /// A custom release (munmap, free, or releasing an owner captured by the closure).
        case custom(@Sendable (UnsafeMutableRawPointer) -> Void)
    }

    /// The first byte of this view. Valid only while `storage` is alive.
    @inlinable
    var baseAddress: UnsafeRawPointer { storage.pointer + offset }

    /// Whether the view is empty.
    public var isEmpty: Bool { byteCount == 0 }

    /// Calls `body` with the view's bytes. The pointer must not escape the closure.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) {
            try body(UnsafeRawBufferPointer(start: baseAddress, count: byteCount))
        }
    }

    /// Calls `body` with the view's bytes as a typed buffer of `byteCount / stride` values.
    ///
    /// - Precondition: the view is aligned for `T` and its length is a multiple of `T`'s stride.
    @inlinable
    public func withUnsafeBufferPointer<T: BitwiseCopyable, R>(
        as type: T.Type, _ body: (UnsafeBufferPointer<T>) throws -> R
    ) rethrows -> R {
        precondition(isAligned(to: MemoryLayout<T>.alignment), "buffer is not aligned for \(T.self)")
        precondition(byteCount % MemoryLayout<T>.stride == 0, "buffer length is not a multiple of \(T.self)")
        return try withUnsafeBytes { raw in
            try raw.withMemoryRebound(to: T.self, body)
        }
    }

    /// Loads a value of `T` at `byteOffset` (native byte order).
    ///
    /// - Precondition: the value lies inside the view and its address is aligned for `T`.
    @inlinable
    public func load<T: BitwiseCopyable>(fromByteOffset byteOffset: Int, as type: T.Type) -> T {
        precondition(
            byteOffset >= 0 && byteOffset + MemoryLayout<T>.size <= byteCount,
            "byte offset \(byteOffset) out of range for a \(byteCount)-byte buffer")
        return baseAddress.load(fromByteOffset: byteOffset, as: T.self)
    }

    /// A view of `byteCount` bytes starting `byteOffset` bytes into this one. Copies nothing.
    ///
    /// - Precondition: the range lies inside this view.
    public func slice(byteOffset: Int, byteCount: Int) -> Buffer {
        precondition(
            byteOffset >= 0 && byteCount >= 0 && byteOffset + byteCount <= self.byteCount,
            "slice \(byteOffset)..<\(byteOffset + byteCount) out of range 0..<\(self.byteCount)")
        return Buffer(storage: storage, offset: offset + byteOffset, byteCount: byteCount)
    }

    /// A view of the given byte range of this one. Copies nothing.
    ///
    /// - Precondition: the range lies inside this view.
    public func slice(_ byteRange: Range<Int>) -> Buffer {
        slice(byteOffset: byteRange.lowerBound, byteCount: byteRange.count)
    }

    /// Whether the first byte's address is a multiple of `alignment`.
    @inlinable
    public func isAligned(to alignment: Int) -> Bool {
        Int(bitPattern: baseAddress) % alignment == 0
    }

    /// This buffer if its first byte is aligned to `alignment`, else a 64-byte-aligned copy. For decoders
    /// wrapping foreign bytes (Arrow IPC guarantees only 8-byte alignment; `Int128` needs 16).
    public func aligned(to alignment: Int) -> Buffer {
        isAligned(to: alignment) ? self : withUnsafeBytes { Buffer(copying: $0) }
    }

    /// Whether both views share one allocation (zero-copy slices of each other, or of a common buffer).
    public func sharesStorage(with other: Buffer) -> Bool {
        storage === other.storage
    }

    /// The bytes copied into an array (for tests and small values).
    public var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }
}

extension Buffer: Equatable {
    /// Byte-wise equality of the two views' contents.
    public static func == (lhs: Buffer, rhs: Buffer) -> Bool {
        guard lhs.byteCount == rhs.byteCount else { return false }
        if lhs.storage === rhs.storage && lhs.offset == rhs.offset { return true }
        guard lhs.byteCount > 0 else { return true }
        return lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in
                guard let left = left.baseAddress, let right = right.baseAddress else { return false }
                return memcmp(left, right, lhs.byteCount) == 0
            }
        }
    }
}

extension Buffer: CustomStringConvertible {
    public var description: String { "Buffer(\(byteCount) bytes)" }
}
