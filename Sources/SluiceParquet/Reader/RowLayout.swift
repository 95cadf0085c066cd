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

    /// The validity bitmap of the rows (nil when none is null), built a byte (8 rows) at a time.
    func validity() -> ValidityBitmap? {
        guard let levels else { return nil }
        let byteCount = (rows + 7) / 8
        var output = MutableBuffer(zeroedByteCount: byteCount)
        let maxLevel = maxLevel
        output.withUnsafeMutableBytes { target in
            levels.withUnsafeBytes { levelBytes in
                for byteIndex in 0..<byteCount {
                    let first = byteIndex * 8
                    var byte: UInt8 = 0
                    for bit in 0..<min(8, rows - first) where levelBytes[first + bit] == maxLevel {
                        byte |= 1 << UInt8(bit)
                    }
                    target[byteIndex] = byte
                }
            }
        }
        // The buffer holds exactly `rows` bits, so the bitmap cannot be rejected.
        return try? ValidityBitmap(buffer: output.finish(), count: rows)
    }

    /// Spreads `dense` values of `width` bytes over the rows.
    func spread(_ dense: Buffer, width: Int) -> Buffer {
        guard levels != nil else { return dense }
        switch width {
        case 1: return spread(dense, as: UInt8.self)
        case 2: return spread(dense, as: UInt16.self)
        case 4: return spread(dense, as: UInt32.self)
        case 8: return spread(dense, as: UInt64.self)
        case 16: return spread(dense, as: UInt128.self)
        default: return spread(dense, as: UInt8.self, width: width)
        }
    }

    /// Spreads values of `width` elements of `T` each (one by default); null rows stay zero.
    private func spread<T: BitwiseCopyable>(_ dense: Buffer, as type: T.Type, width: Int = 1) -> Buffer {
        guard let levels else { return dense }
        var output = MutableBuffer(zeroedByteCount: rows * width * MemoryLayout<T>.stride)
        let maxLevel = maxLevel
        output.withUnsafeMutableBufferPointer(as: T.self) { target in
            dense.withUnsafeBytes { raw in
                levels.withUnsafeBytes { levelBytes in
                    let source = raw.bindMemory(to: T.self)
                    var next = 0
                    for row in 0..<rows where levelBytes[row] == maxLevel {
                        for element in 0..<width { target[row * width + element] = source[next + element] }
                        next += width
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
