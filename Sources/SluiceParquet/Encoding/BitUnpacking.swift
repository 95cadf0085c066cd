/// Unpacks the LSB-first bit packing of the RLE/bit-packed hybrid and of DELTA_BINARY_PACKED
/// miniblocks, 8 values (one group, `bitWidth` bytes) at a time.
///
/// The hot loop loads each value with one unaligned 8-byte read, a shift and a mask. That read may
/// reach up to 8 bytes past the group, so groups that end within 8 bytes of the buffer's end are
/// first copied into a zero-padded scratch block. The width is dispatched once per call to a copy
/// of the loop specialised for that constant width, so shifts and masks fold into immediates.
enum BitUnpacking {
    /// Unpacks `groupCount` groups of 8 values of `bitWidth` bits read from `bytes` at `offset` into
    /// `destination` (`8 * groupCount` values). Values wider than `T` are truncated.
    ///
    /// - Precondition: `0 <= bitWidth <= 64` and `offset + groupCount * bitWidth <= bytes.count`
    ///   (callers check and throw first), except that the last group may be short of bytes: its
    ///   missing bits read as zero.
    static func unpack<T: FixedWidthInteger & UnsignedInteger>(
        _ bytes: UnsafeRawBufferPointer, offset: Int, groupCount: Int, bitWidth: Int,
        into destination: UnsafeMutablePointer<T>
    ) {
        guard groupCount > 0 else { return }
        guard bitWidth > 0, let base = bytes.baseAddress else {
            destination.initialize(repeating: 0, count: groupCount &* 8)
            return
        }
        // Groups whose 8-byte over-read stays inside the buffer.
        let safeBytes = bytes.count &- offset &- 8
        let fastGroups = safeBytes < bitWidth ? 0 : min(groupCount, safeBytes / bitWidth)
        unpackInPlace(base + offset, groupCount: fastGroups, bitWidth: bitWidth, into: destination)
        var group = fastGroups
        while group < groupCount {
            let start = offset &+ group &* bitWidth
            let available = max(0, min(bitWidth, bytes.count &- start))
            withUnsafeTemporaryAllocation(byteCount: 80, alignment: 8) { scratch in
                scratch.initializeMemory(as: UInt8.self, repeating: 0)
                if let scratchBase = scratch.baseAddress, available > 0 {
                    scratchBase.copyMemory(from: base + start, byteCount: available)
                    unpackInPlace(
                        UnsafeRawPointer(scratchBase), groupCount: 1, bitWidth: bitWidth,
                        into: destination + group &* 8)
                } else {
                    (destination + group &* 8).initialize(repeating: 0, count: 8)
                }
            }
            group &+= 1
        }
    }

    /// Unpacks `groupCount` groups from `source`, which must be readable for
    /// `groupCount * bitWidth + 8` bytes.
    private static func unpackInPlace<T: FixedWidthInteger & UnsignedInteger>(
        _ source: UnsafeRawPointer, groupCount: Int, bitWidth: Int, into destination: UnsafeMutablePointer<T>
    ) {
        guard groupCount > 0 else { return }
        // A literal width per case lets the inlined loop be compiled for that width.
        switch bitWidth {
        case 0: destination.initialize(repeating: 0, count: groupCount &* 8)
        case 1: unpackGroups(source, groupCount, destination, 1)
        case 2: unpackGroups(source, groupCount, destination, 2)
        case 3: unpackGroups(source, groupCount, destination, 3)
        case 4: unpackGroups(source, groupCount, destination, 4)
        case 5: unpackGroups(source, groupCount, destination, 5)
        case 6: unpackGroups(source, groupCount, destination, 6)
        case 7: unpackGroups(source, groupCount, destination, 7)
        case 8: unpackGroups(source, groupCount, destination, 8)
        case 9: unpackGroups(source, groupCount, destination, 9)
        case 10: unpackGroups(source, groupCount, destination, 10)
        case 11: unpackGroups(source, groupCount, destination, 11)
        case 12: unpackGroups(source, groupCount, destination, 12)
        case 13: unpackGroups(source, groupCount, destination, 13)
        case 14: unpackGroups(source, groupCount, destination, 14)
        case 15: unpackGroups(source, groupCount, destination, 15)
        case 16: unpackGroups(source, groupCount, destination, 16)
        case 17: unpackGroups(source, groupCount, destination, 17)
        case 18: unpackGroups(source, groupCount, destination, 18)
        case 19: unpackGroups(source, groupCount, destination, 19)
        case 20: unpackGroups(source, groupCount, destination, 20)
        case 21: unpackGroups(source, groupCount, destination, 21)
        case 22: unpackGroups(source, groupCount, destination, 22)
        case 23: unpackGroups(source, groupCount, destination, 23)
        case 24: unpackGroups(source, groupCount, destination, 24)
        case 25: unpackGroups(source, groupCount, destination, 25)
        case 26: unpackGroups(source, groupCount, destination, 26)
        case 27: unpackGroups(source, groupCount, destination, 27)
        case 28: unpackGroups(source, groupCount, destination, 28)
        case 29: unpackGroups(source, groupCount, destination, 29)
        case 30: unpackGroups(source, groupCount, destination, 30)
        case 31: unpackGroups(source, groupCount, destination, 31)
        case 32: unpackGroups(source, groupCount, destination, 32)
        default:
            // Wider values occur only in DELTA_BINARY_PACKED miniblocks of INT64 columns, which are
            // rarer; one loop with a run-time width serves all of them.
            unpackGroups(source, groupCount, destination, bitWidth)
        }
    }

    @inline(__always)
    private static func unpackGroups<T: FixedWidthInteger & UnsignedInteger>(
        _ source: UnsafeRawPointer, _ groupCount: Int, _ destination: UnsafeMutablePointer<T>, _ bitWidth: Int
    ) {
        let mask: UInt64 = bitWidth >= 64 ? ~0 : (1 &<< UInt64(bitWidth)) &- 1
        var input = source
        var output = destination
        for _ in 0..<groupCount {
            for index in 0..<8 {
                let bit = index &* bitWidth
                let shift = UInt64(bit & 7)
                var word = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: bit &>> 3, as: UInt64.self))
                word &>>= shift
                if bitWidth > 56 && shift != 0 {
                    // The value spills into a ninth byte.
                    let high = UInt64(input.load(fromByteOffset: (bit &>> 3) &+ 8, as: UInt8.self))
                    word |= high &<< (64 &- shift)
                }
                output[index] = T(truncatingIfNeeded: word & mask)
            }
            input += bitWidth
            output += 8
        }
    }

    /// The number of bits needed to store `maximum` (0 for 0).
    static func bitWidth(of maximum: UInt64) -> Int {
        64 &- maximum.leadingZeroBitCount
    }
}
