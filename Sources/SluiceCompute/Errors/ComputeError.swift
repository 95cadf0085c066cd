import SluiceCore

/// Why a compute kernel refused its input or failed on a value. The description carries Spark's error
/// class in brackets where Spark has one (`[ARITHMETIC_OVERFLOW]`, `[DIVIDE_BY_ZERO]`,
/// `[CAST_INVALID_INPUT]`, `[CAST_OVERFLOW]`, `[NUMERIC_VALUE_OUT_OF_RANGE]`), so a user who knows Spark
/// recognises it.
public struct ComputeError: SluiceError, Equatable {
    /// What went wrong, by Spark's error class where there is one.
    public enum Kind: String, Sendable, Equatable {
        case arithmeticOverflow = "ARITHMETIC_OVERFLOW"
        case divideByZero = "DIVIDE_BY_ZERO"
        case castInvalidInput = "CAST_INVALID_INPUT"
        case castOverflow = "CAST_OVERFLOW"
        case numericValueOutOfRange = "NUMERIC_VALUE_OUT_OF_RANGE"
        /// Text a datetime pattern does not match (`to_timestamp`, `to_date` with a format).
        case cannotParseTimestamp = "CANNOT_PARSE_TIMESTAMP"
        /// The kernel does not take these types or shapes (a caller's mistake, not a data problem).
        case unsupported = "UNSUPPORTED"
        /// Arguments that do not fit together (different lengths, an index out of range).
        case invalidArgument = "INVALID_ARGUMENT"
    }

    public let kind: Kind
    /// The message after the error class.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var category: FailureCategory { .taskFailed }

    public var description: String {
        switch kind {
        case .unsupported, .invalidArgument:
            return message
        default:
            return "[\(kind.rawValue)] \(message)"
        }
    }
}
