import SluiceCompute
import SluiceCore

/// Spark's implicit widening of operands: the common type of two operands, and casts to it. The
/// kernels take operands of one type, so the binder wraps the narrower side in a cast.
enum TypeCoercion {
    static func isInteger(_ type: DataType) -> Bool {
        switch type {
        case .int8, .int16, .int32, .int64: return true
        default: return false
        }
    }

    static func isFloat(_ type: DataType) -> Bool { type == .float32 || type == .float64 }

    static func isDecimal(_ type: DataType) -> Bool {
        if case .decimal = type { return true }
        return false
    }

    static func isNumeric(_ type: DataType) -> Bool { isInteger(type) || isFloat(type) || isDecimal(type) }

    /// The decimal that holds every value of an integer type exactly (Spark: byte 3, short 5, int 10, long 20).
    static func decimal(forInteger type: DataType) -> DataType? {
        switch type {
        case .int8: return .decimal(precision: 3, scale: 0)
        case .int16: return .decimal(precision: 5, scale: 0)
        case .int32: return .decimal(precision: 10, scale: 0)
        case .int64: return .decimal(precision: 20, scale: 0)
        default: return nil
        }
    }

    /// The operands of `decimal op integer` (or of two decimals) as Spark's decimal arithmetic
    /// types them: an integer operand becomes the decimal that holds its type (BIGINT is
    /// DECIMAL(20, 0)), and each keeps its own precision and scale for the result type's rule.
    /// Widening both to one type first would change that type: `sum / count` would get scale 16,
    /// not Spark's 20. Nil unless one operand is a decimal and the other a decimal or an integer.
    static func decimalOperands(
        _ left: BoundExpression, _ right: BoundExpression
    ) throws -> (BoundExpression, BoundExpression)? {
        guard isDecimal(left.dataType) || isDecimal(right.dataType) else { return nil }
        func operand(_ expression: BoundExpression) throws -> BoundExpression? {
            if isDecimal(expression.dataType) { return expression }
            guard let type = decimal(forInteger: expression.dataType) else { return nil }
            return try cast(expression, to: type)
        }
        guard let left = try operand(left), let right = try operand(right) else { return nil }
        return (left, right)
    }

    private static func integerRank(_ type: DataType) -> Int {
        switch type {
        case .int8: return 1
        case .int16: return 2
        case .int32: return 3
        default: return 4
        }
    }

    /// The type both operands are cast to, or nil when Spark would refuse the pair. A null literal
    /// (typed `.int32` by default) is handled by the caller.
    static func commonType(_ left: DataType, _ right: DataType) -> DataType? {
        if left == right { return left }
        switch (left, right) {
        case _ where isInteger(left) && isInteger(right):
            return integerRank(left) >= integerRank(right) ? left : right
        case _ where isNumeric(left) && isNumeric(right) && (left == .float64 || right == .float64):
            return .float64
        case _ where isFloat(left) && isFloat(right):
            return .float64
        case (.float32, _) where isInteger(right), (_, .float32) where isInteger(left):
            return .float32
        case (.float32, .decimal), (.decimal, .float32):
            return .float64
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)):
            return widerDecimal(p1, s1, p2, s2)
        case (.decimal(let p, let s), _):
            guard case .decimal(let q, let t)? = decimal(forInteger: right) else { return nil }
            return widerDecimal(p, s, q, t)
        case (_, .decimal(let p, let s)):
            guard case .decimal(let q, let t)? = decimal(forInteger: left) else { return nil }
            return widerDecimal(p, s, q, t)
        // ANSI Spark casts a string operand to the other side's type (comparisons with dates, numbers).
        case (.string, _) where left != right: return right
        case (_, .string): return left
        default: return nil
        }
    }

    private static func widerDecimal(_ p1: Int, _ s1: Int, _ p2: Int, _ s2: Int) -> DataType {
        let scale = max(s1, s2)
        let range = max(p1 - s1, p2 - s2)
        return .decimal(precision: min(38, range + scale), scale: min(scale, 38 - min(38, range)))
    }

    /// An integer literal beside a decimal as the narrowest decimal that holds it (Spark's rule for
    /// literals); anything else unchanged.
    static func narrowedLiteral(_ expression: BoundExpression, beside other: BoundExpression) -> BoundExpression {
        guard isDecimal(other.dataType), case .literal(let scalar) = expression, isInteger(scalar.dataType),
            case .integer(let value)? = scalar.payload,
            let decimal = try? Scalar.decimal(Int128(value), precision: max(1, String(value.magnitude).count), scale: 0)
        else { return expression }
        return .literal(decimal)
    }

    /// `expression` cast to `type` (unchanged when it already has it; literals are cast now).
    static func cast(_ expression: BoundExpression, to type: DataType) throws -> BoundExpression {
        if expression.dataType == type { return expression }
        if case .literal(let scalar) = expression {
            if scalar.isNull { return .literal(.null(type)) }
            return .literal(try SluiceCompute.cast(scalar, to: type))
        }
        return .cast(expression, to: type, mode: .ansi)
    }

    /// The result type of `left op right` for operands of one type (two decimals may differ).
    static func arithmeticResultType(_ op: ArithmeticOperator, _ left: DataType, _ right: DataType) throws -> DataType {
        if isDecimal(left) { return try decimalResultType(op, left, right) }
        switch op {
        case .divide: return .float64
        case .integralDivide: return .int64
        default: return left
        }
    }

    /// The common type of the expressions that are not null literals (nil when all are); `mismatch`
    /// makes the error for the first two types that do not mix.
    static func commonType(
        of expressions: [BoundExpression], mismatch: (DataType, DataType) -> SQLAnalysisError
    ) throws -> DataType? {
        var common: DataType?
        for expression in expressions where !expression.isNullLiteral {
            guard let current = common else {
                common = expression.dataType
                continue
            }
            guard let wider = commonType(current, expression.dataType) else {
                throw mismatch(current, expression.dataType)
            }
            common = wider
        }
        return common
    }
}
