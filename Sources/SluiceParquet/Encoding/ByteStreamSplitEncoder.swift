/// Encodes values BYTE_STREAM_SPLIT: byte `k` of every value goes to stream `k`.
enum ByteStreamSplitEncoder {
    /// Appends `bytes`, a whole number of `byteWidth`-byte values, split into streams.
    static func encode(_ bytes: UnsafeRawBufferPointer, byteWidth: Int, into output: inout [UInt8]) {
        precondition(byteWidth > 0 && bytes.count % byteWidth == 0, "not a whole number of \(byteWidth)-byte values")
        let count = bytes.count / byteWidth
        output.reserveCapacity(output.count + bytes.count)
        for stream in 0..<byteWidth {
            for index in 0..<count {
                output.append(bytes[index * byteWidth + stream])
            }
        }
    }
}
