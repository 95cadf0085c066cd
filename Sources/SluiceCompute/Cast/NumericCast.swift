import SluiceCore

/// Casts among integers, floats, decimals and booleans.
enum NumericCast {
    static func fromInteger<S: FixedWidthInteger & SignedInteger & FixedWidthValue>(
        _ input: PrimitiveArray<S>, to target: DataType, mode: ErrorMode
    ) throws -> any ColumnArray {
        let overflow = { (value: S, _: RowFailure) in
            ComputeError.castOverflow("\(value)", from: input.dataType, to: target)
        }
        switch target {
        case .int8: return try integer(input, Int8.self, target, mode, overflow)
        case .int16: return try integer(input, Int16.self, target, mode, overflow)
        case .int32: return try integer(input, Int32.self, target, mode, overflow)
        case .int64: return try integer(input, Int64.self, target, mode, overflow)
        case .float32:
            return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) { (Float($0), []) }
        case .float64:
            return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) { (Double($0), []) }
        case .decimal(let precision, let scale) where scale >= 0:
            return try BinaryKernel.unary(input, resultType: target, mode: mode) { value, _ in
                ComputeError.outOfRange(text: "\(value)", precision: precision, scale: scale)
            } _: { value in
                let result = DecimalMath.rescale(Int128(value), from: 0, to: scale, precision: precision)
                return (result ?? 0, result == nil ? .overflow : [])
            }
        case .boolean:
            return try boolean(input) { $0 != 0 }
        default:
            throw ComputeError(.unsupported, "cannot cast \(input.dataType) to \(target)")
        }
    }

    static func fromFloat<S: BinaryFloatingPoint & FixedWidthValue & LosslessStringConvertible>(
        _ input: PrimitiveArray<S>, to target: DataType, mode: ErrorMode
    ) throws -> any ColumnArray {
        let overflow = { (value: S, _: RowFailure) in
            ComputeError.castOverflow(SparkText.double(value), from: input.dataType, to: target)
        }
        switch target {
        case .int8: return try truncated(input, Int8.self, target, mode, overflow)
        case .int16: return try truncated(input, Int16.self, target, mode, overflow)
        case .int32: return try truncated(input, Int32.self, target, mode, overflow)
        case .int64: return try truncated(input, Int64.self, target, mode, overflow)
        case .float32:
            return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) { (Float($0), []) }
        case .float64:
            return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) { (Double($0), []) }
        case .decimal(let precision, let scale) where scale >= 0:
            // Spark converts through the double's shortest decimal text (Scala's BigDecimal(double)).
            return try BinaryKernel.unary(input, resultType: target, mode: mode) { value, _ in
                value.isFinite
                    ? ComputeError.outOfRange(text: SparkText.double(value), precision: precision, scale: scale)
                    : ComputeError.castOverflow(SparkText.double(value), from: input.dataType, to: target)
            } _: { (value: S) -> (Int128, RowFailure) in
                guard value.isFinite else { return (0, .overflow) }
                let text = Double(value).description
                let parsed = text.utf8.withContiguousStorageIfAvailable { bytes in
                    StringParsing.decimal(UnsafeRawBufferPointer(bytes), precision: precision, scale: scale)
                }
                if case .value(let unscaled) = parsed { return (unscaled, []) }
                return (0, .overflow)
            }
        case .boolean:
            return try boolean(input) { $0 != 0 }
        default:
            throw ComputeError(.unsupported, "cannot cast \(input.dataType) to \(target)")
        }
    }

    static func fromDecimal(_ input: Decimal128Array, to target: DataType, mode: ErrorMode) throws -> any ColumnArray {
        guard case .decimal(_, let scale) = input.dataType, scale >= 0 else {
            throw ComputeError(.unsupported, "cannot cast \(input.dataType) to \(target)")
        }
        let text = { (value: Int128) in DecimalText.format(value, scale: scale) }
        let overflow = { (value: Int128, _: RowFailure) in
            ComputeError.castOverflow(text(value), from: input.dataType, to: target)
        }
        let divisor = Int128(DecimalMath.powerOfTen(scale))
        switch target {
        case .int8:
            return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) {
                narrow($0 / divisor, Int8.self)
            }
        case .int16:
            return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) {
                narrow($0 / divisor, Int16.self)
            }
        case .int32:
            return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) {
                narrow($0 / divisor, Int32.self)
            }
        case .int64:
            return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) {
                narrow($0 / divisor, Int64.self)
            }
        case .float32:
            return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) {
                (Float(text($0)) ?? 0, [])
            }
        case .float64:
            return try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) {
                (Double(text($0)) ?? 0, [])
            }
        case .decimal(let precision, let newScale) where newScale >= 0:
            return try BinaryKernel.unary(input, resultType: target, mode: mode) { value, _ in
                ComputeError.outOfRange(text: text(value), precision: precision, scale: newScale)
            } _: { value in
                let result = DecimalMath.rescale(value, from: scale, to: newScale, precision: precision)
                return (result ?? 0, result == nil ? .overflow : [])
            }
        case .boolean:
            return try boolean(input) { $0 != 0 }
        default:
            throw ComputeError(.unsupported, "cannot cast \(input.dataType) to \(target)")
        }
    }

    static func fromBoolean(_ input: BooleanArray, to target: DataType) throws -> any ColumnArray {
        let bytes = input.values.withReader { bits in
            Int8Array(count: input.count, validity: input.validity) { target in
                for row in 0..<input.count {
                    target[row] = bits[row] ? 1 : 0
                }
            }
        }
        return try fromInteger(bytes, to: target, mode: .ansi)
    }

    private static func integer<S: FixedWidthInteger & FixedWidthValue, D: FixedWidthInteger & FixedWidthValue>(
        _ input: PrimitiveArray<S>, _ type: D.Type, _ target: DataType, _ mode: ErrorMode,
        _ overflow: (S, RowFailure) -> ComputeError
    ) throws -> PrimitiveArray<D> {
        try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) { value in
            let narrowed = D(truncatingIfNeeded: value)
            return (
                narrowed, S(truncatingIfNeeded: narrowed) == value && (narrowed < 0) == (value < 0) ? [] : .overflow
            )
        }
    }

    private static func truncated<S: BinaryFloatingPoint & FixedWidthValue, D: FixedWidthInteger & FixedWidthValue>(
        _ input: PrimitiveArray<S>, _ type: D.Type, _ target: DataType, _ mode: ErrorMode,
        _ overflow: (S, RowFailure) -> ComputeError
    ) throws -> PrimitiveArray<D> {
        try BinaryKernel.unary(input, resultType: target, mode: mode, error: overflow) { value in
            guard let result = D(exactly: value.rounded(.towardZero)) else { return (0, .overflow) }
            return (result, [])
        }
    }

    @inline(__always)
    private static func narrow<D: FixedWidthInteger>(_ value: Int128, _ type: D.Type) -> (D, RowFailure) {
        guard let result = D(exactly: value) else { return (0, .overflow) }
        return (result, [])
    }

    private static func boolean<S: FixedWidthValue>(_ input: PrimitiveArray<S>, _ isTrue: (S) -> Bool) throws
        -> BooleanArray
    {
        let writer = BitmapWriter(count: input.count)
        input.withUnsafeValues { values in
            fillBits(writer) { isTrue(values[$0]) }
        }
        let bits = writer.finish()
        return try rebuilt { try BooleanArray(values: bits, validity: input.validity) }
    }
}
