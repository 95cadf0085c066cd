import SluiceCore

// Spark 4's messages for the errors of its ANSI mode, with the offending values filled in.
extension ComputeError {
    static let ansiHint = "If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error."

    /// `[ARITHMETIC_OVERFLOW] long overflow: 9223372036854775807 + 1. Use 'try_add' ...`.
    static func overflow(_ typeName: String, _ expression: String, tryFunction: String) -> ComputeError {
        ComputeError(
            .arithmeticOverflow,
            "\(typeName) overflow: \(expression). Use '\(tryFunction)' to tolerate overflow and return NULL instead. "
                + ansiHint)
    }

    /// `[DIVIDE_BY_ZERO] Division by zero: 1 / 0. Use try_divide ...`.
    static func divideByZero(_ expression: String) -> ComputeError {
        ComputeError(
            .divideByZero,
            "Division by zero: \(expression). Use `try_divide` to tolerate divisor being 0 and return NULL instead. "
                + ansiHint)
    }

    /// `[NUMERIC_VALUE_OUT_OF_RANGE] 1234.5 cannot be represented as Decimal(4, 1). ...`.
    static func outOfRange(_ unscaled: Int128, precision: Int, scale: Int) -> ComputeError {
        outOfRange(text: DecimalText.format(unscaled, scale: scale), precision: precision, scale: scale)
    }

    static func outOfRange(text: String, precision: Int, scale: Int) -> ComputeError {
        ComputeError(
            .numericValueOutOfRange,
            "\(text) cannot be represented as Decimal(\(precision), \(scale)). " + ansiHint)
    }

    /// `[CAST_INVALID_INPUT] The value 'abc' of the type "STRING" cannot be cast to "INT" ...`.
    static func castInvalidInput(_ text: String, from source: DataType, to target: DataType) -> ComputeError {
        ComputeError(
            .castInvalidInput,
            "The value '\(text)' of the type \"\(source.sparkName)\" cannot be cast to \"\(target.sparkName)\" "
                + "because it is malformed. Correct the value as per the syntax, or change its target type. "
                + "Use `try_cast` to tolerate malformed input and return NULL instead. " + ansiHint)
    }

    /// `[CAST_OVERFLOW] The value 300 of the type "INT" cannot be cast to "TINYINT" due to an overflow. ...`.
    static func castOverflow(_ text: String, from source: DataType, to target: DataType) -> ComputeError {
        ComputeError(
            .castOverflow,
            "The value \(text) of the type \"\(source.sparkName)\" cannot be cast to \"\(target.sparkName)\" "
                + "due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. " + ansiHint)
    }
}

extension DataType {
    /// The type's name as Spark prints it in error messages (`INT`, `BIGINT`, `DECIMAL(10,2)`).
    public var sparkName: String {
        switch self {
        case .boolean: return "BOOLEAN"
        case .int8: return "TINYINT"
        case .int16: return "SMALLINT"
        case .int32: return "INT"
        case .int64: return "BIGINT"
        case .float32: return "FLOAT"
        case .float64: return "DOUBLE"
        case .decimal(let precision, let scale): return "DECIMAL(\(precision),\(scale))"
        case .string: return "STRING"
        case .binary: return "BINARY"
        case .date32: return "DATE"
        case .timestamp(_, let timezone): return timezone == nil ? "TIMESTAMP_NTZ" : "TIMESTAMP"
        default: return description.uppercased()
        }
    }
}
