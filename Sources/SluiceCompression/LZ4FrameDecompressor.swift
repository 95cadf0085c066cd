import CLZ4

/// Decompresses the LZ4 frame format (lz4 `lz4_Frame_format.md`) with liblz4's own frame API:
/// what Arrow IPC bodies compressed with LZ4_FRAME hold, and what some parquet writers put in
/// pages of the legacy LZ4 codec.
///
/// Concatenated and skippable frames are accepted. liblz4 verifies the header, block and content
/// checksums a frame carries, and never writes past the output it is given.
///
/// A decompressor keeps liblz4's context, and the buffers liblz4 sizes to a frame's blocks, from
/// one call to the next (an Arrow batch compresses each of its buffers as a frame of its own). Use
/// one from one thread at a time.
public final class LZ4FrameDecompressor {
    private static let frameMagic: UInt32 = 0x184D_2204

    private let context: OpaquePointer

    /// - Throws: `LZ4FrameError` when liblz4 cannot allocate a context.
    public init() throws(LZ4FrameError) {
        var context: OpaquePointer?
        let created = LZ4F_createDecompressionContext(&context, UInt32(LZ4F_VERSION))
        guard LZ4F_isError(created) == 0, let context else {
            throw LZ4FrameError("cannot create a decompression context")
        }
        self.context = context
    }

    deinit {
        LZ4F_freeDecompressionContext(context)
    }

    /// Whether `input` starts with the LZ4 frame magic number.
    public static func isFrame(_ input: UnsafeRawBufferPointer) -> Bool {
        guard input.count >= 4 else { return false }
        return UInt32(littleEndian: input.loadUnaligned(as: UInt32.self)) == frameMagic
    }

    /// Decompresses every frame in `input` into exactly `output`.
    ///
    /// - Throws: `LZ4FrameError` when the input is not whole LZ4 frames, or decodes to a length
    ///   other than `output.count`.
    public func decompress(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(LZ4FrameError) {
        do {
            try decompressFrames(input, into: output)
        } catch {
            // A context left inside a frame would read the next input as its continuation.
            LZ4F_resetDecompressionContext(context)
            throw error
        }
    }

    private func decompressFrames(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(LZ4FrameError) {
        guard let source = input.baseAddress, !input.isEmpty else {
            guard output.isEmpty else { throw LZ4FrameError("no input for \(output.count) bytes") }
            return
        }
        // The output stays put during the call, so liblz4 may copy linked blocks' history from it.
        var options = LZ4F_decompressOptions_t(stableDst: 1, skipChecksums: 0, reserved1: 0, reserved0: 0)
        var inputOffset = 0
        var outputOffset = 0
        // What liblz4 still expects of the current frame: 0 once a frame has ended.
        var expected = 1
        while inputOffset < input.count {
            var consumed = input.count - inputOffset
            var produced = output.count - outputOffset
            // An empty output has no address; liblz4 writes nothing into 0 bytes.
            let target = output.baseAddress.map { $0 + outputOffset } ?? UnsafeMutableRawPointer(mutating: source)
            expected = LZ4F_decompress(context, target, &produced, source + inputOffset, &consumed, &options)
            if LZ4F_isError(expected) != 0 {
                let reason = String(cString: LZ4F_getErrorName(expected))
                throw LZ4FrameError("\(reason), in the frame data from byte \(inputOffset) of \(input.count)")
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
