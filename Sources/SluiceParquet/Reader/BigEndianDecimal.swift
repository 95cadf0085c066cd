import SluiceCore

/// Decimals stored as big-endian two's complement bytes (FIXED_LEN_BYTE_ARRAY and BYTE_ARRAY
/// decimals), converted to Int128.
enum BigEndianDecimal {
    /// `count` values of `width` bytes each, back to back in `fixed`.
    static func decode(fixed: borrowing MutableBuffer, width: Int, count: Int) throws(ParquetError) -> Buffer {
        var output = MutableBuffer(zeroedByteCount: count * 16)
        let failure: ParquetError? = fixed.withUnsafeBytes { source in
            output.withUnsafeMutableBufferPointer(as: Int128.self) { target in
                do throws(ParquetError) {
                    // A value that ends at byte 16 or later loads as the 16-byte word ending with it,
                    // sign-extended by shifts; earlier ones (and wider values) take the byte loop.
                    let loadable = (1...16).contains(width)
                    let firstLoaded = loadable ? min(count, (16 + width - 1) / width - 1) : count
                    for index in 0..<firstLoaded {
                        target[index] = try value(
                            UnsafeRawBufferPointer(rebasing: source[(index * width)..<(index * width + width)]))
                    }
                    let shift = UInt128(8 * (16 - min(max(width, 1), 16)))
                    for index in firstLoaded..<count {
                        let end = index * width + width
                        let word = source.loadUnaligned(fromByteOffset: end - 16, as: UInt128.self).bigEndian
                        target[index] = Int128(bitPattern: word << shift) >> Int128(shift)
                    }
                    return nil
                } catch {
                    return error
                }
            }
        }
        if let failure { throw failure }
        return output.finish()
    }

    /// `count` values of any length, from a byte-array output's offsets and bytes.
    static func decode(byteArrays: borrowing ByteArrayOutput, count: Int) throws(ParquetError) -> Buffer {
        var output = MutableBuffer(zeroedByteCount: count * 16)
        let failure: ParquetError? = byteArrays.offsets.withUnsafeBytes { offsetBytes in
            byteArrays.data.withUnsafeBytes { source in
                output.withUnsafeMutableBufferPointer(as: Int128.self) { target in
                    let ends = offsetBytes.bindMemory(to: Int32.self)
                    do throws(ParquetError) {
                        for index in 0..<count {
                            let range = Int(ends[index])..<Int(ends[index + 1])
                            target[index] = try value(UnsafeRawBufferPointer(rebasing: source[range]))
                        }
                        return nil
                    } catch {
                        return error
                    }
                }
            }
        }
        if let failure { throw failure }
        return output.finish()
    }

    /// One big-endian two's complement value. Longer than 16 bytes is accepted only when the extra
    /// leading bytes are sign extension.
    static func value(_ bytes: UnsafeRawBufferPointer) throws(ParquetError) -> Int128 {
        guard let first = bytes.first else { return 0 }
        let negative = first & 0x80 != 0
        var result: Int128 = negative ? -1 : 0
        let extra = max(0, bytes.count - 16)
        for index in 0..<extra where bytes[index] != (negative ? 0xFF : 0) {
            throw ParquetError(.invalidEncoding, "a decimal of \(bytes.count) bytes does not fit 128 bits")
        }
        for byte in bytes[extra...] {
            result = (result &<< 8) | Int128(byte)
        }
        return result
    }
}
