extension Snappy {
    /// Decompresses one snappy block into `output`, which must be exactly the uncompressed size.
    ///
    /// This is the hot path of reading SNAPPY parquet, so it works on raw pointers. Every length and
    /// offset is checked against the input and output bounds before any byte moves. The fast paths
    /// copy 16 bytes at a time when at least 16 bytes of room remain; the bytes written past the
    /// element are inside the output and are overwritten by the elements that follow (the block
    /// must fill the output exactly, which is checked at the end).
    static func decompress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) {
        let (length, headerSize) = try readPreamble(input)
        guard length == output.count else {
            throw failure("length preamble says \(length) bytes, expected \(output.count)")
        }
        guard let inputBase = input.baseAddress else { throw failure("empty input") }
        guard length > 0, let outputBase = output.baseAddress else {
            guard headerSize == input.count else { throw failure("data after the end of an empty block") }
            return
        }
        var ip = inputBase + headerSize
        let inputEnd = inputBase + input.count
        var op = outputBase
        let outputEnd = outputBase + length

        while ip < inputEnd {
            let tag = Int(ip.load(as: UInt8.self))
            ip += 1
            let length: Int
            let offset: Int
            switch tag & 3 {
            case 0:
                var literalLength = (tag >> 2) + 1
                if literalLength > 60 {
                    // 61…64: the length minus one follows in 1…4 little-endian bytes.
                    let extra = literalLength - 60
                    guard inputEnd - ip >= extra else { throw failure("truncated literal length") }
                    var value = 0
                    for index in 0..<extra {
                        value |= Int(ip.load(fromByteOffset: index, as: UInt8.self)) << (8 * index)
                    }
                    ip += extra
                    literalLength = value + 1
                }
                let inputLeft = inputEnd - ip
                let outputLeft = outputEnd - op
                if literalLength <= 16 && inputLeft >= 16 && outputLeft >= 16 {
                    copy16(from: ip, to: op)
                } else {
                    guard literalLength <= inputLeft else {
                        throw failure("literal of \(literalLength) bytes runs past the end of the input")
                    }
                    guard literalLength <= outputLeft else {
                        throw failure("literal of \(literalLength) bytes runs past the uncompressed size")
                    }
                    op.copyMemory(from: ip, byteCount: literalLength)
                }
                ip += literalLength
                op += literalLength
                continue
            case 1:
                guard ip < inputEnd else { throw failure("truncated copy") }
                length = ((tag >> 2) & 7) + 4
                offset = ((tag >> 5) << 8) | Int(ip.load(as: UInt8.self))
                ip += 1
            case 2:
                guard inputEnd - ip >= 2 else { throw failure("truncated copy") }
                length = (tag >> 2) + 1
                offset = Int(UInt16(littleEndian: ip.loadUnaligned(as: UInt16.self)))
                ip += 2
            default:
                guard inputEnd - ip >= 4 else { throw failure("truncated copy") }
                length = (tag >> 2) + 1
                offset = Int(UInt32(littleEndian: ip.loadUnaligned(as: UInt32.self)))
                ip += 4
            }

            guard offset != 0, offset <= op - outputBase else {
                throw failure("copy offset \(offset) points before the start of the output")
            }
            let outputLeft = outputEnd - op
            guard length <= outputLeft else {
                throw failure("copy of \(length) bytes runs past the uncompressed size")
            }
            let source = UnsafeRawPointer(op - offset)
            if offset >= 8 && length <= 16 && outputLeft >= 16 {
                // The common short copy. With offset ≥ 8 the second 8-byte load reads only bytes the
                // first store has already written, so overlapping copies come out right.
                copy16(from: source, to: op)
            } else {
                copyMatch(from: source, to: op, length: length, offset: offset, end: outputEnd)
            }
            op += length
        }
        guard op == outputEnd else {
            throw failure("block ends after \(op - outputBase) bytes, expected \(length)")
        }
    }

    /// Copies 16 bytes as two 8-byte moves, in order (the second may read what the first wrote).
    @inline(__always)
    private static func copy16(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer) {
        target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
        target.storeBytes(
            of: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
    }

    /// Copies `length` bytes from `offset` bytes back, where the two ranges may overlap: an offset
    /// smaller than the length repeats the last `offset` bytes. The caller has checked that
    /// `target + length <= end`.
    private static func copyMatch(
        from source: UnsafeRawPointer,
        to target: UnsafeMutableRawPointer,
        length: Int,
        offset: Int,
        end: UnsafeMutableRawPointer
    ) {
        if offset >= length {
            target.copyMemory(from: source, byteCount: length)
            return
        }
        var op = target
        var remaining = length
        // The output is periodic with period `offset`, so copying the whole distance between source
        // and op (a multiple of the period) doubles the distance each time without overlap. Grow it
        // to at least 8 so that 8-byte moves no longer overlap themselves.
        var distance = offset
        while distance < 8 && remaining > 0 {
            let count = min(distance, remaining)
            for index in 0..<count {
                op.storeBytes(
                    of: source.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self)
            }
            op += count
            remaining -= count
            distance += count
        }
        var from = UnsafeRawPointer(op - distance)
        while remaining >= 8 {
            op.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            from += 8
            op += 8
            remaining -= 8
        }
        guard remaining > 0 else { return }
        if end - op >= 8 {
            // The extra bytes land inside the output and are overwritten later.
            op.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else {
            for index in 0..<remaining {
                op.storeBytes(of: from.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self)
            }
        }
    }
}
