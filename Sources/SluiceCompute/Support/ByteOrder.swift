#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Unsigned byte-wise order of two byte strings (Spark's order for STRING and BINARY): negative, zero
/// or positive.
@inline(__always)
func compareBytes(_ left: UnsafeRawPointer, _ leftCount: Int, _ right: UnsafeRawPointer, _ rightCount: Int) -> Int {
    let common = min(leftCount, rightCount)
    if common > 0 {
        let order = memcmp(left, right, common)
        if order != 0 { return Int(order) }
    }
    return leftCount - rightCount
}

/// Whether two byte strings are equal.
@inline(__always)
func equalBytes(_ left: UnsafeRawPointer, _ leftCount: Int, _ right: UnsafeRawPointer, _ rightCount: Int) -> Bool {
    leftCount == rightCount && (leftCount == 0 || memcmp(left, right, leftCount) == 0)
}
