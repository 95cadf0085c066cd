import SluiceCore

/// Where a column chunk's dense values go among its rows. Without `levels` every row holds a value
/// and buffers pass through untouched; with them, values are spread out, nulls get zeroed slots
/// (or repeated offsets) and the validity bitmap comes from the levels.
struct RowLayout {
    /// One definition level per row, or nil when no row is null.
    let levels: Buffer?
    let rows: Int
    /// The level of a row that holds a value.
    let maxLevel: UInt8

    /// The validity bitmap of the rows (nil when none is null).
    func validity() -> ValidityBitmap? {
        guard let levels else { return nil }
        var bits = BitBufferBuilder(capacity: rows)
        levels.withUnsafeBytes { raw in
            for level in raw.prefix(rows) { bits.append(level == maxLevel) }
        }
        return ValidityBitmap(bits.finish())
    }

    /// Spreads `dense` values of `width` bytes over the rows.
    func spread(_ dense: Buffer, width: Int) -> Buffer {
        guard let levels else { return dense }
        var output = MutableBuffer(zeroedByteCount: rows * width)
        let maxLevel = maxLevel
        output.withUnsafeMutableBytes { target in
            dense.withUnsafeBytes { source in
                levels.withUnsafeBytes { levelBytes in
                    guard let to = target.baseAddress, let from = source.baseAddress else { return }
                    var next = 0
                    for row in 0..<rows where levelBytes[row] == maxLevel {
                        (to + row * width).copyMemory(from: from + next * width, byteCount: width)
                        next += 1
                    }
                }
            }
        }
        return output.finish()
    }

    /// A primitive array of `T` from dense values.
    func primitive<T: FixedWidthValue>(
        _ type: T.Type, _ dataType: DataType, _ dense: Buffer
    ) throws(ParquetError) -> PrimitiveArray<T> {
        let values = spread(dense, width: MemoryLayout<T>.stride)
        return try Self.wrap {
            try PrimitiveArray<T>(dataType: dataType, count: rows, values: values, validity: validity())
        }
    }

    /// A boolean array from dense values stored one byte each.
    func booleans(_ dense: Buffer) throws(ParquetError) -> BooleanArray {
        var bits = BitBufferBuilder(capacity: rows)
        dense.withUnsafeBytes { source in
            if let levels {
                levels.withUnsafeBytes { levelBytes in
                    var next = 0
                    for row in 0..<rows {
                        if levelBytes[row] == maxLevel {
                            bits.append(source[next] != 0)
                            next += 1
                        } else {
                            bits.append(false)
                        }
                    }
                }
            } else {
                for index in 0..<rows { bits.append(source[index] != 0) }
            }
        }
        let values = bits.finish()
        return try Self.wrap { try BooleanArray(values: values, validity: validity()) }
    }

    /// A fixed-size binary array from dense values of `width` bytes.
    func fixedSizeBinary(width: Int, _ dense: Buffer) throws(ParquetError) -> FixedSizeBinaryArray {
        let data = spread(dense, width: width)
        return try Self.wrap {
            try FixedSizeBinaryArray(byteWidth: width, count: rows, data: data, validity: validity())
        }
    }

    /// A string or binary array from dense offsets: a null row repeats the previous offset.
    func byteArray<Kind: ByteArrayKind>(
        _ kind: Kind.Type, offsets: OffsetBuffer, data: Buffer
    ) throws(ParquetError) -> GenericByteArray<Kind> {
        var rowOffsets = offsets
        if let levels {
            var output = MutableBuffer(capacity: 4 * (rows + 1))
            output.append(Int32(0))
            let maxLevel = maxLevel
            offsets.withUnsafeOffsets { dense in
                levels.withUnsafeBytes { levelBytes in
                    var next = 1
                    var end: Int32 = 0
                    for row in 0..<rows {
                        if levelBytes[row] == maxLevel {
                            end = dense[next]
                            next += 1
                        }
                        output.append(end)
                    }
                }
            }
            rowOffsets = try Self.wrap { try OffsetBuffer(output.finish()) }
        }
        let final = rowOffsets
        return try Self.wrap { try GenericByteArray<Kind>(offsets: final, data: data, validity: validity()) }
    }

    /// Runs a SluiceCore constructor, turning its error into a `ParquetError`.
    private static func wrap<R>(_ body: () throws -> R) throws(ParquetError) -> R {
        do {
            return try body()
        } catch {
            throw ParquetError(.invalidPage, "the decoded values do not form an array: \(error)")
        }
    }
}
