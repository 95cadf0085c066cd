/// The addresses a C codec library gets for one decompression: the input's start (an empty input
/// is an error), and the output's start or, for a zero-capacity output, the input's address as a
/// placeholder: zlib, libzstd, liblz4 and libbrotli never write into a zero-capacity output.
struct DecompressionBuffers {
    let input: UnsafeRawPointer
    let output: UnsafeMutableRawPointer

    init(_ input: UnsafeRawBufferPointer, _ output: UnsafeMutableRawBufferPointer, codec: String) throws(ParquetError) {
        guard let inputBase = input.baseAddress else {
            throw ParquetError(.decompressionFailed, "\(codec): empty input")
        }
        self.input = inputBase
        self.output = output.baseAddress ?? UnsafeMutableRawPointer(mutating: inputBase)
    }
}
