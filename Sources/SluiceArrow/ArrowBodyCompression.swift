import CZstd
import SluiceCompression
import SluiceCore

/// A record batch body compressed buffer by buffer (Message.fbs `BodyCompression`): each buffer is
/// its uncompressed length as a little-endian Int64, then the compressed bytes (an LZ4 frame or a
/// ZSTD frame), or the bytes as they are when that length is -1.
struct ArrowBodyCompression {
    /// CompressionType.
    private enum Codec: Int8 {
        case lz4Frame = 0
        case zstd = 1
    }

    private let codec: Codec

    init(_ table: FlatBufferTable) throws(ArrowIPCError) {
        let code = try table.scalar(0, default: Int8(0))
        // BodyCompressionMethod: BUFFER = 0 is the only one Arrow defines.
        guard try table.scalar(1, default: Int8(0)) == 0 else {
            throw ArrowIPCError("an unknown body compression method")
        }
        guard let codec = Codec(rawValue: code) else {
            throw ArrowIPCError(
                "a body compressed with codec \(code); Sluice reads LZ4_FRAME, ZSTD or uncompressed Arrow")
        }
        self.codec = codec
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
        var output = MutableBuffer(zeroedByteCount: Int(length))
        let problem = compressed.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { output in
                switch codec {
                case .lz4Frame: Self.lz4Frame(input, into: output)
                case .zstd: Self.zstd(input, into: output)
                }
            }
        }
        if let problem { throw ArrowIPCError(problem) }
        return output.freeze()
    }

    /// Why the LZ4 frame did not decode to exactly `output`, or nil.
    private static func lz4Frame(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        -> String?
    {
        do {
            try LZ4FrameDecompressor.decompress(input, into: output)
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
