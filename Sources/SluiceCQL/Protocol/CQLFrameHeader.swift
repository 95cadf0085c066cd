import NIOCore

/// The header before every frame's body. Protocol v3 and later use 9 bytes with a 16-bit stream id;
/// v1 and v2 used 8 bytes with an 8-bit one. Sluice speaks v4 (ScyllaDB does not negotiate v5), but
/// reads the older layout too: a server that does not speak v4 may answer in its own version, and
/// that answer has to be understood to say so.
public struct CQLFrameHeader: Sendable, Hashable {
    /// The protocol version this driver speaks.
    public static let version: UInt8 = 4
    /// The largest body the protocol allows (256 MiB).
    public static let maximumBodyLength = 256 * 1024 * 1024

    public var version: UInt8
    public var isResponse: Bool
    public var flags: CQLFrameFlags
    /// The request's stream: responses carry the id of the request they answer; -1 marks an event.
    public var stream: Int16
    public var opcode: UInt8
    public var bodyLength: Int

    public init(
        version: UInt8 = CQLFrameHeader.version, isResponse: Bool = false, flags: CQLFrameFlags = [],
        stream: Int16, opcode: CQLOpcode, bodyLength: Int
    ) {
        self.version = version
        self.isResponse = isResponse
        self.flags = flags
        self.stream = stream
        self.opcode = opcode.rawValue
        self.bodyLength = bodyLength
    }

    /// The header's size for a frame of `version`.
    public static func size(version: UInt8) -> Int { version <= 2 ? 8 : 9 }

    /// Writes a v3+ header.
    public func write(to buffer: inout ByteBuffer) {
        buffer.writeInteger((isResponse ? 0x80 : 0) | version)
        buffer.writeInteger(flags.rawValue)
        buffer.writeInteger(stream)
        buffer.writeInteger(opcode)
        buffer.writeInteger(Int32(bodyLength))
    }

    /// Reads a header in the layout of the version its first byte names; nil when `buffer` does not
    /// hold the whole header yet (nothing is consumed then).
    public static func read(from buffer: inout ByteBuffer) throws(CQLProtocolError) -> CQLFrameHeader? {
        guard let first: UInt8 = buffer.getInteger(at: buffer.readerIndex) else { return nil }
        let version = first & 0x7F
        let size = Self.size(version: version)
        guard buffer.readableBytes >= size, var bytes = buffer.readSlice(length: size) else { return nil }
        bytes.moveReaderIndex(forwardBy: 1)
        let flags = CQLFrameFlags(rawValue: bytes.readInteger(as: UInt8.self) ?? 0)
        let stream: Int16 =
            version <= 2 ? Int16(bytes.readInteger(as: Int8.self) ?? 0) : bytes.readInteger(as: Int16.self) ?? 0
        let opcode = bytes.readInteger(as: UInt8.self) ?? 0
        let length = Int(bytes.readInteger(as: Int32.self) ?? 0)
        guard length >= 0, length <= maximumBodyLength else {
            throw .malformed("a frame body of \(length) bytes (the protocol allows 0 to \(maximumBodyLength))")
        }
        var header = CQLFrameHeader(
            version: version, isResponse: first & 0x80 != 0, flags: flags, stream: stream, opcode: .error,
            bodyLength: length)
        header.opcode = opcode
        return header
    }
}
