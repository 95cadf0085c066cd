import SluiceCore

/// `CAST(input AS target)` with Spark 4's ANSI rules (`mode: .ansi`) or `TRY_CAST` (`.nullOnError`).
///
/// - Integers, floats, decimals and booleans convert among themselves. Narrowing that loses the value
///   fails with `[CAST_OVERFLOW]`; floats to integers truncate toward zero; a value with too many digits
///   for a decimal fails with `[NUMERIC_VALUE_OUT_OF_RANGE]`; reducing a decimal's scale rounds HALF_UP.
/// - Strings parse after trimming whitespace: integers `[+-]digits`; doubles with an exponent, `inf`,
///   `nan`; decimals; booleans `t/true/y/yes/1`, `f/false/n/no/0`; dates `yyyy[-mm[-dd]]`; timestamps
///   `yyyy-mm-dd[( |T)hh:mm[:ss[.fraction]]][Z|UTC|±hh[:mm]]` (no zone means the session zone, UTC).
///   Malformed text fails with `[CAST_INVALID_INPUT] The value 'abc' of the type "STRING" cannot be
///   cast to "INT" ...`.
/// - To string: as Spark prints values (`1.0E10` for doubles, decimals with their scale, timestamps
///   `yyyy-MM-dd HH:mm:ss[.ffffff]` without trailing zeros).
/// - Dates and timestamps convert at UTC; timestamps change unit.
///
/// - Throws: `ComputeError.unsupported` for pairs Spark does not cast (or not built yet: nested types).
public func cast(_ input: any ColumnArray, to target: DataType, mode: ErrorMode = .ansi) throws -> any ColumnArray {
    let source = input.dataType
    if source == target { return input }
    switch (source, target) {
    case (.string, _):
        guard let strings = input as? StringArray else { break }
        return try CastFromString.run(strings, to: target, mode: mode)
    case (_, .string):
        return try CastToString.run(input)
    default:
        break
    }
    switch input {
    case let array as Int8Array: return try NumericCast.fromInteger(array, to: target, mode: mode)
    case let array as Int16Array: return try NumericCast.fromInteger(array, to: target, mode: mode)
    case let array as Int32Array where source == .int32:
        return try NumericCast.fromInteger(array, to: target, mode: mode)
    case let array as Int64Array where source == .int64:
        return try NumericCast.fromInteger(array, to: target, mode: mode)
    case let array as Float32Array: return try NumericCast.fromFloat(array, to: target, mode: mode)
    case let array as Float64Array: return try NumericCast.fromFloat(array, to: target, mode: mode)
    case let array as Decimal128Array: return try NumericCast.fromDecimal(array, to: target, mode: mode)
    case let array as BooleanArray: return try NumericCast.fromBoolean(array, to: target)
    case let array as Date32Array where source == .date32:
        return try TemporalCast.fromDate(array, to: target, mode: mode)
    case let array as TimestampArray:
        if case .timestamp = source { return try TemporalCast.fromTimestamp(array, to: target, mode: mode) }
    default:
        break
    }
    throw ComputeError(.unsupported, "cannot cast \(source) to \(target)")
}

/// `cast` of a scalar (for constant folding): the value converted, or null under `.nullOnError`.
public func cast(_ scalar: Scalar, to target: DataType, mode: ErrorMode = .ansi) throws -> Scalar {
    let array = try cast(scalar.makeArray(count: 1), to: target, mode: mode)
    return try Scalar(array, at: 0)
}
