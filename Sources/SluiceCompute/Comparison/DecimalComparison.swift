import SluiceCore

/// Decimals of different scales compare after moving both to the larger scale. A value that no longer
/// fits 128 bits there is larger in magnitude than any 38-digit value, so it saturates to ±Int128.max
/// without changing any comparison's outcome.
enum DecimalComparison {
    static func rescaled(_ datum: Datum, to scale: Int) throws -> Datum {
        guard case .decimal(_, let from) = datum.dataType else { return datum }
        let shift = scale - from
        guard shift > 0 else { return datum }
        let factor = Int128(DecimalMath.powerOfTen(min(shift, 38)))
        let type = DataType.decimal(precision: 38, scale: min(scale, 38))
        switch datum {
        case .scalar(let scalar):
            guard case .decimal(let value) = scalar.payload else { return .scalar(.null(type)) }
            return .scalar(Scalar(unchecked: type, .decimal(saturatingScale(value, factor))))
        case .array(let array):
            guard let decimals = array as? Decimal128Array else {
                throw ComputeError(.unsupported, "expected decimal values, got a \(array.dataType) array")
            }
            let rescaled = decimals.withUnsafeValues { source in
                Decimal128Array(count: source.count, dataType: type, validity: decimals.validity) { target in
                    for index in source.indices {
                        target[index] = saturatingScale(source[index], factor)
                    }
                }
            }
            return .array(rescaled)
        }
    }

    @inline(__always)
    private static func saturatingScale(_ value: Int128, _ factor: Int128) -> Int128 {
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        guard overflow else { return product }
        return value < 0 ? -Int128.max : Int128.max
    }
}

/// Booleans compare as 0 and 1 (false < true), through a byte column.
enum BooleanComparison {
    static func asBytes(_ datum: Datum) throws -> Datum {
        switch datum {
        case .scalar(let scalar):
            guard case .boolean(let value) = scalar.payload else { return .scalar(.null(.uint8)) }
            return .scalar(Scalar(unchecked: .uint8, .unsigned(value ? 1 : 0)))
        case .array(let array):
            guard let booleans = array as? BooleanArray else {
                throw ComputeError(.unsupported, "expected booleans, got a \(array.dataType) array")
            }
            let bytes = booleans.values.withReader { bits in
                UInt8Array(count: booleans.count, validity: booleans.validity) { target in
                    for index in 0..<booleans.count {
                        target[index] = bits[index] ? 1 : 0
                    }
                }
            }
            return .array(bytes)
        }
    }
}
