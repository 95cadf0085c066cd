import SluiceCore

/// One side of a binary kernel inside its unsafe scope: a column's values, or a scalar's value.
enum Operand<T: FixedWidthValue> {
    case values(UnsafePointer<T>)
    case scalar(T)

    @inline(__always)
    subscript(row: Int) -> T {
        switch self {
        case .values(let pointer): return pointer[row]
        case .scalar(let value): return value
        }
    }
}

/// A failure found in a binary loop; combined with `|` so loops need no branch.
struct RowFailure: OptionSet {
    let rawValue: UInt8
    static let overflow = RowFailure(rawValue: 1)
    static let divideByZero = RowFailure(rawValue: 2)
}

/// Runs `compute` for every row into `target`, in one loop per operand shape so that the shape is not
/// re-examined per row; returns the union of the rows' failures (null rows included, the caller
/// rechecks).
@inline(__always)
func binaryLoop<A: FixedWidthValue, B: FixedWidthValue, R>(
    rows: Int, _ left: Operand<A>, _ right: Operand<B>, into target: UnsafeMutableBufferPointer<R>,
    _ compute: (A, B) -> (R, RowFailure)
) -> RowFailure {
    var failures: UInt8 = 0
    switch (left, right) {
    case (.values(let a), .values(let b)):
        for row in 0..<rows {
            let (value, failure) = compute(a[row], b[row])
            target[row] = value
            failures |= failure.rawValue
        }
    case (.values(let a), .scalar(let b)):
        for row in 0..<rows {
            let (value, failure) = compute(a[row], b)
            target[row] = value
            failures |= failure.rawValue
        }
    case (.scalar(let a), .values(let b)):
        for row in 0..<rows {
            let (value, failure) = compute(a, b[row])
            target[row] = value
            failures |= failure.rawValue
        }
    case (.scalar(let a), .scalar(let b)):
        for row in 0..<rows {
            let (value, failure) = compute(a, b)
            target[row] = value
            failures |= failure.rawValue
        }
    }
    return RowFailure(rawValue: failures)
}
