import SluiceCompute
import SluiceCore

/// Computes bound expressions over a batch with the compute kernels. An expression without columns
/// gives a scalar, which kernels apply to every row without building a column.
enum ExpressionEvaluator {
    /// `expression` over `batch` as a column of `batch.numRows` values.
    static func array(_ expression: BoundExpression, _ batch: RecordBatch) throws -> any ColumnArray {
        try materialize(evaluate(expression, batch), rows: batch.numRows)
    }

    /// `expression` over `batch`, where a bare column reference keeps a dictionary encoding: for
    /// operators that only move rows (projections) or group on them.
    static func encodedArray(_ expression: BoundExpression, _ batch: RecordBatch) throws -> any ColumnArray {
        if case .column(let index, _, _) = expression { return batch.columns[index] }
        return try array(expression, batch)
    }

    static func materialize(_ datum: Datum, rows: Int) throws -> any ColumnArray {
        switch datum {
        case .array(let array): return array
        case .scalar(let scalar): return try scalar.makeArray(count: rows)
        }
    }

    static func evaluate(_ expression: BoundExpression, _ batch: RecordBatch) throws -> Datum {
        switch expression {
        case .column(let index, _, _):
            return .array(try decodingDictionary(batch.columns[index]))
        case .literal(let scalar):
            return .scalar(scalar)
        case .negate(let operand):
            return try unary(operand, batch) { try SluiceCompute.negate($0) }
        case .arithmetic(let op, let left, let right, _):
            let (leftValue, rightValue) = (try evaluate(left, batch), try evaluate(right, batch))
            return try result(arithmetic(leftValue, op, rightValue), leftValue, rightValue)
        case .comparison(let op, let left, let right):
            let (leftValue, rightValue) = (try evaluate(left, batch), try evaluate(right, batch))
            return try result(compare(leftValue, op, rightValue), leftValue, rightValue)
        case .and(let left, let right):
            let (leftValue, rightValue) = (try evaluate(left, batch), try evaluate(right, batch))
            return try result(SluiceCompute.and(leftValue, rightValue), leftValue, rightValue)
        case .or(let left, let right):
            let (leftValue, rightValue) = (try evaluate(left, batch), try evaluate(right, batch))
            return try result(SluiceCompute.or(leftValue, rightValue), leftValue, rightValue)
        case .not(let operand):
            return try unary(operand, batch) { try SluiceCompute.not(try booleans($0)) }
        case .isNull(let operand, let negated):
            return try unary(operand, batch) { negated ? try isNotNull($0) : try isNull($0) }
        case .cast(let operand, let type, let mode):
            return try unary(operand, batch) { try cast($0, to: type, mode: mode) }
        case .caseWhen(let branches, let otherwise, let type):
            return .array(try CaseEvaluation.run(branches, otherwise: otherwise, type: type, batch: batch))
        case .function(let function, let arguments, let type):
            let values = try arguments.map { try evaluate($0, batch) }
            // A scalar holds no list (split's result), so such a result is a column even for constants.
            let allScalars = values.allSatisfy { $0.count == nil } && !type.isNested
            let output = try ScalarFunctions.run(function, values, rows: allScalars ? 1 : batch.numRows)
            return allScalars ? .scalar(try Scalar(output, at: 0)) : .array(output)
        }
    }

    /// A kernel result: a scalar when every input was one (the kernel then computed one row).
    private static func result(_ output: any ColumnArray, _ inputs: Datum...) throws -> Datum {
        for input in inputs {
            if case .array = input { return .array(output) }
        }
        return .scalar(try Scalar(output, at: 0))
    }

    private static func unary(
        _ operand: BoundExpression, _ batch: RecordBatch, _ kernel: (any ColumnArray) throws -> any ColumnArray
    ) throws -> Datum {
        switch try evaluate(operand, batch) {
        case .array(let array): return .array(try kernel(array))
        case .scalar(let scalar): return .scalar(try Scalar(kernel(scalar.makeArray(count: 1)), at: 0))
        }
    }

    static func booleans(_ array: any ColumnArray) throws -> BooleanArray {
        guard let booleans = array as? BooleanArray else {
            throw ComputeError(.invalidArgument, "expected a boolean column, got \(array.dataType)")
        }
        return booleans
    }
}
