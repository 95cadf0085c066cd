import CLZ4
import NIOCore

/// Frame-body compression with LZ4 (v4 §5): the uncompressed length as a 4-byte big-endian
/// integer, then one LZ4 block.
public enum CQLLZ4 {
    public static func compress(_ body: ByteBuffer) -> ByteBuffer {
        let length = body.readableBytes
        var output = ByteBuffer()
        output.writeInteger(Int32(length))
        let bound = Int(LZ4_compressBound(Int32(length)))
        output.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { destination in
            body.withUnsafeReadableBytes { source in
                Int(
                    LZ4_compress_default(
                        source.baseAddress?.assumingMemoryBound(to: CChar.self),
                        destination.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(length), Int32(bound)))
            }
        }
        return output
    }

    public static func decompress(_ body: ByteBuffer) throws(CQLProtocolError) -> ByteBuffer {
        var input = body
        let length = Int(try input.readCQLInt("uncompressed length"))
        guard length >= 0, length <= CQLFrameHeader.maximumBodyLength else {
            throw .malformed("an LZ4 body claiming \(length) bytes uncompressed")
        }
        var output = ByteBuffer()
        guard length > 0 else { return output }
        var decoded: Int32 = -1
        output.writeWithUnsafeMutableBytes(minimumWritableBytes: length) { destination in
            input.withUnsafeReadableBytes { source in
                decoded = LZ4_decompress_safe(
                    source.baseAddress?.assumingMemoryBound(to: CChar.self),
                    destination.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(source.count), Int32(length))
            }
            return max(Int(decoded), 0)
        }
        guard decoded == Int32(length) else {
            throw .malformed("an LZ4 body that does not decode to its stated \(length) bytes")
        }
        return output
    }
}
