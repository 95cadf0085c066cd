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

extension CQLRequest {
    /// Writes the request as a v4 frame on `stream`: the header, then the body written in place,
    /// with the length filled in after.
    public func writeFrame(stream: Int16, to buffer: inout ByteBuffer) {
        let start = buffer.writerIndex
        CQLFrameHeader(stream: stream, opcode: opcode, bodyLength: 0).write(to: &buffer)
        writeBody(to: &buffer)
        let length = buffer.writerIndex - start - CQLFrameHeader.size(version: CQLFrameHeader.version)
        buffer.setInteger(Int32(length), at: buffer.writerIndex - length - 4)
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
