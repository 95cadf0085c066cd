import SluiceCore

/// The shared driver of the numeric binary kernels: null propagation, the loop, and what happens to
/// rows that failed (throw in ANSI mode, null under `try_`).
enum BinaryKernel {
    static func run<A: FixedWidthValue, B: FixedWidthValue, R: FixedWidthValue>(
        _ left: NumericArgument<A>, _ right: NumericArgument<B>, rows: Int, resultType: DataType, mode: ErrorMode,
        error: (A, B, RowFailure) -> ComputeError, _ compute: (A, B) -> (R, RowFailure)
    ) throws -> PrimitiveArray<R> {
        if left.isNullScalar || right.isNullScalar {
            return PrimitiveArray<R>(
                count: rows, dataType: resultType,
                validity: ValidityBitmap(BitBuffer(repeating: false, count: rows))
            ) { $0.initialize(repeating: R.allZeroBits) }
        }
        let validity = ValidityAlgebra.and(left.validity, right.validity)
        var failures = RowFailure()
        let result = left.withOperand { a in
            right.withOperand { b in
                PrimitiveArray<R>(count: rows, dataType: resultType, validity: validity) { target in
                    failures = binaryLoop(rows: rows, a, b, into: target, compute)
                }
            }
        }
        guard !failures.isEmpty else { return result }
        // Slow path: find the failing rows that are not null.
        let writer = BitmapWriter(count: rows)
        try left.withOperand { a in
            try right.withOperand { b in
                try withValidityReader(validity) { valid in
                    for row in 0..<rows {
                        if let valid, !valid[row] { continue }
                        let failure = compute(a[row], b[row]).1
                        if failure.isEmpty {
                            writer.set(row)
                        } else if mode == .ansi {
                            throw error(a[row], b[row], failure)
                        }
                    }
                }
            }
        }
        let newValidity = writer.finishValidity()
        return try rebuilt {
            try PrimitiveArray<R>(dataType: resultType, count: rows, values: result.values, validity: newValidity)
        }
    }

    /// The kernel over one argument (unary minus, casts).
    static func unary<A: FixedWidthValue, R: FixedWidthValue>(
        _ input: PrimitiveArray<A>, resultType: DataType, mode: ErrorMode, error: (A, RowFailure) -> ComputeError,
        _ compute: (A) -> (R, RowFailure)
    ) throws -> PrimitiveArray<R> {
        try run(
            .array(input), NumericArgument<Int8>.scalar(0), rows: input.count, resultType: resultType, mode: mode,
            error: { a, _, failure in error(a, failure) }, { a, _ in compute(a) })
    }
}

extension FixedWidthValue {
    /// All-zero bits: the filler of null result slots.
    static var allZeroBits: Self {
        withUnsafeTemporaryAllocation(of: Self.self, capacity: 1) { buffer in
            UnsafeMutableRawBufferPointer(buffer).initializeMemory(as: UInt8.self, repeating: 0)
            return buffer[0]
        }
    }
}
