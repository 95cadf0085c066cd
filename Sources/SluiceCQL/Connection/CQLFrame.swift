import NIOCore

/// One frame: its header and body (still compressed when the header's flag says so).
public struct CQLFrame: Sendable {
    public var header: CQLFrameHeader
    public var body: ByteBuffer

    public init(header: CQLFrameHeader, body: ByteBuffer) {
        self.header = header
        self.body = body
    }

    /// A v4 request frame for `request` on `stream`.
    public init(request: CQLRequest, stream: Int16) {
        var body = ByteBuffer()
        request.writeBody(to: &body)
        header = CQLFrameHeader(stream: stream, opcode: request.opcode, bodyLength: body.readableBytes)
        self.body = body
    }

    /// A v4 response frame for `response` on `stream` (what a server writes).
    public init(response: CQLResponse, stream: Int16) {
        var body = ByteBuffer()
        response.writeBody(to: &body)
        header = CQLFrameHeader(
            isResponse: true, stream: stream, opcode: response.opcode, bodyLength: body.readableBytes)
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
    /// Writes a v4 frame: the header, then the body `writeBody` writes in place, with the length
    /// filled in after (no intermediate buffer).
    static func writeFrame(
        isResponse: Bool, stream: Int16, opcode: CQLOpcode, to buffer: inout ByteBuffer,
        _ writeBody: (inout ByteBuffer) -> Void
    ) {
        CQLFrameHeader(isResponse: isResponse, stream: stream, opcode: opcode, bodyLength: 0).write(to: &buffer)
        let bodyStart = buffer.writerIndex
        writeBody(&buffer)
        buffer.setInteger(Int32(buffer.writerIndex - bodyStart), at: bodyStart - 4)
    }
}

extension CQLFrameHeader {
    /// Writes a frame whose body is LZ4-compressed (the compression flag set).
    static func writeCompressedFrame(
        isResponse: Bool, stream: Int16, opcode: CQLOpcode, to buffer: inout ByteBuffer,
        _ writeBody: (inout ByteBuffer) -> Void
    ) {
        var body = ByteBuffer()
        writeBody(&body)
        var compressed = CQLLZ4.compress(body)
        CQLFrameHeader(
            isResponse: isResponse, flags: .compression, stream: stream, opcode: opcode,
            bodyLength: compressed.readableBytes
        ).write(to: &buffer)
        buffer.writeBuffer(&compressed)
    }
}

extension CQLRequest {
    /// Writes the request as a v4 frame on `stream`, its body LZ4-compressed when `compressed`.
    public func writeFrame(stream: Int16, compressed: Bool = false, to buffer: inout ByteBuffer) {
        if compressed {
            CQLFrameHeader.writeCompressedFrame(isResponse: false, stream: stream, opcode: opcode, to: &buffer) {
                writeBody(to: &$0)
            }
        } else {
            CQLFrameHeader.writeFrame(isResponse: false, stream: stream, opcode: opcode, to: &buffer) {
                writeBody(to: &$0)
            }
        }
    }
}

extension CQLResponse {
    /// Writes the response as a v4 frame on `stream` (what a server sends), its body
    /// LZ4-compressed when `compressed`.
    public func writeFrame(stream: Int16, compressed: Bool = false, to buffer: inout ByteBuffer) {
        if compressed {
            CQLFrameHeader.writeCompressedFrame(isResponse: true, stream: stream, opcode: opcode, to: &buffer) {
                writeBody(to: &$0)
            }
        } else {
            CQLFrameHeader.writeFrame(isResponse: true, stream: stream, opcode: opcode, to: &buffer) {
                writeBody(to: &$0)
            }
        }
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

/// Writes frames: header, then body.
public struct CQLFrameEncoder: MessageToByteEncoder {
    public typealias OutboundIn = CQLFrame

    public init() {}

    public func encode(data: CQLFrame, out: inout ByteBuffer) {
        var header = data.header
        header.bodyLength = data.body.readableBytes
        header.write(to: &out)
        var body = data.body
        out.writeBuffer(&body)
    }
}
