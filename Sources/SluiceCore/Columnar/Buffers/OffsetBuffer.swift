/// The `count + 1` Int32 offsets that cut a child (bytes of a string array, elements of a list array)
/// into `count` consecutive ranges: range `i` is `self[i]..<self[i + 1]`.
///
/// Offsets are absolute positions in the child, and slicing keeps them so: a slice is a view of
/// `count + 1` entries of the same buffer, and the child is not touched. A writer that needs offsets
/// starting at 0 subtracts `first`.
public struct OffsetBuffer: Sendable {
    /// The `count + 1` offsets as native-endian Int32.
    public let buffer: Buffer

    /// Validates and wraps `buffer`. Copies nothing.
    ///
    /// An empty buffer is taken as the single offset 0 (Arrow IPC allows that for empty arrays).
    ///
    /// - Throws: `ColumnarError.invalidBuffer` unless the buffer is 4-byte aligned, a multiple of 4 bytes
    ///   long, starts at an offset `>= 0` and never decreases.
    public init(_ buffer: Buffer) throws {
        if buffer.isEmpty {
            self = .zero
            return
        }
        guard buffer.byteCount % 4 == 0 else {
            throw ColumnarError.invalidBuffer("offsets buffer length \(buffer.byteCount) is not a multiple of 4")
        }
        guard buffer.isAligned(to: 4) else {
            throw ColumnarError.invalidBuffer("offsets buffer is not 4-byte aligned")
        }
        let problem: String? = buffer.withUnsafeBufferPointer(as: Int32.self) { offsets in
            guard offsets[0] >= 0 else { return "first offset \(offsets[0]) is negative" }
            guard Self.hasDecrease(offsets) else { return nil }
            for index in 1..<offsets.count where offsets[index] < offsets[index - 1] {
                return "offset \(index) (\(offsets[index])) is less than offset \(index - 1) (\(offsets[index - 1]))"
            }
            return nil
        }
        if let problem {
            throw ColumnarError.invalidBuffer(problem)
        }
        self.init(unchecked: buffer)
    }

    /// Whether any offset is less than the one before it. Decoders wrap every offsets buffer they
    /// read, so this runs on their hot path: sixteen offsets at a time, compared with the sixteen
    /// before them, without an early exit (a scalar loop was most of an Arrow batch's decode time).
    private static func hasDecrease(_ offsets: UnsafeBufferPointer<Int32>) -> Bool {
        guard let base = offsets.baseAddress, offsets.count > 1 else { return false }
        let raw = UnsafeRawPointer(base)
        var decreases = SIMDMask<SIMD16<Int32>>(repeating: false)
        var index = 1
        while index + 16 <= offsets.count {
            let current = raw.loadUnaligned(fromByteOffset: 4 * index, as: SIMD16<Int32>.self)
            let previous = raw.loadUnaligned(fromByteOffset: 4 * (index - 1), as: SIMD16<Int32>.self)
            decreases .|= current .< previous
            index += 16
        }
        var tail = false
        while index < offsets.count {
            tail = tail || offsets[index] < offsets[index - 1]
            index += 1
        }
        return tail || any(decreases)
    }

    /// Validates and copies `offsets`.
    public init(_ offsets: [Int32]) throws {
        try self.init(Buffer(copying: offsets))
    }

    /// Offsets for consecutive ranges of the given lengths, starting at 0.
    ///
    /// - Precondition: every length is `>= 0` and the total fits in Int32.
    public init(lengths: some Sequence<Int>) {
        var buffer = MutableBuffer(capacity: 4 * (lengths.underestimatedCount + 1))
        var total = 0
        buffer.append(Int32(0))
        for length in lengths {
            precondition(length >= 0, "negative length \(length)")
            total += length
            precondition(total <= Int(Int32.max), "offsets exceed Int32.max; split the array")
            buffer.append(Int32(truncatingIfNeeded: total))
        }
        self.init(unchecked: buffer.finish())
    }

    @usableFromInline
    init(unchecked buffer: Buffer) {
        self.buffer = buffer
    }

    /// The single offset 0: zero ranges.
    public static let zero = OffsetBuffer(unchecked: Buffer(copying: [Int32(0)]))

    /// The number of ranges (one less than the number of offsets).
    @inlinable
    public var count: Int { buffer.byteCount / 4 - 1 }

    /// Offset `index`, for `0 <= index <= count`.
    @inlinable
    public subscript(index: Int) -> Int {
        Int(buffer.load(fromByteOffset: index &* 4, as: Int32.self))
    }

    /// Range `index`: `self[index]..<self[index + 1]`.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public func range(at index: Int) -> Range<Int> {
        precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)")
        return self[index]..<self[index &+ 1]
    }

    /// The first offset (where range 0 starts).
    public var first: Int { self[0] }

    /// The last offset (where the last range ends).
    public var last: Int { self[count] }

    /// The offsets of ranges `range`: `range.count + 1` entries of the same buffer.
    ///
    /// - Precondition: `range` lies inside `0..<count`.
    public func slice(_ range: Range<Int>) -> OffsetBuffer {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice \(range) out of range 0..<\(count)")
        return OffsetBuffer(unchecked: buffer.slice(byteOffset: range.lowerBound * 4, byteCount: (range.count + 1) * 4))
    }

    /// Calls `body` with the `count + 1` offsets.
    @inlinable
    public func withUnsafeOffsets<R>(_ body: (UnsafeBufferPointer<Int32>) throws -> R) rethrows -> R {
        try buffer.withUnsafeBufferPointer(as: Int32.self, body)
    }
}

extension OffsetBuffer: Equatable {
    /// Equal when the ranges have the same lengths (absolute positions may differ).
    public static func == (lhs: OffsetBuffer, rhs: OffsetBuffer) -> Bool {
        guard lhs.count == rhs.count else { return false }
        let shift = rhs.first - lhs.first
        for index in 0...lhs.count where lhs[index] + shift != rhs[index] {
            return false
        }
        return true
    }
}
