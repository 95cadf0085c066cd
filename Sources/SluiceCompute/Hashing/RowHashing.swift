import SluiceCore

/// A 64-bit hash of each row over the key columns, for hash aggregation and hash joins. Equal keys (as
/// `RowEquality` sees them with `nullsEqual: true`) hash equally: nulls hash to a constant of their own,
/// -0.0 like 0.0, every NaN alike, strings by their bytes.
///
/// - Throws: `ComputeError.invalidArgument` for columns of different lengths, `.unsupported` for nested
///   or float16 columns.
public func hashRows(_ columns: [any ColumnArray], seed: UInt64 = 0) throws -> [UInt64] {
    let rows = columns.first?.count ?? 0
    var hashes = [UInt64](repeating: seed, count: rows)
    for column in columns {
        guard column.count == rows else {
            throw ComputeError(.invalidArgument, "key columns have \(rows) and \(column.count) rows")
        }
        try hashes.withUnsafeMutableBufferPointer { hashes in
            try RowHashing.fold(column, into: hashes)
        }
    }
    return hashes
}

enum RowHashing {
    static func fold(_ column: any ColumnArray, into hashes: UnsafeMutableBufferPointer<UInt64>) throws {
        switch column {
        case let array as Int8Array: foldPrimitive(array, into: hashes)
        case let array as Int16Array: foldPrimitive(array, into: hashes)
        case let array as Int32Array: foldPrimitive(array, into: hashes)
        case let array as Int64Array: foldPrimitive(array, into: hashes)
        case let array as UInt8Array: foldPrimitive(array, into: hashes)
        case let array as UInt16Array where array.dataType == .uint16: foldPrimitive(array, into: hashes)
        case let array as UInt32Array: foldPrimitive(array, into: hashes)
        case let array as UInt64Array: foldPrimitive(array, into: hashes)
        case let array as Float32Array: foldPrimitive(array, into: hashes)
        case let array as Float64Array: foldPrimitive(array, into: hashes)
        case let array as Decimal128Array: foldPrimitive(array, into: hashes)
        case let array as StringArray: foldBytes(array, into: hashes)
        case let array as BinaryArray: foldBytes(array, into: hashes)
        case let array as BooleanArray:
            array.values.withReader { bits in
                foldRows(hashes, array.validity) { bits[$0] ? 1 : 2 }
            }
        default:
            throw ComputeError(.unsupported, "cannot hash keys of type \(column.dataType)")
        }
    }

    private static func foldPrimitive<T: HashableBits>(
        _ array: PrimitiveArray<T>, into hashes: UnsafeMutableBufferPointer<UInt64>
    ) {
        array.withUnsafeValues { values in
            foldRows(hashes, array.validity) { values[$0].hashBits }
        }
    }

    private static func foldBytes<Kind>(
        _ array: GenericByteArray<Kind>, into hashes: UnsafeMutableBufferPointer<UInt64>
    ) {
        array.withUnsafeOffsetsAndData { offsets, data in
            let base = data.baseAddress ?? UnsafeRawPointer(bitPattern: 8).unsafelyUnwrapped
            foldRows(hashes, array.validity) { row in
                let start = Int(offsets[row])
                return HashMixing.bytes(base + start, Int(offsets[row + 1]) - start)
            }
        }
    }

    /// Combines `valueHash(row)` into each row's hash, or the null hash for null rows.
    @inline(__always)
    private static func foldRows(
        _ hashes: UnsafeMutableBufferPointer<UInt64>, _ validity: ValidityBitmap?, _ valueHash: (Int) -> UInt64
    ) {
        withValidityReader(validity) { valid in
            if let valid {
                for row in 0..<hashes.count {
                    hashes[row] = HashMixing.combine(hashes[row], valid[row] ? valueHash(row) : HashMixing.nullHash)
                }
            } else {
                for row in 0..<hashes.count {
                    hashes[row] = HashMixing.combine(hashes[row], valueHash(row))
                }
            }
        }
    }
}
