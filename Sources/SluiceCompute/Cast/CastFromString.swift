import SluiceCore

/// Casts from STRING: each value is parsed in place from the array's bytes.
enum CastFromString {
    static func run(_ input: StringArray, to target: DataType, mode: ErrorMode) throws -> any ColumnArray {
        switch target {
        case .int8: return try parse(input, target, mode) { StringParsing.integer($0, as: Int8.self) }
        case .int16: return try parse(input, target, mode) { StringParsing.integer($0, as: Int16.self) }
        case .int32: return try parse(input, target, mode) { StringParsing.integer($0, as: Int32.self) }
        case .int64: return try parse(input, target, mode) { StringParsing.integer($0, as: Int64.self) }
        case .float32: return try parse(input, target, mode) { StringParsing.double($0).map { Float($0) } }
        case .float64: return try parse(input, target, mode) { StringParsing.double($0) }
        case .date32: return try parse(input, target, mode) { StringParsing.date($0) }
        case .timestamp(let unit, let timezone):
            return try parse(input, target, mode) { bytes -> Int64? in
                guard let (wallClock, nanos, offset) = StringParsing.timestamp(bytes) else { return nil }
                // An instant subtracts the zone's offset; TIMESTAMP_NTZ (no timezone) ignores the zone.
                let seconds = timezone == nil ? wallClock : wallClock - offset
                let (scaled, overflow1) = seconds.multipliedReportingOverflow(by: unit.perSecond)
                let (value, overflow2) = scaled.addingReportingOverflow(nanos / (1_000_000_000 / unit.perSecond))
                return overflow1 || overflow2 ? nil : value
            }
        case .decimal(let precision, let scale) where scale >= 0:
            return try parseDecimal(input, precision: precision, scale: scale, mode: mode)
        case .boolean:
            let parsed = try parse(input, .uint8, mode) { StringParsing.boolean($0).map { $0 ? UInt8(1) : 0 } }
            let writer = BitmapWriter(count: parsed.count)
            parsed.withUnsafeValues { values in
                fillBits(writer) { values[$0] != 0 }
            }
            let bits = writer.finish()
            return try rebuilt { try BooleanArray(values: bits, validity: parsed.validity) }
        case .binary:
            return try rebuilt { try BinaryArray(offsets: input.offsets, data: input.data, validity: input.validity) }
        default:
            throw ComputeError(.unsupported, "cannot cast string to \(target)")
        }
    }

    /// Parses every valid row with `parser`; a nil result is an invalid input and a thrown error another
    /// failure: either fails the cast (ANSI) or makes the row null (`try_`).
    private static func parse<R: FixedWidthValue>(
        _ input: StringArray, _ target: DataType, _ mode: ErrorMode, _ parser: (UnsafeRawBufferPointer) throws -> R?
    ) throws -> PrimitiveArray<R> {
        let rows = input.count
        let validity = BitmapWriter(count: rows)
        let values = try input.withUnsafeOffsetsAndData { offsets, data in
            try withValidityReader(input.validity) { valid in
                try PrimitiveArray<R>(count: rows, dataType: target) { output in
                    for row in 0..<rows {
                        output[row] = R.allZeroBits
                        if let valid, !valid[row] { continue }
                        let bytes = UnsafeRawBufferPointer(rebasing: data[Int(offsets[row])..<Int(offsets[row + 1])])
                        let parsed: R?
                        do {
                            parsed = try parser(bytes)
                        } catch  where mode == .nullOnError {
                            parsed = nil
                        }
                        if let value = parsed {
                            output[row] = value
                            validity.set(row)
                        } else if mode == .ansi {
                            throw ComputeError.castInvalidInput(
                                String(decoding: bytes, as: UTF8.self), from: .string, to: target)
                        }
                    }
                }
            }
        }
        let bitmap = validity.finishValidity()
        return try rebuilt {
            try PrimitiveArray<R>(dataType: target, count: rows, values: values.values, validity: bitmap)
        }
    }

    private static func parseDecimal(_ input: StringArray, precision: Int, scale: Int, mode: ErrorMode) throws
        -> Decimal128Array
    {
        let target = DataType.decimal(precision: precision, scale: scale)
        return try parse(input, target, mode) { bytes -> Int128? in
            switch StringParsing.decimal(bytes, precision: precision, scale: scale) {
            case .value(let value): return value
            case .failure: return nil
            case .outOfRange:
                // Not malformed, just too large: Spark reports it as out of range, not invalid input.
                throw ComputeError.outOfRange(
                    text: String(decoding: bytes, as: UTF8.self), precision: precision, scale: scale)
            }
        }
    }
}
