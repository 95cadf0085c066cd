import SluiceCore

/// Casts between dates and timestamps (at UTC, Spark's session zone here) and between timestamp units.
enum TemporalCast {
    static func fromDate(_ input: Date32Array, to target: DataType, mode: ErrorMode) throws -> any ColumnArray {
        guard case .timestamp(let unit, _) = target else {
            throw ComputeError(.unsupported, "cannot cast \(input.dataType) to \(target)")
        }
        let perDay = unit.perSecond * 86_400
        return try BinaryKernel.unary(input, resultType: target, mode: mode) { days, _ in
            ComputeError.castOverflow("\(days)", from: input.dataType, to: target)
        } _: { days in
            let (value, overflow) = Int64(days).multipliedReportingOverflow(by: perDay)
            return (value, overflow ? .overflow : [])
        }
    }

    static func fromTimestamp(_ input: TimestampArray, to target: DataType, mode: ErrorMode) throws -> any ColumnArray {
        guard case .timestamp(let unit, _) = input.dataType else {
            throw ComputeError(.unsupported, "cannot cast \(input.dataType) to \(target)")
        }
        let overflow = { (value: Int64, _: RowFailure) in
            ComputeError.castOverflow("\(value)", from: input.dataType, to: target)
        }
        switch target {
        case .date32:
            let perDay = unit.perSecond * 86_400
            return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) { value in
                let days = SparkText.floorDivide(value, perDay).0
                return (Int32(truncatingIfNeeded: days), Int32(exactly: days) == nil ? .overflow : [])
            }
        case .timestamp(let newUnit, _):
            if newUnit.perSecond >= unit.perSecond {
                let factor = newUnit.perSecond / unit.perSecond
                return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) { value in
                    let (result, failed) = value.multipliedReportingOverflow(by: factor)
                    return (result, failed ? .overflow : [])
                }
            }
            let divisor = unit.perSecond / newUnit.perSecond
            return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) { value in
                (SparkText.floorDivide(value, divisor).0, [])
            }
        default:
            throw ComputeError(.unsupported, "cannot cast \(input.dataType) to \(target)")
        }
    }
}
