import NIOCore

/// One frame: its header and body (still compressed when the header's flag says so).
public struct CQLFrame: Sendable {
    public var header: CQLFrameHeader
    public var body: ByteBuffer

    public init(header: CQLFrameHeader, body: ByteBuffer) {
        self.header = header
        self.body = body
    }
}

/// Cuts the byte stream into frames; waits until a whole frame has arrived.
public struct CQLFrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = CQLFrame

    public init() {}

    public mutating func decode(buffer: inout ByteBuffer) throws -> CQLFrame? {
        var peek = buffer
        guard let header = try CQLFrameHeader.read(from: &peek), peek.readableBytes >= header.bodyLength,
            let body = peek.readSlice(length: header.bodyLength)
        else { return nil }
        buffer = peek
        return CQLFrame(header: header, body: body)
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> CQLFrame? {
        try decode(buffer: &buffer)
    }
}

extension CQLFrameHeader {
    /// Writes a v4 frame: the header, then the body `writeBody` writes. A plain body is written in
    /// place and its length filled in after; a compressed one (the flag set) goes through LZ4.
    static func writeFrame(
        isResponse: Bool, stream: Int16, opcode: CQLOpcode, compressed: Bool, to buffer: inout ByteBuffer,
        _ writeBody: (inout ByteBuffer) -> Void
    ) {
        guard compressed else {
            CQLFrameHeader(isResponse: isResponse, stream: stream, opcode: opcode, bodyLength: 0).write(to: &buffer)
            let bodyStart = buffer.writerIndex
            writeBody(&buffer)
            buffer.setInteger(Int32(buffer.writerIndex - bodyStart), at: bodyStart - 4)
            return
        }
        var body = ByteBuffer()
        writeBody(&body)
        var lz4 = CQLLZ4.compress(body)
        CQLFrameHeader(
            isResponse: isResponse, flags: .compression, stream: stream, opcode: opcode, bodyLength: lz4.readableBytes
        ).write(to: &buffer)
        buffer.writeBuffer(&lz4)
    }
}

extension CQLRequest {
    /// Writes the request as a v4 frame on `stream`, its body LZ4-compressed when `compressed`.
    public func writeFrame(stream: Int16, compressed: Bool = false, to buffer: inout ByteBuffer) {
        CQLFrameHeader.writeFrame(
            isResponse: false, stream: stream, opcode: opcode, compressed: compressed, to: &buffer, writeBody)
    }
}

extension CQLResponse {
    /// Writes the response as a v4 frame on `stream` (what a server sends), its body
    /// LZ4-compressed when `compressed`.
    public func writeFrame(stream: Int16, compressed: Bool = false, to buffer: inout ByteBuffer) {
        CQLFrameHeader.writeFrame(
            isResponse: true, stream: stream, opcode: opcode, compressed: compressed, to: &buffer, writeBody)
    }
}

extension CQLFrame {
    /// The body to decode: decompressed when the frame's flag says LZ4 (which the connection
    /// must have negotiated).
    public func plainBody(compressionNegotiated: Bool) throws(CQLProtocolError) -> ByteBuffer {
        guard header.flags.contains(.compression) else { return body }
        guard compressionNegotiated else {
            throw .malformed("a compressed frame on a connection without compression")
        }
        return try CQLLZ4.decompress(body)
    }
}
