import SluiceCore

/// Compares a row of one set of key columns with a row of another (the probe and build sides of a hash
/// join, or a batch and a group table), column by column, with the column types resolved once.
///
/// Floats compare as Spark groups them: -0.0 equals 0.0, NaN equals NaN. Strings compare by bytes.
public struct RowEquality {
    private let columns: [(Int, Int) -> Bool]

    /// - Parameter nullsEqual: true for grouping (`GROUP BY`, `DISTINCT`: null keys form one group),
    ///   false for join keys (a null never matches).
    /// - Throws: `ComputeError.invalidArgument` when the sides have different column counts or types,
    ///   `.unsupported` for nested or float16 keys.
    public init(left: [any ColumnArray], right: [any ColumnArray], nullsEqual: Bool) throws {
        guard left.count == right.count else {
            throw ComputeError(.invalidArgument, "\(left.count) key columns against \(right.count)")
        }
        columns = try zip(left, right).map { try RowEquality.columnEquality($0, $1, nullsEqual: nullsEqual) }
    }

    /// Whether row `leftRow` of the left columns has the same keys as row `rightRow` of the right ones.
    @inline(__always)
    public func equal(_ leftRow: Int, _ rightRow: Int) -> Bool {
        for column in columns where !column(leftRow, rightRow) {
            return false
        }
        return true
    }

    private static func columnEquality(_ left: any ColumnArray, _ right: any ColumnArray, nullsEqual: Bool) throws
        -> (Int, Int) -> Bool
    {
        guard left.dataType.isCompatible(with: right.dataType) else {
            throw ComputeError(.invalidArgument, "cannot match \(left.dataType) keys with \(right.dataType) keys")
        }
        let values: (Int, Int) -> Bool
        switch (left, right) {
        case (let a as Int8Array, let b as Int8Array): values = primitive(a, b)
        case (let a as Int16Array, let b as Int16Array): values = primitive(a, b)
        case (let a as Int32Array, let b as Int32Array): values = primitive(a, b)
        case (let a as Int64Array, let b as Int64Array): values = primitive(a, b)
        case (let a as UInt8Array, let b as UInt8Array): values = primitive(a, b)
        case (let a as UInt16Array, let b as UInt16Array) where a.dataType == .uint16: values = primitive(a, b)
        case (let a as UInt32Array, let b as UInt32Array): values = primitive(a, b)
        case (let a as UInt64Array, let b as UInt64Array): values = primitive(a, b)
        case (let a as Float32Array, let b as Float32Array): values = primitive(a, b)
        case (let a as Float64Array, let b as Float64Array): values = primitive(a, b)
        case (let a as Decimal128Array, let b as Decimal128Array):
            guard a.dataType == b.dataType else {
                throw ComputeError(.invalidArgument, "cast \(a.dataType) and \(b.dataType) keys to one type first")
            }
            values = primitive(a, b)
        case (let a as StringArray, let b as StringArray): values = bytes(a, b)
        case (let a as BinaryArray, let b as BinaryArray): values = bytes(a, b)
        case (let a as BooleanArray, let b as BooleanArray): values = { a.value(at: $0) == b.value(at: $1) }
        default:
            throw ComputeError(.unsupported, "cannot match keys of type \(left.dataType)")
        }
        if left.validity == nil && right.validity == nil { return values }
        return { leftRow, rightRow in
            let leftNull = left.isNull(leftRow)
            let rightNull = right.isNull(rightRow)
            if leftNull || rightNull { return nullsEqual && leftNull && rightNull }
            return values(leftRow, rightRow)
        }
    }

    private static func primitive<T: SparkOrdered>(_ a: PrimitiveArray<T>, _ b: PrimitiveArray<T>) -> (Int, Int) -> Bool
    {
        { T.sparkEqual(a.value(at: $0), b.value(at: $1)) }
    }

    private static func bytes<Kind>(_ a: GenericByteArray<Kind>, _ b: GenericByteArray<Kind>) -> (Int, Int) -> Bool {
        { leftRow, rightRow in
            a.withUnsafeBytes(at: leftRow) { left in
                b.withUnsafeBytes(at: rightRow) { right in
                    equalBytes(
                        left.baseAddress ?? UnsafeRawPointer(bitPattern: 8).unsafelyUnwrapped, left.count,
                        right.baseAddress ?? UnsafeRawPointer(bitPattern: 8).unsafelyUnwrapped, right.count)
                }
            }
        }
    }
}
