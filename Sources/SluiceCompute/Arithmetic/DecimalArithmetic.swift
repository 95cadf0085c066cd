import SluiceCore

/// Exact decimal `+ - * /`: each row is computed on 256-bit magnitudes, rounded HALF_UP to the result
/// scale, and checked against the result precision (as Spark does with Java's BigDecimal).
enum DecimalArithmetic {
    static func run(_ left: Datum, _ op: ArithmeticOperator, _ right: Datum, rows: Int, mode: ErrorMode) throws
        -> any ColumnArray
    {
        let resultType = try decimalResultType(op, left.dataType, right.dataType)
        guard case .decimal(_, let s1) = left.dataType, case .decimal(_, let s2) = right.dataType,
            case .decimal(let precision, let scale) = resultType
        else { throw ComputeError(.unsupported, "decimal arithmetic needs decimals") }
        let a = try NumericArgument<Int128>(left)
        let b = try NumericArgument<Int128>(right)
        let compute: (Int128, Int128) -> Outcome
        switch op {
        case .add: compute = { add($0, s1, $1, s2, scale: scale, precision: precision) }
        case .subtract: compute = { add($0, s1, -$1, s2, scale: scale, precision: precision) }
        case .multiply: compute = { multiply($0, s1, $1, s2, scale: scale, precision: precision) }
        case .divide: compute = { divide($0, s1, $1, s2, scale: scale, precision: precision) }
        default: throw ComputeError(.unsupported, "decimal \(op.rawValue) is not supported")
        }
        return try BinaryKernel.run(a, b, rows: rows, resultType: resultType, mode: mode) { x, y, _ in
            switch compute(x, y) {
            case .divideByZero:
                return ComputeError.divideByZero(
                    "\(DecimalText.format(x, scale: s1)) / \(DecimalText.format(y, scale: s2))")
            case .outOfRange(let text):
                return ComputeError.outOfRange(text: text, precision: precision, scale: scale)
            case .value:
                return ComputeError(.numericValueOutOfRange, "decimal arithmetic")
            }
        } _: { x, y in
            switch compute(x, y) {
            case .value(let value): return (value, [])
            case .divideByZero: return (0, .divideByZero)
            case .outOfRange: return (0, .overflow)
            }
        }
    }

    /// A row's result: the unscaled value, or why there is none (with the exact value's text).
    enum Outcome {
        case value(Int128)
        case divideByZero
        case outOfRange(String)
    }

    /// A signed 256-bit value as a sign and a magnitude.
    struct Signed {
        var negative: Bool
        var magnitude: WideMagnitude

        init(_ value: Int128, scaledUp digits: Int) {
            negative = value < 0
            magnitude = WideMagnitude(value.magnitude, times: DecimalMath.powerOfTen(digits))
        }

        init(negative: Bool, magnitude: WideMagnitude) {
            self.negative = negative
            self.magnitude = magnitude
        }
    }

    static func add(_ x: Int128, _ s1: Int, _ y: Int128, _ s2: Int, scale: Int, precision: Int) -> Outcome {
        let common = max(s1, s2)
        let left = Signed(x, scaledUp: common - s1)
        let right = Signed(y, scaledUp: common - s2)
        var sum: Signed
        if left.negative == right.negative {
            // Both magnitudes are below 2^254, so the sum cannot overflow 256 bits.
            sum = Signed(negative: left.negative, magnitude: left.magnitude.adding(right.magnitude) ?? left.magnitude)
        } else if left.magnitude >= right.magnitude {
            sum = Signed(negative: left.negative, magnitude: left.magnitude.subtracting(right.magnitude))
        } else {
            sum = Signed(negative: right.negative, magnitude: right.magnitude.subtracting(left.magnitude))
        }
        sum.magnitude = sum.magnitude.roundedDividing(byPowerOfTen: common - scale)
        return finish(sum, scale: scale, precision: precision)
    }

    static func multiply(_ x: Int128, _ s1: Int, _ y: Int128, _ s2: Int, scale: Int, precision: Int) -> Outcome {
        let product = WideMagnitude(x.magnitude, times: y.magnitude)
        let rounded = product.roundedDividing(byPowerOfTen: s1 + s2 - scale)
        return finish(Signed(negative: (x < 0) != (y < 0), magnitude: rounded), scale: scale, precision: precision)
    }

    /// `x / y` at `scale` digits: the integral quotient, then the fraction digits by long division in
    /// chunks of up to 38 digits, rounded HALF_UP on the final remainder.
    static func divide(_ x: Int128, _ s1: Int, _ y: Int128, _ s2: Int, scale: Int, precision: Int) -> Outcome {
        guard y != 0 else { return .divideByZero }
        let divisor = y.magnitude
        var quotient = WideMagnitude(low: x.magnitude / divisor)
        var remainder = x.magnitude % divisor
        var digits = scale - s1 + s2
        while digits > 0 {
            let step = min(digits, 38)
            let (chunk, rest) = WideMagnitude(remainder, times: DecimalMath.powerOfTen(step)).divided(by: divisor)
            guard let shifted = quotient.multiplied(by: DecimalMath.powerOfTen(step)),
                let next = shifted.adding(chunk)
            else { return .outOfRange("(too large)") }
            quotient = next
            remainder = rest
            digits -= step
        }
        if remainder >= divisor - remainder {
            quotient = quotient.adding(WideMagnitude(low: 1)) ?? quotient
        }
        return finish(Signed(negative: (x < 0) != (y < 0), magnitude: quotient), scale: scale, precision: precision)
    }

    private static func finish(_ value: Signed, scale: Int, precision: Int) -> Outcome {
        if let result = DecimalMath.signed(negative: value.negative, value.magnitude, precision: precision) {
            return .value(result)
        }
        return .outOfRange(value.magnitude.decimalText(negative: value.negative, scale: scale))
    }
}

extension WideMagnitude {
    /// The value as decimal text with `scale` digits after the point.
    func decimalText(negative: Bool, scale: Int) -> String {
        var digits = ""
        var value = self
        let chunk = DecimalMath.powerOfTen(19)
        repeat {
            let (quotient, remainder) = value.divided(by: chunk)
            let text = String(remainder)
            value = quotient
            let isLast = value == WideMagnitude(low: 0)
            digits = (isLast ? text : String(repeating: "0", count: 19 - text.count) + text) + digits
        } while value != WideMagnitude(low: 0)
        if scale > 0 {
            if digits.count <= scale {
                digits = String(repeating: "0", count: scale - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return (negative ? "-" : "") + digits
    }
}
