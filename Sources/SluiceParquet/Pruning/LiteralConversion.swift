import SluiceCore

/// A `PredicateLiteral` converted to the `OrderedValue` of a column type.
enum LiteralConversion: Equatable {
    /// The literal as a value of the column's type.
    case exact(OrderedValue)
    /// The literal fits the column's type but has no exact value in it (a fraction for an integer
    /// column, NaN, a decimal with more digits than the column's scale): the condition keeps
    /// everything.
    case inexact
    /// The literal cannot be compared with the type at all.
    case incompatible

    /// Converts `literal` for a column of `dataType`.
    init(_ literal: PredicateLiteral, to dataType: DataType) {
        switch dataType {
        case .boolean:
            guard case .boolean(let value) = literal else {
                self = .incompatible
                return
            }
            self = .exact(.boolean(value))
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64:
            self = Self.integer(literal, scale: 0)
        case .decimal(_, let scale):
            self = Self.integer(literal, scale: scale)
        case .float16, .float32, .float64:
            self = Self.float(literal, as: dataType)
        case .string, .binary, .fixedSizeBinary:
            switch literal {
            case .string(let text): self = .exact(.bytes(Array(text.utf8)))
            case .binary(let bytes): self = .exact(.bytes(bytes))
            default: self = .incompatible
            }
        case .date32:
            guard case .date(let days) = literal else {
                self = .incompatible
                return
            }
            self = .exact(.integer(Int128(days)))
        case .timestamp(let unit, _):
            guard case .timestamp(let count, let literalUnit) = literal else {
                self = .incompatible
                return
            }
            self = Self.rescaled(Int128(count), by: unit.perSecond, over: literalUnit.perSecond)
        case .time, .list, .struct, .map:
            self = .incompatible
        }
    }

    /// An integer-like literal as an unscaled value of `scale` decimal digits (0 for integers).
    private static func integer(_ literal: PredicateLiteral, scale: Int) -> LiteralConversion {
        guard let factor = power10(scale) else { return .inexact }
        switch literal {
        case .integer(let value):
            return rescaled(value, by: factor, over: 1)
        case .decimal(let unscaled, let literalScale):
            guard let divisor = power10(literalScale) else { return .inexact }
            return rescaled(unscaled, by: factor, over: divisor)
        case .double(let value):
            // Exact only for whole numbers of an integer column; anything else keeps every row group.
            // NaN and the infinities fail the checks too.
            guard scale == 0, value == value.rounded(.towardZero), abs(value) < 0x1p126 else { return .inexact }
            return .exact(.integer(Int128(value)))
        default:
            return .incompatible
        }
    }

    /// A numeric literal as a float of `dataType`, exact in that type's precision.
    private static func float(_ literal: PredicateLiteral, as dataType: DataType) -> LiteralConversion {
        let value: Double
        switch literal {
        case .double(let double):
            value = double
        case .integer(let integer):
            guard let double = Double(exactly: integer) else { return .inexact }
            value = double
        case .decimal(let unscaled, let scale):
            guard let divisor = power10(scale), unscaled % divisor == 0,
                let double = Double(exactly: unscaled / divisor)
            else { return .inexact }
            value = double
        default:
            return .incompatible
        }
        guard !value.isNaN else { return .inexact }
        // A value the column's type cannot hold exactly compares differently once rounded to it.
        switch dataType {
        case .float32 where Double(Float(value)) != value: return .inexact
        case .float16 where Double(HalfFloat.float(fromBits: HalfFloat.bits(from: Float(value)))) != value:
            return .inexact
        default: return .exact(.float(value))
        }
    }

    /// `value * multiplier / divisor` when that is a whole number without overflow.
    static func rescaled(_ value: Int128, by multiplier: some BinaryInteger, over divisor: some BinaryInteger)
        -> LiteralConversion
    {
        let multiplier = Int128(multiplier)
        let divisor = Int128(divisor)
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        guard !overflow, divisor != 0, product % divisor == 0 else { return .inexact }
        return .exact(.integer(product / divisor))
    }

    /// 10^exponent, or nil when it does not fit an Int128 or the exponent is negative.
    static func power10(_ exponent: Int) -> Int128? {
        guard exponent >= 0, exponent <= 38 else { return nil }
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
