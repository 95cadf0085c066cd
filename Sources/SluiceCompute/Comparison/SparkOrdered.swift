import SluiceCore

/// A stored value type with Spark's comparison semantics: integers compare as numbers; for floats,
/// NaN equals NaN and is larger than every other value, and -0.0 equals 0.0 (Spark's "NaN semantics").
public protocol SparkOrdered: FixedWidthValue {
    static func sparkEqual(_ left: Self, _ right: Self) -> Bool
    static func sparkLess(_ left: Self, _ right: Self) -> Bool
}

extension SparkOrdered where Self: BinaryInteger {
    @inline(__always) public static func sparkEqual(_ left: Self, _ right: Self) -> Bool { left == right }
    @inline(__always) public static func sparkLess(_ left: Self, _ right: Self) -> Bool { left < right }
}

extension SparkOrdered where Self: BinaryFloatingPoint {
    @inline(__always) public static func sparkEqual(_ left: Self, _ right: Self) -> Bool {
        left == right || (left.isNaN && right.isNaN)
    }

    @inline(__always) public static func sparkLess(_ left: Self, _ right: Self) -> Bool {
        // NaN is the largest value: it is less than nothing, and every other value is less than it.
        if left.isNaN { return false }
        if right.isNaN { return true }
        return left < right
    }
}

extension Int8: SparkOrdered {}
extension Int16: SparkOrdered {}
extension Int32: SparkOrdered {}
extension Int64: SparkOrdered {}
extension UInt8: SparkOrdered {}
extension UInt16: SparkOrdered {}
extension UInt32: SparkOrdered {}
extension UInt64: SparkOrdered {}
extension Int128: SparkOrdered {}
extension Float: SparkOrdered {}
extension Double: SparkOrdered {}
