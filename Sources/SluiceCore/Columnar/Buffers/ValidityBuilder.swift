/// Builds an optional `ValidityBitmap` one slot at a time.
///
/// Allocates no bitmap until the first null: an array built without nulls finishes with
/// `validity == nil` (Arrow's "absent when no nulls"), and appending valid slots is then a counter
/// increment. Noncopyable because it wraps a `BitBufferBuilder`.
public struct ValidityBuilder: ~Copyable {
    @usableFromInline var bits: BitBufferBuilder
    @usableFromInline var materialized: Bool
    @usableFromInline var length: Int
    @usableFromInline var nulls: Int
    /// How many slots to size the bitmap for when it is first needed.
    @usableFromInline var capacityHint: Int

    /// An empty builder expecting about `capacity` slots.
    public init(capacity: Int = 0) {
        bits = BitBufferBuilder()
        materialized = false
        length = 0
        nulls = 0
        capacityHint = capacity
    }

    /// The number of slots appended.
    public var count: Int { length }

    /// The number of null slots appended.
    public var nullCount: Int { nulls }

    /// Expects `additional` more slots.
    public mutating func reserve(_ additional: Int) {
        capacityHint = max(capacityHint, length + additional)
        if materialized {
            bits.reserve(additional)
        }
    }

    /// Appends a valid slot.
    @inlinable @inline(__always)
    public mutating func appendValid() {
        if materialized {
            bits.append(true)
        }
        length &+= 1
    }

    /// Appends a valid slot if `isValid`, a null slot otherwise.
    @inlinable
    public mutating func append(_ isValid: Bool) {
        if isValid {
            appendValid()
        } else {
            appendNulls(1)
        }
    }

    /// Appends `count` valid slots.
    public mutating func appendValid(count: Int) {
        if materialized {
            bits.append(repeating: true, count: count)
        }
        length += count
    }

    /// Appends one null slot.
    public mutating func appendNull() {
        appendNulls(1)
    }

    /// Appends `count` null slots.
    public mutating func appendNulls(_ count: Int) {
        guard count > 0 else { return }
        if !materialized {
            bits.reserve(max(capacityHint, length + count))
            bits.append(repeating: true, count: length)
            materialized = true
        }
        bits.append(repeating: false, count: count)
        length += count
        nulls += count
    }

    /// The bitmap, or nil when no null was appended; leaves the builder empty.
    public mutating func finish() -> ValidityBitmap? {
        defer {
            materialized = false
            length = 0
            nulls = 0
        }
        guard materialized else { return nil }
        return ValidityBitmap(unchecked: bits.finish(), nullCount: nulls)
    }
}
