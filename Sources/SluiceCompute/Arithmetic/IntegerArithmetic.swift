import SluiceCore

/// `+ - * / div % pmod` and unary minus on one signed integer width, overflow-checked.
enum IntegerArithmetic<T: FixedWidthInteger & SignedInteger & FixedWidthValue> {
    static func run(
        _ left: Datum, _ op: ArithmeticOperator, _ right: Datum, rows: Int, mode: ErrorMode, typeName: String
    )
        throws -> any ColumnArray
    {
        let a = try NumericArgument<T>(left)
        let b = try NumericArgument<T>(right)
        let type = left.dataType
        let overflow = { (x: T, y: T, _: RowFailure) in
            ComputeError.overflow(typeName, "\(x) \(op.rawValue) \(y)", tryFunction: op.tryFunction)
        }
        let zeroOrOverflow = { (x: T, y: T, failure: RowFailure) in
            failure.contains(.divideByZero)
                ? ComputeError.divideByZero("\(x) \(op.rawValue) \(y)")
                : ComputeError.overflow(typeName, "\(x) \(op.rawValue) \(y)", tryFunction: op.tryFunction)
        }
        switch op {
        case .add:
            return try BinaryKernel.run(a, b, rows: rows, resultType: type, mode: mode, error: overflow) { x, y in
                let (sum, failed) = x.addingReportingOverflow(y)
                return (sum, failed ? .overflow : [])
            }
        case .subtract:
            return try BinaryKernel.run(a, b, rows: rows, resultType: type, mode: mode, error: overflow) { x, y in
                let (difference, failed) = x.subtractingReportingOverflow(y)
                return (difference, failed ? .overflow : [])
            }
        case .multiply:
            return try BinaryKernel.run(a, b, rows: rows, resultType: type, mode: mode, error: overflow) { x, y in
                let (product, failed) = x.multipliedReportingOverflow(by: y)
                return (product, failed ? .overflow : [])
            }
        case .divide:
            return try BinaryKernel.run(a, b, rows: rows, resultType: .float64, mode: mode, error: zeroOrOverflow) {
                x, y in
                (Double(x) / Double(y), y == 0 ? .divideByZero : [])
            }
        case .integralDivide:
            // Spark computes `div` in bigint; only Long.MIN_VALUE div -1 overflows there.
            return try BinaryKernel.run(a, b, rows: rows, resultType: .int64, mode: mode, error: zeroOrOverflow) {
                x, y in
                let (quotient, failed) = Int64(x).dividedReportingOverflow(by: Int64(y))
                return (quotient, y == 0 ? .divideByZero : (failed ? .overflow : []))
            }
        case .remainder:
            return try BinaryKernel.run(a, b, rows: rows, resultType: type, mode: mode, error: zeroOrOverflow) { x, y in
                // MIN % -1 "overflows" in Swift but is 0, as in Java.
                (x.remainderReportingOverflow(dividingBy: y).partialValue, y == 0 ? .divideByZero : [])
            }
        case .positiveModulo:
            return try BinaryKernel.run(a, b, rows: rows, resultType: type, mode: mode, error: zeroOrOverflow) { x, y in
                let remainder = x.remainderReportingOverflow(dividingBy: y).partialValue
                // Java's pmod: a negative remainder gets the divisor added (wrapping, as Java's int math).
                let adjusted =
                    remainder < 0 ? (remainder &+ y).remainderReportingOverflow(dividingBy: y).partialValue : remainder
                return (adjusted, y == 0 ? .divideByZero : [])
            }
        }
    }

    static func negate(_ input: PrimitiveArray<T>, mode: ErrorMode, typeName: String) throws -> PrimitiveArray<T> {
        try BinaryKernel.unary(input, resultType: input.dataType, mode: mode) { x, _ in
            ComputeError.overflow(typeName, "-(\(x))", tryFunction: "try_subtract")
        } _: { x in
            let (negated, failed) = T.zero.subtractingReportingOverflow(x)
            return (negated, failed ? .overflow : [])
        }
    }
}

/// `+ - * / % pmod` and unary minus on one float width: IEEE arithmetic, except that a zero divisor
/// fails (ANSI) or gives null (`try_`), as in Spark.
enum FloatArithmetic<T: BinaryFloatingPoint & FixedWidthValue> {
    static func run(_ left: Datum, _ op: ArithmeticOperator, _ right: Datum, rows: Int, mode: ErrorMode) throws
        -> any ColumnArray
    {
        let a = try NumericArgument<T>(left)
        let b = try NumericArgument<T>(right)
        let type = left.dataType
        let zero = { (x: T, y: T, _: RowFailure) in ComputeError.divideByZero("\(x) \(op.rawValue) \(y)") }
        switch op {
        case .add:
            return try BinaryKernel.run(a, b, rows: rows, resultType: type, mode: mode, error: zero) { ($0 + $1, []) }
        case .subtract:
            return try BinaryKernel.run(a, b, rows: rows, resultType: type, mode: mode, error: zero) { ($0 - $1, []) }
        case .multiply:
            return try BinaryKernel.run(a, b, rows: rows, resultType: type, mode: mode, error: zero) { ($0 * $1, []) }
        case .divide:
            return try BinaryKernel.run(a, b, rows: rows, resultType: .float64, mode: mode, error: zero) { x, y in
                (Double(x) / Double(y), y == 0 ? .divideByZero : [])
            }
        case .integralDivide:
            throw ComputeError(.unsupported, "div takes integers; cast \(type) to bigint first")
        case .remainder:
            return try BinaryKernel.run(a, b, rows: rows, resultType: type, mode: mode, error: zero) { x, y in
                (x.truncatingRemainder(dividingBy: y), y == 0 ? .divideByZero : [])
            }
        case .positiveModulo:
            return try BinaryKernel.run(a, b, rows: rows, resultType: type, mode: mode, error: zero) { x, y in
                let remainder = x.truncatingRemainder(dividingBy: y)
                return (
                    remainder < 0 ? (remainder + y).truncatingRemainder(dividingBy: y) : remainder,
                    y == 0 ? .divideByZero : []
                )
            }
        }
    }

    static func negate(_ input: PrimitiveArray<T>) throws -> PrimitiveArray<T> {
        try BinaryKernel.unary(input, resultType: input.dataType, mode: .ansi) { _, _ in
            ComputeError(.arithmeticOverflow, "float negation")
        } _: {
            (-$0, [])
        }
    }
}
