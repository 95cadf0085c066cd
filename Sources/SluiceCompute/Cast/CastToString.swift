import SluiceCore

/// Casts to STRING, printing values as Spark does.
enum CastToString {
    static func run(_ input: any ColumnArray) throws -> StringArray {
        switch input {
        case let array as Int8Array: return strings(array) { "\($0)" }
        case let array as Int16Array: return strings(array) { "\($0)" }
        case let array as Int32Array where array.dataType == .int32: return strings(array) { "\($0)" }
        case let array as Int64Array where array.dataType == .int64: return strings(array) { "\($0)" }
        case let array as Float32Array: return strings(array) { SparkText.double($0) }
        case let array as Float64Array: return strings(array) { SparkText.double($0) }
        case let array as Decimal128Array:
            guard case .decimal(_, let scale) = array.dataType else { break }
            return strings(array) { DecimalText.format($0, scale: scale) }
        case let array as Date32Array where array.dataType == .date32:
            return strings(array) { CivilDate(daysSinceEpoch: Int($0)).description }
        case let array as TimestampArray:
            guard case .timestamp(let unit, _) = array.dataType else { break }
            let nanosPerUnit = 1_000_000_000 / unit.perSecond
            return strings(array) { value in
                let (seconds, fraction) = SparkText.floorDivide(value, unit.perSecond)
                return SparkText.timestamp(seconds: seconds, nanos: fraction * nanosPerUnit)
            }
        case let array as BooleanArray:
            let builder = StringBuilder(capacity: array.count)
            for row in 0..<array.count {
                builder.append(array[row].map { $0 ? "true" : "false" })
            }
            return builder.finish()
        case let array as BinaryArray:
            // Spark reinterprets the bytes as UTF-8.
            return try rebuilt { try StringArray(offsets: array.offsets, data: array.data, validity: array.validity) }
        default:
            break
        }
        throw ComputeError(.unsupported, "cannot cast \(input.dataType) to string")
    }

    private static func strings<T: FixedWidthValue>(_ array: PrimitiveArray<T>, _ text: (T) -> String) -> StringArray {
        let builder = StringBuilder(capacity: array.count, byteCapacity: array.count * 8)
        withValidityReader(array.validity) { valid in
            array.withUnsafeValues { values in
                for row in 0..<array.count {
                    if let valid, !valid[row] {
                        builder.appendNull()
                    } else {
                        builder.append(text(values[row]))
                    }
                }
            }
        }
        return builder.finish()
    }
}
