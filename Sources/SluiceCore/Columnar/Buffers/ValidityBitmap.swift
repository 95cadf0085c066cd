/// Which slots of an array hold a value: bit `i` set means slot `i` is valid, clear means null (Arrow's
/// validity bitmap, LSB bit order).
///
/// Arrays keep `validity == nil` exactly when they have no nulls, so a hot loop can branch once on
/// `array.validity` and skip all checks for null-free arrays. The null count is computed once, on
/// construction (a popcount), and slicing recounts only the slice.
public struct ValidityBitmap: Sendable, Equatable {
    /// The packed bits (1 = valid).
    public let bits: BitBuffer
    /// The number of clear bits.
    public let nullCount: Int

    /// Wraps `bits` and counts its nulls.
    public init(_ bits: BitBuffer) {
        self.init(unchecked: bits, nullCount: bits.count - bits.countSetBits())
    }

    /// Wraps `count` validity bits starting `offset` bits into `buffer`. Copies nothing.
    ///
    /// - Throws: `ColumnarError.invalidBuffer` when the buffer is too small.
    public init(buffer: Buffer, offset: Int = 0, count: Int) throws {
        self.init(try BitBuffer(buffer: buffer, offset: offset, count: count))
    }

    /// Packs `isValid` (true = valid).
    public init(_ isValid: [Bool]) {
        self.init(BitBuffer(isValid))
    }

    @usableFromInline
    init(unchecked bits: BitBuffer, nullCount: Int) {
        self.bits = bits
        self.nullCount = nullCount
    }

    /// The number of slots covered.
    public var count: Int { bits.count }

    /// Whether slot `index` holds a value.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public func isValid(_ index: Int) -> Bool { bits[index] }

    /// Whether slot `index` is null.
    ///
    /// - Precondition: `0 <= index < count`.
    @inlinable
    public func isNull(_ index: Int) -> Bool { !bits[index] }

    /// The slots in `range`, sharing this bitmap's bytes.
    ///
    /// - Precondition: `range` lies inside `0..<count`.
    public func slice(_ range: Range<Int>) -> ValidityBitmap {
        if range.count == count { return self }
        return ValidityBitmap(bits.slice(range))
    }
}

extension ValidityBitmap {
    /// Checks that an optional bitmap covers `count` slots and drops it when it has no nulls, which is
    /// the invariant every array keeps. `what` is built only for the error: decoders wrap arrays on
    /// their hot path.
    static func normalized(
        _ validity: ValidityBitmap?, count: Int, what: @autoclosure () -> String
    ) throws -> ValidityBitmap? {
        guard let validity else { return nil }
        guard validity.count == count else {
            throw ColumnarError.lengthMismatch(
                what: "validity bitmap of \(what())", expected: count, actual: validity.count)
        }
        return validity.nullCount == 0 ? nil : validity
    }

    /// Slices an optional bitmap, dropping the slice when it holds no nulls.
    static func slice(_ validity: ValidityBitmap?, _ range: Range<Int>) -> ValidityBitmap? {
        guard let validity else { return nil }
        let sliced = validity.slice(range)
        return sliced.nullCount == 0 ? nil : sliced
    }
}
