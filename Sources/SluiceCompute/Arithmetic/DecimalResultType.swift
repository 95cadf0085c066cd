import SluiceCore

/// Spark's result types for decimal arithmetic (`DecimalPrecision` with
/// `spark.sql.decimalOperations.allowPrecisionLoss=true`, the default).
///
/// - `+ -`: scale `max(s1, s2)`, precision `max(p1 - s1, p2 - s2) + scale + 1`
/// - `*`: precision `p1 + p2 + 1`, scale `s1 + s2`
/// - `/`: scale `max(6, s1 + p2 + 1)`, precision `p1 - s1 + s2 + scale`
///
/// A precision above 38 is cut to 38 and the scale reduced to keep the integral digits, but not below
/// `min(scale, 6)`.
///
/// - Throws: `ComputeError.unsupported` for non-decimal operands, negative scales, or other operators.
public func decimalResultType(_ op: ArithmeticOperator, _ left: DataType, _ right: DataType) throws -> DataType {
    guard case .decimal(let p1, let s1) = left, case .decimal(let p2, let s2) = right, s1 >= 0, s2 >= 0 else {
        throw ComputeError(.unsupported, "decimal arithmetic needs decimals with scale >= 0, got \(left) and \(right)")
    }
    switch op {
    case .add, .subtract:
        let scale = max(s1, s2)
        return adjustedDecimal(precision: max(p1 - s1, p2 - s2) + scale + 1, scale: scale)
    case .multiply:
        return adjustedDecimal(precision: p1 + p2 + 1, scale: s1 + s2)
    case .divide:
        let scale = max(6, s1 + p2 + 1)
        return adjustedDecimal(precision: p1 - s1 + s2 + scale, scale: scale)
    default:
        throw ComputeError(.unsupported, "decimal \(op.rawValue) is not supported; cast to double or bigint first")
    }
}

/// Spark's `DecimalType.adjustPrecisionScale`.
func adjustedDecimal(precision: Int, scale: Int) -> DataType {
    if precision <= 38 {
        return .decimal(precision: precision, scale: scale)
    }
    let integralDigits = precision - scale
    let minimumScale = min(scale, 6)
    return .decimal(precision: 38, scale: max(38 - integralDigits, minimumScale))
}
