import CZstd
import SluiceCore

/// A record batch body compressed buffer by buffer (Message.fbs `BodyCompression`): each buffer is
/// its uncompressed length as a little-endian Int64, then the compressed bytes, or the bytes as they
/// are when that length is -1.
struct ArrowBodyCompression {
    /// CompressionType: LZ4_FRAME = 0, ZSTD = 1.
    private let codec: Int8

    init(_ table: FlatBufferTable) throws(ArrowIPCError) {
        codec = try table.scalar(0, default: Int8(0))
        // BodyCompressionMethod: BUFFER = 0 is the only one Arrow defines.
        guard try table.scalar(1, default: Int8(0)) == 0 else {
            throw ArrowIPCError("an unknown body compression method")
        }
        guard codec == 1 else {
            throw ArrowIPCError(
                "a body compressed with \(codec == 0 ? "LZ4_FRAME" : "codec \(codec)"); Sluice reads ZSTD or uncompressed Arrow"
            )
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
        var output = MutableBuffer(zeroedByteCount: Int(length))
        let result = compressed.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { ZSTD_decompress($0.baseAddress, $0.count, input.baseAddress, input.count) }
        }
        guard ZSTD_isError(result) == 0, result == Int(length) else {
            let reason = ZSTD_isError(result) != 0 ? String(cString: ZSTD_getErrorName(result)) : "\(result) bytes"
            throw ArrowIPCError("zstd gave \(reason), expected \(length) bytes")
        }
        return output.freeze()
    }
}
