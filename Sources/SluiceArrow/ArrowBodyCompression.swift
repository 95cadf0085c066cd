import CZstd
import SluiceCompression
import SluiceCore

/// A record batch body compressed buffer by buffer (Message.fbs `BodyCompression`): each buffer is
/// its uncompressed length as a little-endian Int64, then the compressed bytes (an LZ4 frame or a
/// ZSTD frame), or the bytes as they are when that length is -1.
struct ArrowBodyCompression {
    /// The codec, with what it keeps from buffer to buffer: LZ4_FRAME's context.
    private enum Codec {
        case lz4Frame(LZ4FrameDecompressor)
        case zstd
    }

    private let codec: Codec

    init(_ table: FlatBufferTable) throws(ArrowIPCError) {
        // CompressionType: LZ4_FRAME = 0, ZSTD = 1.
        let code = try table.scalar(0, default: Int8(0))
        // BodyCompressionMethod: BUFFER = 0 is the only one Arrow defines.
        guard try table.scalar(1, default: Int8(0)) == 0 else {
            throw ArrowIPCError("an unknown body compression method")
        }
        switch code {
        case 0:
            do {
                codec = .lz4Frame(try LZ4FrameDecompressor())
            } catch {
                throw ArrowIPCError("lz4: \(error)")
            }
        case 1:
            codec = .zstd
        default:
            throw ArrowIPCError(
                "a body compressed with codec \(code); Sluice reads LZ4_FRAME, ZSTD or uncompressed Arrow")
        }
    }

    func decompress(_ buffer: Buffer) throws(ArrowIPCError) -> Buffer {
        guard buffer.byteCount >= 8 else {
            throw ArrowIPCError("a compressed buffer of \(buffer.byteCount) bytes has no length prefix")
        }
        let length = buffer.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(as: Int64.self)) }
        let compressed = buffer.slice(byteOffset: 8, byteCount: buffer.byteCount - 8)
        if length == -1 { return compressed }
        guard length >= 0, length <= Int64(Int32.max) * 16 else {
            throw ArrowIPCError("bad uncompressed length \(length)")
        }
        if let problem = compressed.withUnsafeBytes({ implausible(Int(length), from: $0) }) {
            throw ArrowIPCError(problem)
        }
        var output = MutableBuffer(zeroedByteCount: Int(length))
        let problem = compressed.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { output in
                switch codec {
                case .lz4Frame(let decompressor): Self.lz4Frame(decompressor, input, into: output)
                case .zstd: Self.zstd(input, into: output)
                }
            }
        }
        if let problem { throw ArrowIPCError(problem) }
        return output.freeze()
    }

    /// Why `length` cannot be what `input` decompresses to, or nil: checked before the output is
    /// allocated, so that a damaged length prefix fails instead of allocating gigabytes. An LZ4
    /// block expands at most 255 times; a ZSTD frame may state its content size.
    private func implausible(_ length: Int, from input: UnsafeRawBufferPointer) -> String? {
        switch codec {
        case .lz4Frame:
            guard length > 256 * input.count else { return nil }
            return
                "the buffer's length prefix says \(length) bytes, more than its \(input.count)-byte LZ4 frame can hold"
        case .zstd:
            let size = ZSTD_getFrameContentSize(input.baseAddress, input.count)
            // UInt64.max and UInt64.max - 1: ZSTD_CONTENTSIZE_UNKNOWN and ZSTD_CONTENTSIZE_ERROR.
            guard size < UInt64.max - 1, size != UInt64(length) else { return nil }
            return "the buffer's length prefix says \(length) bytes, its ZSTD frame holds \(size)"
        }
    }

    /// Why the LZ4 frame did not decode to exactly `output`, or nil.
    private static func lz4Frame(
        _ decompressor: LZ4FrameDecompressor, _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) -> String? {
        do {
            try decompressor.decompress(input, into: output)
            return nil
        } catch {
            return "lz4: \(error)"
        }
    }

    /// Why the ZSTD frame did not decode to exactly `output`, or nil.
    private static func zstd(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> String? {
        let result = ZSTD_decompress(output.baseAddress, output.count, input.baseAddress, input.count)
        guard ZSTD_isError(result) != 0 || result != output.count else { return nil }
        let reason = ZSTD_isError(result) != 0 ? String(cString: ZSTD_getErrorName(result)) : "\(result) bytes"
        return "zstd gave \(reason), expected \(output.count) bytes"
    }
}
