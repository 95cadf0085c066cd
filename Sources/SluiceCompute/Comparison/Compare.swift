import SluiceCore

/// `left op right` row by row, with Spark's semantics, as a boolean column (null where an input is
/// null, except for `<=>`).
///
/// Both sides must have the same type, apart from decimals, which may differ in precision and scale.
/// Spark widens mixed numeric operands first (`int = double` compares as doubles, `int = decimal` as
/// decimals): the caller inserts that cast (see `cast`), as Spark's analyzer does. Strings and binaries
/// compare by unsigned bytes; floats put NaN above every value and equal to itself; -0.0 equals 0.0.
/// With two scalars the result has one row.
///
/// - Throws: `ComputeError.unsupported` for other type pairs, `.invalidArgument` for different lengths.
public func compare(_ left: Datum, _ op: ComparisonOperator, _ right: Datum) throws -> BooleanArray {
    let rows = try Datum.rowCount(left, right)
    switch (left.dataType, right.dataType) {
    case (.decimal(_, let leftScale), .decimal(_, let rightScale)) where leftScale != rightScale:
        let scale = max(leftScale, rightScale)
        return try compare(
            DecimalComparison.rescaled(left, to: scale), op, DecimalComparison.rescaled(right, to: scale))
    case (.boolean, .boolean):
        return try compare(BooleanComparison.asBytes(left), op, BooleanComparison.asBytes(right))
    default:
        break
    }
    guard comparable(left.dataType, right.dataType) else {
        throw ComputeError(.unsupported, "cannot compare \(left.dataType) with \(right.dataType)")
    }
    switch left.dataType {
    case .int8: return try PrimitiveComparison<Int8>.run(left, op, right, rows: rows)
    case .int16: return try PrimitiveComparison<Int16>.run(left, op, right, rows: rows)
    case .int32, .date32, .time(.second), .time(.millisecond):
        return try PrimitiveComparison<Int32>.run(left, op, right, rows: rows)
    case .int64, .timestamp, .time: return try PrimitiveComparison<Int64>.run(left, op, right, rows: rows)
    case .uint8: return try PrimitiveComparison<UInt8>.run(left, op, right, rows: rows)
    case .uint16: return try PrimitiveComparison<UInt16>.run(left, op, right, rows: rows)
    case .uint32: return try PrimitiveComparison<UInt32>.run(left, op, right, rows: rows)
    case .uint64: return try PrimitiveComparison<UInt64>.run(left, op, right, rows: rows)
    case .float32: return try PrimitiveComparison<Float>.run(left, op, right, rows: rows)
    case .float64: return try PrimitiveComparison<Double>.run(left, op, right, rows: rows)
    case .decimal: return try PrimitiveComparison<Int128>.run(left, op, right, rows: rows)
    case .string: return try ByteComparison<StringKind>.run(left, op, right, rows: rows)
    case .binary: return try ByteComparison<BinaryKind>.run(left, op, right, rows: rows)
    default:
        throw ComputeError(.unsupported, "cannot compare values of type \(left.dataType)")
    }
}

/// `compare` over two arrays.
public func compare(_ left: any ColumnArray, _ op: ComparisonOperator, _ right: any ColumnArray) throws
    -> BooleanArray
{
    try compare(.array(left), op, .array(right))
}

/// Same storage and meaning: equal types, or timestamps of one unit (time zones only change display).
private func comparable(_ left: DataType, _ right: DataType) -> Bool {
    switch (left, right) {
    case (.timestamp(let leftUnit, _), .timestamp(let rightUnit, _)): return leftUnit == rightUnit
    case (.decimal(_, let leftScale), .decimal(_, let rightScale)): return leftScale == rightScale
    default: return left == right
    }
}

/// The result of a comparison given the value bits (computed for every row, nulls included) and the
/// operand validities.
func comparisonResult(
    _ values: consuming BitmapWriter, _ op: ComparisonOperator, rows: Int, left: ValidityBitmap?,
    right: ValidityBitmap?, leftAllNull: Bool, rightAllNull: Bool
) throws -> BooleanArray {
    let bits = values.finish()
    if op != .nullSafeEqual {
        if leftAllNull || rightAllNull {
            return try rebuilt {
                try BooleanArray(
                    values: BitBuffer(repeating: false, count: rows),
                    validity: rows == 0 ? nil : ValidityBitmap(BitBuffer(repeating: false, count: rows)))
            }
        }
        return try rebuilt { try BooleanArray(values: bits, validity: ValidityAlgebra.and(left, right)) }
    }
    // `<=>`: equal values where both are valid, true where both are null, false otherwise.
    let leftValid = leftAllNull ? BitBuffer(repeating: false, count: rows) : left?.bits
    let rightValid = rightAllNull ? BitBuffer(repeating: false, count: rows) : right?.bits
    if leftValid == nil && rightValid == nil {
        return try rebuilt { try BooleanArray(values: bits) }
    }
    let allValid = BitBuffer(repeating: true, count: rows)
    let leftBits = leftValid ?? allValid
    let rightBits = rightValid ?? allValid
    let bothValid = ValidityAlgebra.combineBits(leftBits, rightBits) { $0 & $1 }
    let bothNull = ValidityAlgebra.combineBits(leftBits, rightBits) { ~$0 & ~$1 }
    let equalAndValid = ValidityAlgebra.combineBits(bits, bothValid) { $0 & $1 }
    let result = ValidityAlgebra.combineBits(equalAndValid, bothNull) { $0 | $1 }
    return try rebuilt { try BooleanArray(values: result) }
}
