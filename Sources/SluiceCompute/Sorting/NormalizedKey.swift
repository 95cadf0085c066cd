import SluiceCore

/// Sort keys encoded as unsigned 64-bit words whose numeric order is the key's order (direction and
/// null placement included), so that comparing rows is mostly comparing integers.
///
/// A nullable key adds a leading word (0 or 2 for the null rank, 1 for values). Integers, floats,
/// dates, timestamps and booleans take one exact word, decimals two. Strings and binaries take three:
/// their first sixteen bytes and `min(length, 17)`, which order them exactly unless both are longer
/// than sixteen bytes and share those bytes: then (`exact == false`) a full comparison decides.
struct NormalizedKey {
    /// How many words the key takes per row.
    let wordCount: Int
    /// Whether equal words mean equal keys.
    let exact: Bool

    init(_ key: SortKey) throws {
        var words: Int
        switch key.column.dataType {
        case .decimal: words = 2
        case .string, .binary: words = 3
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64, .float32, .float64, .date32, .time,
            .timestamp, .boolean:
            words = 1
        default:
            throw ComputeError(.unsupported, "cannot sort by a \(key.column.dataType) column")
        }
        if key.column.validity != nil { words += 1 }
        wordCount = words
        exact = !(key.column.dataType == .string || key.column.dataType == .binary)
    }

    /// Writes the key's words of every row at `target[row * stride + offset ...]`.
    static func write(_ key: SortKey, into target: UnsafeMutablePointer<UInt64>, stride: Int, offset: Int) throws {
        var valueOffset = offset
        if let validity = key.column.validity {
            let nullWord: UInt64 = key.nullsFirst ? 0 : 2
            validity.bits.withReader { valid in
                for row in 0..<key.column.count {
                    target[row &* stride &+ offset] = valid[row] ? 1 : nullWord
                }
            }
            valueOffset += 1
        }
        // Descending order is the bitwise complement of ascending.
        let flip: UInt64 = key.ascending ? 0 : ~0
        let put = { (row: Int, word: UInt64) in target[row &* stride &+ valueOffset] = word ^ flip }
        switch key.column {
        case let array as Int8Array: signed(array, put)
        case let array as Int16Array: signed(array, put)
        case let array as Int32Array: signed(array, put)
        case let array as Int64Array: signed(array, put)
        case let array as UInt8Array: unsigned(array, put)
        case let array as UInt16Array: unsigned(array, put)
        case let array as UInt32Array: unsigned(array, put)
        case let array as UInt64Array: unsigned(array, put)
        case let array as Float32Array:
            array.withUnsafeValues { for row in $0.indices { put(row, double(Double($0[row]))) } }
        case let array as Float64Array: array.withUnsafeValues { for row in $0.indices { put(row, double($0[row])) } }
        case let array as Decimal128Array:
            array.withUnsafeValues { values in
                for row in values.indices {
                    let biased = UInt128(bitPattern: values[row]) ^ (1 << 127)
                    put(row, UInt64(truncatingIfNeeded: biased >> 64))
                    target[row &* stride &+ valueOffset &+ 1] = UInt64(truncatingIfNeeded: biased) ^ flip
                }
            }
        case let array as StringArray: prefixes(array, target, stride, valueOffset, flip)
        case let array as BinaryArray: prefixes(array, target, stride, valueOffset, flip)
        case let array as BooleanArray:
            array.values.withReader { bits in
                for row in 0..<array.count { put(row, bits[row] ? 1 : 0) }
            }
        default:
            throw ComputeError(.unsupported, "cannot sort by a \(key.column.dataType) column")
        }
        // Null slots may hold anything; zero their value words so that nulls tie and keep input order.
        if let validity = key.column.validity {
            let valueWords = try NormalizedKey(key).wordCount - 1
            validity.bits.withReader { valid in
                for row in 0..<key.column.count where !valid[row] {
                    for word in 0..<valueWords { target[row &* stride &+ valueOffset &+ word] = 0 }
                }
            }
        }
    }

    private static func signed<T: FixedWidthInteger & SignedInteger & FixedWidthValue>(
        _ array: PrimitiveArray<T>, _ put: (Int, UInt64) -> Void
    ) {
        array.withUnsafeValues { values in
            for row in values.indices {
                put(row, UInt64(bitPattern: Int64(values[row])) ^ (1 << 63))
            }
        }
    }

    private static func unsigned<T: FixedWidthInteger & UnsignedInteger & FixedWidthValue>(
        _ array: PrimitiveArray<T>, _ put: (Int, UInt64) -> Void
    ) {
        array.withUnsafeValues { values in
            for row in values.indices { put(row, UInt64(values[row])) }
        }
    }

    /// Spark's double order as unsigned bits: -0.0 as 0.0, NaN above +infinity.
    @inline(__always)
    private static func double(_ value: Double) -> UInt64 {
        let canonical = value.isNaN ? Double.nan : (value == 0 ? 0 : value)
        let bits = canonical.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The length word of a string key that needs the full comparison when it ties.
    static let longString: UInt64 = 17

    /// The first sixteen bytes as two big-endian words, zero-padded, then `min(length, 17)`: a shorter
    /// string that the longer one starts with sorts first, which is the bytes' unsigned order.
    private static func prefixes<Kind>(
        _ array: GenericByteArray<Kind>, _ target: UnsafeMutablePointer<UInt64>, _ stride: Int, _ offset: Int,
        _ flip: UInt64
    ) {
        array.withUnsafeOffsetsAndData { offsets, data in
            for row in 0..<array.count {
                let start = Int(offsets[row])
                let length = Int(offsets[row + 1]) - start
                var high: UInt64 = 0
                var low: UInt64 = 0
                for index in 0..<min(8, length) {
                    high |= UInt64(data[start + index]) << (56 - 8 * UInt64(index))
                }
                for index in 8..<max(8, min(16, length)) {
                    low |= UInt64(data[start + index]) << (56 - 8 * UInt64(index - 8))
                }
                let slot = row &* stride &+ offset
                target[slot] = high ^ flip
                target[slot + 1] = low ^ flip
                target[slot + 2] = min(UInt64(length), longString) ^ flip
            }
        }
    }
}
