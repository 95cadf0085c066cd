/// Encodes BYTE_ARRAY values DELTA_LENGTH_BYTE_ARRAY or DELTA_BYTE_ARRAY (for the writer's optional
/// encodings and for round-trip tests of the decoders).
enum DeltaByteArrayEncoder {
    /// DELTA_LENGTH_BYTE_ARRAY: the lengths DELTA_BINARY_PACKED, then the bytes concatenated.
    static func encodeLengths(_ values: [[UInt8]]) -> [UInt8] {
        var output = DeltaBinaryPackedEncoder.encode(values.map { Int32(truncatingIfNeeded: $0.count) })
        for value in values { output += value }
        return output
    }

    /// DELTA_BYTE_ARRAY: the lengths of the prefixes shared with the previous value, then the rest of
    /// each value DELTA_LENGTH_BYTE_ARRAY.
    static func encodeIncremental(_ values: [[UInt8]]) -> [UInt8] {
        var prefixes: [Int32] = []
        var suffixes: [[UInt8]] = []
        var previous: [UInt8] = []
        for value in values {
            var shared = 0
            while shared < min(previous.count, value.count) && previous[shared] == value[shared] { shared += 1 }
            prefixes.append(Int32(truncatingIfNeeded: shared))
            suffixes.append(Array(value[shared...]))
            previous = value
        }
        return DeltaBinaryPackedEncoder.encode(prefixes) + encodeLengths(suffixes)
    }
}
