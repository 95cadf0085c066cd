extension Snappy {
    /// Snappy compresses independent blocks of 64 KiB, so 2-byte offsets always reach.
    private static let blockSize = 1 << 16
    /// The largest hash table: 16 Ki entries of 2-byte positions, 32 KiB.
    private static let maxTableBits = 14
    /// The tail of a block that is always emitted as a literal, so the matcher can read 4 to 8
    /// bytes ahead without bounds checks.
    private static let inputMargin = 15

    /// Compresses `input` into `output` (at least `maxCompressedSize(input.count)` bytes) with
    /// snappy's greedy hash-table matcher, and returns the number of bytes written.
    static func compress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        guard let outputBase = output.baseAddress else { return 0 }
        var op = outputBase + writePreamble(input.count, to: outputBase)
        guard let inputBase = input.baseAddress, !input.isEmpty else { return op - outputBase }
        let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 1 << maxTableBits)
        defer { table.deallocate() }
        var start = 0
        while start < input.count {
            let count = min(blockSize, input.count - start)
            op = compressBlock(inputBase + start, count: count, to: op, table: table)
            start += count
        }
        return op - outputBase
    }

    /// Compresses one block of at most 64 KiB and returns the new end of the output.
    private static func compressBlock(
        _ block: UnsafeRawPointer,
        count: Int,
        to output: UnsafeMutableRawPointer,
        table: UnsafeMutablePointer<UInt16>
    ) -> UnsafeMutableRawPointer {
        var op = output
        let blockEnd = block + count
        var nextEmit = block
        guard count >= inputMargin else {
            return emitLiteral(from: nextEmit, count: count, to: op)
        }
        // A table about as large as the block: small blocks clear less memory.
        var tableBits = 8
        while tableBits < maxTableBits && (1 << tableBits) < count { tableBits += 1 }
        let shift = UInt32(32 - tableBits)
        table.initialize(repeating: 0, count: 1 << tableBits)

        @inline(__always) func load32(_ pointer: UnsafeRawPointer) -> UInt32 {
            UInt32(littleEndian: pointer.loadUnaligned(as: UInt32.self))
        }
        @inline(__always) func hash(_ pointer: UnsafeRawPointer) -> Int {
            Int((load32(pointer) &* 0x1E35_A7BD) >> shift)
        }

        let inputLimit = blockEnd - inputMargin
        var ip = block + 1
        var nextHash = hash(ip)
        outer: while true {
            // Look for a 4-byte match, stepping further the longer nothing matches (snappy's
            // heuristic: incompressible data is skipped quickly).
            var skip = 32
            var nextIp = ip
            var candidate: UnsafeRawPointer
            repeat {
                ip = nextIp
                let currentHash = nextHash
                let step = skip >> 5
                skip += 1
                nextIp = ip + step
                if nextIp > inputLimit { break outer }
                nextHash = hash(nextIp)
                candidate = block + Int(table[currentHash])
                table[currentHash] = UInt16(truncatingIfNeeded: ip - block)
            } while load32(ip) != load32(candidate)

            op = emitLiteral(from: nextEmit, count: ip - nextEmit, to: op)

            // Emit copies as long as the byte after each match starts another match.
            repeat {
                let matchStart = ip
                let matched = 4 + matchLength(candidate + 4, ip + 4, end: blockEnd)
                ip += matched
                op = emitCopy(offset: matchStart - candidate, length: matched, to: op)
                nextEmit = ip
                if ip >= inputLimit { break outer }
                let previous = ip - 1
                table[hash(previous)] = UInt16(truncatingIfNeeded: previous - block)
                let currentHash = hash(ip)
                candidate = block + Int(table[currentHash])
                table[currentHash] = UInt16(truncatingIfNeeded: ip - block)
            } while load32(ip) == load32(candidate)

            ip += 1
            nextHash = hash(ip)
        }
        if nextEmit < blockEnd {
            op = emitLiteral(from: nextEmit, count: blockEnd - nextEmit, to: op)
        }
        return op
    }

    /// How many bytes from `a` and `b` are equal, reading no further than `end` from `b`.
    @inline(__always)
    private static func matchLength(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, end: UnsafeRawPointer) -> Int {
        var matched = 0
        while end - (b + matched) >= 8 {
            let difference =
                a.loadUnaligned(fromByteOffset: matched, as: UInt64.self)
                ^ b.loadUnaligned(fromByteOffset: matched, as: UInt64.self)
            if difference != 0 {
                return matched + UInt64(littleEndian: difference).trailingZeroBitCount / 8
            }
            matched += 8
        }
        while b + matched < end
            && a.load(fromByteOffset: matched, as: UInt8.self) == b.load(fromByteOffset: matched, as: UInt8.self)
        {
            matched += 1
        }
        return matched
    }

    /// Writes a literal element (tag, length, bytes) and returns the new end of the output.
    private static func emitLiteral(
        from source: UnsafeRawPointer,
        count: Int,
        to output: UnsafeMutableRawPointer
    ) -> UnsafeMutableRawPointer {
        guard count > 0 else { return output }
        var op = output
        let stored = count - 1
        if stored < 60 {
            op.storeBytes(of: UInt8(stored << 2), as: UInt8.self)
            op += 1
        } else {
            var byteCount = 1
            while byteCount < 4 && stored >> (8 * byteCount) != 0 { byteCount += 1 }
            op.storeBytes(of: UInt8((59 + byteCount) << 2), as: UInt8.self)
            op += 1
            for index in 0..<byteCount {
                op.storeBytes(of: UInt8(truncatingIfNeeded: stored >> (8 * index)), toByteOffset: index, as: UInt8.self)
            }
            op += byteCount
        }
        op.copyMemory(from: source, byteCount: count)
        return op + count
    }

    /// Writes copy elements for a match of `length ≥ 4` bytes at `offset < 65536`.
    private static func emitCopy(offset: Int, length: Int, to output: UnsafeMutableRawPointer)
        -> UnsafeMutableRawPointer
    {
        var op = output
        var remaining = length
        // A copy element holds at most 64 bytes; split so that no piece is shorter than 4.
        while remaining >= 68 {
            op = emitCopyAtMost64(offset: offset, length: 64, to: op)
            remaining -= 64
        }
        if remaining > 64 {
            op = emitCopyAtMost64(offset: offset, length: 60, to: op)
            remaining -= 60
        }
        return emitCopyAtMost64(offset: offset, length: remaining, to: op)
    }

    @inline(__always)
    private static func emitCopyAtMost64(
        offset: Int,
        length: Int,
        to op: UnsafeMutableRawPointer
    ) -> UnsafeMutableRawPointer {
        if length < 12 && offset < 2048 {
            // Copy with a 1-byte offset: 3 bits of length - 4, the offset's high 3 bits in the tag.
            op.storeBytes(of: UInt8(1 | ((length - 4) << 2) | ((offset >> 8) << 5)), as: UInt8.self)
            op.storeBytes(of: UInt8(truncatingIfNeeded: offset), toByteOffset: 1, as: UInt8.self)
            return op + 2
        }
        op.storeBytes(of: UInt8(2 | ((length - 1) << 2)), as: UInt8.self)
        op.storeBytes(of: UInt16(offset).littleEndian, toByteOffset: 1, as: UInt16.self)
        return op + 3
    }
}
