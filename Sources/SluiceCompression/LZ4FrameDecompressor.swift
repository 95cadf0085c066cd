import CLZ4

/// Decompresses the LZ4 frame format (lz4 `lz4_Frame_format.md`) with liblz4's own frame API:
/// what Arrow IPC bodies compressed with LZ4_FRAME hold, and what some parquet writers put in
/// pages of the legacy LZ4 codec.
///
/// Concatenated and skippable frames are accepted. liblz4 verifies the header, block and content
/// checksums a frame carries, and never writes past the output it is given.
public enum LZ4FrameDecompressor {
    private static let frameMagic: UInt32 = 0x184D_2204

    /// Whether `input` starts with the LZ4 frame magic number.
    public static func isFrame(_ input: UnsafeRawBufferPointer) -> Bool {
        guard input.count >= 4 else { return false }
        return UInt32(littleEndian: input.loadUnaligned(as: UInt32.self)) == frameMagic
    }

    /// Decompresses every frame in `input` into exactly `output`.
    ///
    /// - Throws: `LZ4FrameError` when the input is not whole LZ4 frames, or decodes to a length
    ///   other than `output.count`.
    public static func decompress(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(LZ4FrameError) {
        var context: OpaquePointer?
        let created = LZ4F_createDecompressionContext(&context, UInt32(LZ4F_VERSION))
        guard LZ4F_isError(created) == 0, let context else {
            throw LZ4FrameError("cannot create a decompression context")
        }
        defer { LZ4F_freeDecompressionContext(context) }
        guard let source = input.baseAddress, !input.isEmpty else {
            guard output.isEmpty else { throw LZ4FrameError("no input for \(output.count) bytes") }
            return
        }
        var inputOffset = 0
        var outputOffset = 0
        // What liblz4 still expects of the current frame: 0 once a frame has ended.
        var expected = 1
        while inputOffset < input.count {
            var consumed = input.count - inputOffset
            var produced = output.count - outputOffset
            // An empty output has no address; liblz4 writes nothing into 0 bytes.
            let target = output.baseAddress.map { $0 + outputOffset } ?? UnsafeMutableRawPointer(mutating: source)
            expected = LZ4F_decompress(context, target, &produced, source + inputOffset, &consumed, nil)
            if LZ4F_isError(expected) != 0 {
                throw LZ4FrameError("\(String(cString: LZ4F_getErrorName(expected))) at byte \(inputOffset)")
            }
            inputOffset += consumed
            outputOffset += produced
            if consumed == 0 && produced == 0 {
                throw LZ4FrameError("the frames hold more than the expected \(output.count) bytes")
            }
        }
        guard expected == 0 else {
            throw LZ4FrameError(
                outputOffset == output.count
                    ? "the frames hold more than the expected \(output.count) bytes" : "the input ends inside a frame")
        }
        guard outputOffset == output.count else {
            throw LZ4FrameError("the frames decode to \(outputOffset) bytes, expected \(output.count)")
        }
    }
}
