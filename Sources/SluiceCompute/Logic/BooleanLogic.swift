import SluiceCore

/// SQL's three-valued AND: false if either side is false (even when the other is null), true if both
/// are true, else null.
public func and(_ left: Datum, _ right: Datum) throws -> BooleanArray {
    try kleene(left, right) { leftTrue, leftFalse, rightTrue, rightFalse in
        (value: leftTrue & rightTrue, valid: leftFalse | rightFalse | (leftTrue & rightTrue))
    }
}

/// SQL's three-valued OR: true if either side is true (even when the other is null), false if both
/// are false, else null.
public func or(_ left: Datum, _ right: Datum) throws -> BooleanArray {
    try kleene(left, right) { leftTrue, leftFalse, rightTrue, rightFalse in
        (value: leftTrue | rightTrue, valid: leftTrue | rightTrue | (leftFalse & rightFalse))
    }
}

/// SQL NOT: null stays null.
public func not(_ input: BooleanArray) throws -> BooleanArray {
    let values = ValidityAlgebra.mapBits(input.values) { ~$0 }
    return try rebuilt { try BooleanArray(values: values, validity: input.validity) }
}

/// `IS NULL`: true for null rows; never null itself.
public func isNull(_ input: any ColumnArray) throws -> BooleanArray {
    guard let validity = input.validity else {
        return try rebuilt { try BooleanArray(values: BitBuffer(repeating: false, count: input.count)) }
    }
    return try rebuilt { try BooleanArray(values: ValidityAlgebra.mapBits(validity.bits) { ~$0 }) }
}

/// `IS NOT NULL`: true for rows holding a value; never null itself.
public func isNotNull(_ input: any ColumnArray) throws -> BooleanArray {
    guard let validity = input.validity else {
        return try rebuilt { try BooleanArray(values: BitBuffer(repeating: true, count: input.count)) }
    }
    return try rebuilt { try BooleanArray(values: validity.bits.withZeroOffset()) }
}

/// Applies a byte-wise three-valued rule given each side's "valid and true" and "valid and false"
/// bits.
private func kleene(
    _ left: Datum, _ right: Datum,
    _ rule: (UInt8, UInt8, UInt8, UInt8) -> (value: UInt8, valid: UInt8)
) throws -> BooleanArray {
    guard left.dataType == .boolean, right.dataType == .boolean else {
        throw ComputeError(.unsupported, "AND/OR need booleans, got \(left.dataType) and \(right.dataType)")
    }
    let rows = try Datum.rowCount(left, right)
    let (leftTrue, leftFalse) = try truthBits(left, rows: rows)
    let (rightTrue, rightFalse) = try truthBits(right, rows: rows)
    // Evaluate the rule over the four bit runs a byte at a time.
    let leftTrueBytes = leftTrue.withZeroOffset()
    let leftFalseBytes = leftFalse.withZeroOffset()
    let rightTrueBytes = rightTrue.withZeroOffset()
    let rightFalseBytes = rightFalse.withZeroOffset()
    let valueWriter = BitmapWriter(count: rows)
    let validWriter = BitmapWriter(count: rows)
    let byteCount = (rows + 7) / 8
    let valueBytes = UnsafeMutableRawPointer(valueWriter.words).assumingMemoryBound(to: UInt8.self)
    let validBytes = UnsafeMutableRawPointer(validWriter.words).assumingMemoryBound(to: UInt8.self)
    leftTrueBytes.withUnsafeBytes { lt in
        leftFalseBytes.withUnsafeBytes { lf in
            rightTrueBytes.withUnsafeBytes { rt in
                rightFalseBytes.withUnsafeBytes { rf in
                    for index in 0..<byteCount {
                        let (value, valid) = rule(lt[index], lf[index], rt[index], rf[index])
                        valueBytes[index] = value
                        validBytes[index] = valid
                    }
                }
            }
        }
    }
    if rows & 7 != 0 {
        let mask = UInt8((1 << (rows & 7)) - 1)
        valueBytes[byteCount - 1] &= mask
        validBytes[byteCount - 1] &= mask
    }
    let valueBits = valueWriter.finish()
    let validity = validWriter.finishValidity()
    return try rebuilt { try BooleanArray(values: valueBits, validity: validity) }
}

/// The "valid and true" and "valid and false" bits of a boolean argument.
private func truthBits(_ datum: Datum, rows: Int) throws -> (isTrue: BitBuffer, isFalse: BitBuffer) {
    switch datum {
    case .scalar(let scalar):
        let value: Bool? = if case .boolean(let bit) = scalar.payload { bit } else { nil }
        return (BitBuffer(repeating: value == true, count: rows), BitBuffer(repeating: value == false, count: rows))
    case .array(let array):
        guard let booleans = array as? BooleanArray else {
            throw ComputeError(.unsupported, "expected booleans, got a \(array.dataType) array")
        }
        guard let validity = booleans.validity else {
            return (booleans.values, ValidityAlgebra.mapBits(booleans.values) { ~$0 })
        }
        return (
            ValidityAlgebra.combineBits(booleans.values, validity.bits) { $0 & $1 },
            ValidityAlgebra.combineBits(booleans.values, validity.bits) { ~$0 & $1 }
        )
    }
}
