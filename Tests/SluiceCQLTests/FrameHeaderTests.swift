import NIOCore
import SluiceCQL
import Testing

@Suite struct FrameHeaderTests {
    @Test func aV4HeaderRoundTrips() throws {
        var buffer = ByteBuffer()
        CQLFrameHeader(flags: [.compression, .tracing], stream: 300, opcode: .query, bodyLength: 77).write(to: &buffer)
        #expect(Array(buffer.readableBytesView) == [0x04, 0x03, 0x01, 0x2C, 0x07, 0, 0, 0, 77])
        buffer.writeBytes([1, 2])
        let header = try #require(try CQLFrameHeader.read(from: &buffer))
        #expect(header.version == 4)
        #expect(!header.isResponse)
        #expect(header.flags == [.compression, .tracing])
        #expect(header.stream == 300)
        #expect(header.opcode == CQLOpcode.query.rawValue)
        #expect(header.bodyLength == 77)
        #expect(buffer.readableBytes == 2)
    }

    @Test func eventsAndResponsesAreMarked() throws {
        var buffer = ByteBuffer(bytes: [0x84, 0x00, 0xFF, 0xFF, 0x0C, 0, 0, 0, 0])
        let header = try #require(try CQLFrameHeader.read(from: &buffer))
        #expect(header.isResponse)
        #expect(header.stream == -1)
        #expect(header.opcode == CQLOpcode.event.rawValue)
    }

    /// Cassandra 1.2 answers a v4 STARTUP in its own v1 layout: an 8-byte header, 1-byte stream.
    @Test func anOldServersReplyIsReadInItsOwnLayout() throws {
        var buffer = ByteBuffer(bytes: [0x81, 0x00, 0x05, 0x00, 0, 0, 0, 6, 0, 0, 0, 0x0A, 0, 0])
        let header = try #require(try CQLFrameHeader.read(from: &buffer))
        #expect(header.version == 1)
        #expect(header.stream == 5)
        #expect(header.opcode == CQLOpcode.error.rawValue)
        #expect(header.bodyLength == 6)
        #expect(buffer.readableBytes == 6)
    }

    @Test func partialHeadersWaitAndBadLengthsFail() throws {
        var partial = ByteBuffer(bytes: [0x84, 0x00, 0x00])
        #expect(try CQLFrameHeader.read(from: &partial) == nil)
        #expect(partial.readableBytes == 3)
        var negative = ByteBuffer(bytes: [0x84, 0x00, 0x00, 0x01, 0x08, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: CQLProtocolError.self) { try CQLFrameHeader.read(from: &negative) }
    }

    @Test func lz4BodiesRoundTripAndDamageIsRefused() throws {
        var body = ByteBuffer()
        for index in 0..<2_000 { body.writeString("row \(index % 10) ") }
        let compressed = CQLLZ4.compress(body)
        #expect(compressed.readableBytes < body.readableBytes / 4)
        #expect(try CQLLZ4.decompress(compressed) == body)
        #expect(try CQLLZ4.decompress(CQLLZ4.compress(ByteBuffer())) == ByteBuffer())
        var wrongLength = compressed
        wrongLength.setInteger(Int32(body.readableBytes + 1), at: wrongLength.readerIndex)
        #expect(throws: CQLProtocolError.self) { _ = try CQLLZ4.decompress(wrongLength) }
        #expect(throws: CQLProtocolError.self) { _ = try CQLLZ4.decompress(ByteBuffer(bytes: [0, 0, 0, 9, 0xFF])) }
        var huge = ByteBuffer()
        huge.writeInteger(Int32.max)
        #expect(throws: CQLProtocolError.self) { _ = try CQLLZ4.decompress(huge) }
    }
}
