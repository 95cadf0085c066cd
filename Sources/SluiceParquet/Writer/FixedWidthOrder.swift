/// The statistics order of an INT32, INT64, FLOAT or DOUBLE column, over the values' bit patterns.
protocol FixedWidthOrder {
    associatedtype Key: FixedWidthInteger & UnsignedInteger & BitwiseCopyable
    /// Whether `a` sorts before `b`.
    static func less(_ a: Key, _ b: Key) -> Bool
    /// Values left out of min and max (NaN).
    static func isIgnored(_ value: Key) -> Bool
    /// The minimum and maximum as written: a zero minimum is -0.0 and a zero maximum +0.0, as the
    /// format asks of floating point statistics.
    static func written(min: Key, max: Key) -> (min: Key, max: Key)
    static var isSigned: Bool { get }
}

extension FixedWidthOrder {
    static func isIgnored(_ value: Key) -> Bool { false }
    static func written(min: Key, max: Key) -> (min: Key, max: Key) { (min, max) }
    static var isSigned: Bool { true }
}

/// INT32 values as signed integers.
enum SignedInt32Order: FixedWidthOrder {
    static func less(_ a: UInt32, _ b: UInt32) -> Bool { Int32(bitPattern: a) < Int32(bitPattern: b) }
}

/// INT32 values annotated as unsigned integers.
enum UnsignedInt32Order: FixedWidthOrder {
    static func less(_ a: UInt32, _ b: UInt32) -> Bool { a < b }
    static var isSigned: Bool { false }
}

/// INT64 values as signed integers.
enum SignedInt64Order: FixedWidthOrder {
    static func less(_ a: UInt64, _ b: UInt64) -> Bool { Int64(bitPattern: a) < Int64(bitPattern: b) }
}

/// INT64 values annotated as unsigned integers.
enum UnsignedInt64Order: FixedWidthOrder {
    static func less(_ a: UInt64, _ b: UInt64) -> Bool { a < b }
    static var isSigned: Bool { false }
}

/// FLOAT values; NaN is left out.
enum FloatOrder: FixedWidthOrder {
    static func less(_ a: UInt32, _ b: UInt32) -> Bool { Float(bitPattern: a) < Float(bitPattern: b) }
    static func isIgnored(_ value: UInt32) -> Bool { Float(bitPattern: value).isNaN }
    static func written(min: UInt32, max: UInt32) -> (min: UInt32, max: UInt32) {
        (
            Float(bitPattern: min) == 0 ? (-0.0 as Float).bitPattern : min,
            Float(bitPattern: max) == 0 ? (0.0 as Float).bitPattern : max
        )
    }
}

/// DOUBLE values; NaN is left out.
enum DoubleOrder: FixedWidthOrder {
    static func less(_ a: UInt64, _ b: UInt64) -> Bool { Double(bitPattern: a) < Double(bitPattern: b) }
    static func isIgnored(_ value: UInt64) -> Bool { Double(bitPattern: value).isNaN }
    static func written(min: UInt64, max: UInt64) -> (min: UInt64, max: UInt64) {
        (
            Double(bitPattern: min) == 0 ? (-0.0 as Double).bitPattern : min,
            Double(bitPattern: max) == 0 ? (0.0 as Double).bitPattern : max
        )
    }
}
