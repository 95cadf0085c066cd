/// A growable, 64-byte-aligned byte buffer that is frozen into an immutable `Buffer` without copying.
///
/// Noncopyable, so exactly one owner can write it: that is what makes the frozen `Buffer` safe to share.
/// Capacity doubles when it runs out, so appending n bytes costs O(n) amortized. Decoders can also size
/// it up front (`init(zeroedByteCount:)` or `resize(byteCount:)`) and fill it through
/// `withUnsafeMutableBytes(_:)`.
public struct MutableBuffer: ~Copyable {
    @usableFromInline var pointer: UnsafeMutableRawPointer
    @usableFromInline var capacity: Int
    @usableFromInline var length: Int

    /// An empty buffer with room for at least `capacity` bytes.
    public init(capacity: Int = 0) {
        precondition(capacity >= 0, "negative capacity \(capacity)")
        let rounded = MutableBuffer.roundedCapacity(capacity)
        pointer = .allocate(byteCount: rounded, alignment: Buffer.alignment)
        self.capacity = rounded
        length = 0
    }

    /// A buffer of `byteCount` zero bytes.
    public init(zeroedByteCount byteCount: Int) {
        self.init(capacity: byteCount)
        resize(byteCount: byteCount)
    }

    deinit {
        pointer.deallocate()
    }

    /// The number of bytes written so far.
    public var byteCount: Int { length }

    /// The number of bytes that fit without reallocating.
    public var byteCapacity: Int { capacity }

    /// Rounds up to a multiple of 64, and at least 64, so that every allocation is padded as Arrow
    /// recommends and never zero-sized.
    @usableFromInline
    static func roundedCapacity(_ bytes: Int) -> Int {
        max(Buffer.alignment, (bytes + Buffer.alignment - 1) & ~(Buffer.alignment - 1))
    }

    /// Makes room for `additionalBytes` more bytes past the current length.
    @inlinable
    public mutating func reserve(_ additionalBytes: Int) {
        let required = length + additionalBytes
        if required > capacity {
            grow(toAtLeast: required)
        }
    }

    // Kept out of line: it is the rare path of every append.
    @usableFromInline
    mutating func grow(toAtLeast required: Int) {
        let newCapacity = MutableBuffer.roundedCapacity(max(required, capacity * 2))
        let newPointer = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: Buffer.alignment)
        newPointer.copyMemory(from: pointer, byteCount: length)
        pointer.deallocate()
        pointer = newPointer
        capacity = newCapacity
    }

    /// Appends the bytes of `value` (native byte order, `MemoryLayout<T>.stride` bytes).
    @inlinable
    public mutating func append<T: BitwiseCopyable>(_ value: T) {
        let size = MemoryLayout<T>.stride
        reserve(size)
        (pointer + length).storeBytes(of: value, as: T.self)
        length += size
    }

    /// Appends a copy of `bytes`.
    @inlinable
    public mutating func append(bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (pointer + length).copyMemory(from: source, byteCount: bytes.count)
        length += bytes.count
    }

    /// Appends a copy of the values' bytes.
    @inlinable
    public mutating func append<T: BitwiseCopyable>(contentsOf values: UnsafeBufferPointer<T>) {
        append(bytes: UnsafeRawBufferPointer(values))
    }

    /// Appends a copy of the values' bytes.
    @inlinable
    public mutating func append<T: BitwiseCopyable>(contentsOf values: [T]) {
        values.withUnsafeBytes { append(bytes: $0) }
    }

    /// Appends `count` zero bytes.
    public mutating func appendZeros(_ count: Int) {
        resize(byteCount: length + count)
    }

    /// Sets the length to `byteCount`: new bytes are zero, and shrinking drops the tail (keeping the
    /// capacity).
    public mutating func resize(byteCount newLength: Int) {
        precondition(newLength >= 0, "negative byte count \(newLength)")
        if newLength > length {
            reserve(newLength - length)
            (pointer + length).initializeMemory(as: UInt8.self, repeating: 0, count: newLength - length)
        }
        length = newLength
    }

    /// Sets the byte count without zeroing new bytes: they hold whatever the allocation held until
    /// the caller overwrites them. For decoders that fill every new byte at once, where zeroing first
    /// would cost a second pass over the memory.
    public mutating func resize(uninitializedByteCount newLength: Int) {
        precondition(newLength >= 0, "negative byte count \(newLength)")
        if newLength > length { reserve(newLength - length) }
        length = newLength
    }

    /// Calls `body` with the written bytes (`0..<byteCount`), for reading or overwriting them in place.
    @inlinable
    public mutating func withUnsafeMutableBytes<R>(
        _ body: (UnsafeMutableRawBufferPointer) throws -> R
    ) rethrows -> R {
        try body(UnsafeMutableRawBufferPointer(start: pointer, count: length))
    }

    /// Calls `body` with the written bytes as `byteCount / stride` typed values.
    ///
    /// - Precondition: `byteCount` is a multiple of `T`'s stride.
    @inlinable
    public mutating func withUnsafeMutableBufferPointer<T: BitwiseCopyable, R>(
        as type: T.Type, _ body: (UnsafeMutableBufferPointer<T>) throws -> R
    ) rethrows -> R {
        precondition(length % MemoryLayout<T>.stride == 0, "buffer length is not a multiple of \(T.self)")
        return try withUnsafeMutableBytes { raw in
            try raw.withMemoryRebound(to: T.self, body)
        }
    }

    /// Calls `body` with the written bytes.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: pointer, count: length))
    }

    /// Hands the written bytes to an immutable `Buffer` without copying, and leaves this buffer empty
    /// (with a fresh minimal allocation) so that it can be reused.
    public mutating func finish() -> Buffer {
        let storage = BufferStorage(pointer: pointer, capacity: capacity, deallocator: .standard)
        let buffer = Buffer(storage: storage, offset: 0, byteCount: length)
        pointer = .allocate(byteCount: Buffer.alignment, alignment: Buffer.alignment)
        capacity = Buffer.alignment
        length = 0
        return buffer
    }

    /// Hands the written bytes to an immutable `Buffer` without copying, consuming this buffer.
    public consuming func freeze() -> Buffer {
        let storage = BufferStorage(pointer: pointer, capacity: capacity, deallocator: .standard)
        let buffer = Buffer(storage: storage, offset: 0, byteCount: length)
        // The storage now owns the allocation; skip the deinit that would free it.
        discard self
        return buffer
    }
}
