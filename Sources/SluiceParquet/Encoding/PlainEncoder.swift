/// Encodes values PLAIN (`Encodings.md`, "Plain") for data pages and dictionary pages.
enum PlainEncoder {
    /// Appends INT32, INT64, FLOAT or DOUBLE values (their little-endian memory, copied in bulk).
    static func encode<T: BitwiseCopyable>(_ values: UnsafeBufferPointer<T>, into output: inout [UInt8]) {
        output.append(contentsOf: UnsafeRawBufferPointer(values))
    }

    /// Appends fixed-size values (INT96, FIXED_LEN_BYTE_ARRAY): their bytes back to back.
    static func encodeFixedSize(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        output.append(contentsOf: bytes)
    }

    /// Appends BOOLEAN values as bits, lowest first, the last byte padded with zeros.
    static func encode(_ values: UnsafeBufferPointer<Bool>, into output: inout [UInt8]) {
        var byte: UInt8 = 0
        for (index, value) in values.enumerated() {
            if value { byte |= 1 << UInt8(index & 7) }
            if index & 7 == 7 {
                output.append(byte)
                byte = 0
            }
        }
        if values.count & 7 != 0 { output.append(byte) }
    }

    /// Appends BYTE_ARRAY values given as Arrow-style offsets (`count + 1`, absolute positions in
    /// `data`): each as a 4-byte little-endian length and its bytes.
    static func encodeByteArrays(
        offsets: UnsafeBufferPointer<Int32>, data: UnsafeRawBufferPointer, into output: inout [UInt8]
    ) {
        guard offsets.count > 1 else { return }
        let first = Int(offsets[0])
        let last = Int(offsets[offsets.count - 1])
        let start = output.count
        // Size the output once and copy into it: appending twice per value is several times slower.
        output.append(contentsOf: repeatElement(0, count: 4 * (offsets.count - 1) + last - first))
        output.withUnsafeMutableBytes { target in
            var position = start
            for index in 0..<(offsets.count - 1) {
                let valueStart = Int(offsets[index])
                let length = Int(offsets[index + 1]) - valueStart
                target.storeBytes(
                    of: UInt32(truncatingIfNeeded: length).littleEndian, toByteOffset: position, as: UInt32.self)
                position += 4
                if length > 0, let source = data.baseAddress, let destination = target.baseAddress {
                    (destination + position).copyMemory(from: source + valueStart, byteCount: length)
                }
                position += length
            }
        }
    }

    /// Appends one BYTE_ARRAY value.
    static func encodeByteArray(_ value: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        appendLength(value.count, to: &output)
        output.append(contentsOf: value)
    }

    private static func appendLength(_ length: Int, to output: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian) { output.append(contentsOf: $0) }
    }
}
