/// The UNCOMPRESSED codec: the page body is the data.
enum UncompressedCodec {
    static func decompress(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) {
        guard input.count == output.count else {
            throw ParquetError(
                .decompressionFailed,
                "uncompressed: page body has \(input.count) bytes, expected \(output.count)"
            )
        }
        guard let source = input.baseAddress, let target = output.baseAddress else { return }
        target.copyMemory(from: source, byteCount: input.count)
    }

    static func compress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        guard let source = input.baseAddress, let target = output.baseAddress else { return 0 }
        target.copyMemory(from: source, byteCount: input.count)
        return input.count
    }
}
