import SluiceCore

/// `left op right` with Spark 4's ANSI semantics.
///
/// - Integers (`int8`...`int64`, both sides of one type): `+ - *` keep the type and fail on overflow
///   (`[ARITHMETIC_OVERFLOW] long overflow: 9223372036854775807 + 1 ...`); `/` gives a double;
///   `div` gives a bigint; `%` and `pmod` keep the type. A zero divisor fails with `[DIVIDE_BY_ZERO]`.
/// - Floats (`float32`, `float64`, both sides of one type): IEEE results for `+ - * % pmod`
///   (infinities, NaN); `/` gives a double. Spark 4 ANSI also fails `/`, `%` and `pmod` on a zero
///   divisor for floats ("divide an INTERVAL, or numeric by 0" raises DIVIDE_BY_ZERO,
///   docs.databricks.com/error-messages/divide-by-zero-error-class).
/// - Decimals (any precision and scale): `+ - * /` with Spark's result type (`decimalResultType`) and
///   HALF_UP rounding; a result that does not fit fails with `[NUMERIC_VALUE_OUT_OF_RANGE]`.
///
/// Mixed types (int + double, int + decimal) must be cast to a common type first, as Spark's analyzer
/// does. With `mode: .nullOnError` (the `try_` functions) failing rows become null instead.
public func arithmetic(_ left: Datum, _ op: ArithmeticOperator, _ right: Datum, mode: ErrorMode = .ansi) throws
    -> any ColumnArray
{
    let rows = try Datum.rowCount(left, right)
    switch (left.dataType, right.dataType) {
    case (.decimal, .decimal):
        return try DecimalArithmetic.run(left, op, right, rows: rows, mode: mode)
    case (let leftType, let rightType) where leftType == rightType:
        break
    default:
        throw ComputeError(
            .unsupported,
            "cannot compute \(left.dataType) \(op.rawValue) \(right.dataType); cast to a common type first")
    }
    switch left.dataType {
    case .int8: return try IntegerArithmetic<Int8>.run(left, op, right, rows: rows, mode: mode, typeName: "byte")
    case .int16: return try IntegerArithmetic<Int16>.run(left, op, right, rows: rows, mode: mode, typeName: "short")
    case .int32: return try IntegerArithmetic<Int32>.run(left, op, right, rows: rows, mode: mode, typeName: "integer")
    case .int64: return try IntegerArithmetic<Int64>.run(left, op, right, rows: rows, mode: mode, typeName: "long")
    case .float32: return try FloatArithmetic<Float>.run(left, op, right, rows: rows, mode: mode)
    case .float64: return try FloatArithmetic<Double>.run(left, op, right, rows: rows, mode: mode)
    default:
        throw ComputeError(.unsupported, "no arithmetic on \(left.dataType)")
    }
}

/// `arithmetic` over two arrays.
public func arithmetic(
    _ left: any ColumnArray, _ op: ArithmeticOperator, _ right: any ColumnArray, mode: ErrorMode = .ansi
) throws -> any ColumnArray {
    try arithmetic(.array(left), op, .array(right), mode: mode)
}

/// Unary minus: integers fail on the minimum value (`[ARITHMETIC_OVERFLOW] long overflow: -(-9223372036854775808)`),
/// floats and decimals negate exactly.
public func negate(_ input: any ColumnArray, mode: ErrorMode = .ansi) throws -> any ColumnArray {
    switch input {
    case let array as Int8Array: return try IntegerArithmetic<Int8>.negate(array, mode: mode, typeName: "byte")
    case let array as Int16Array: return try IntegerArithmetic<Int16>.negate(array, mode: mode, typeName: "short")
    case let array as Int32Array where array.dataType == .int32:
        return try IntegerArithmetic<Int32>.negate(array, mode: mode, typeName: "integer")
    case let array as Int64Array where array.dataType == .int64:
        return try IntegerArithmetic<Int64>.negate(array, mode: mode, typeName: "long")
    case let array as Float32Array: return try FloatArithmetic<Float>.negate(array)
    case let array as Float64Array: return try FloatArithmetic<Double>.negate(array)
    case let array as Decimal128Array:
        return try BinaryKernel.unary(array, resultType: array.dataType, mode: mode) { _, _ in
            ComputeError(.arithmeticOverflow, "decimal negation")
        } _: {
            (-$0, [])
        }
    default:
        throw ComputeError(.unsupported, "no unary minus on \(input.dataType)")
    }
}
