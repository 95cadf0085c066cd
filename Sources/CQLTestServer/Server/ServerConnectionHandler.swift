import NIOCore
import SluiceCQL

/// Translates between frames and a `ServerSession`: decodes requests, writes responses on the
/// request's stream, flushes once per read burst.
final class ServerConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = CQLFrame
    typealias OutboundOut = ByteBuffer

    private var session: ServerSession
    private let cluster: TestClusterState
    private var pendingFlush = false

    init(cluster: TestClusterState, systemTables: NodeSystemTables) {
        self.cluster = cluster
        session = ServerSession(cluster: cluster, systemTables: systemTables)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var frame = unwrapInboundIn(data)
        let header = frame.header
        guard header.version == CQLFrameHeader.version else {
            // Answer in v4 so the client downgrades: drivers read the versions from the message.
            let error = CQLServerError(
                code: CQLServerError.Code.protocolError,
                message:
                    "Invalid or unsupported protocol version (\(header.version)); supported versions are (3/v3, 4/v4)")
            write(.error(error), stream: header.stream, context: context)
            return
        }
        let response: CQLResponse
        do {
            if header.flags.contains(.compression) {
                throw CQLProtocolError.malformed("a compressed frame; the test server does not compress")
            }
            _ = try CQLFrameBody.stripPrefixes(of: &frame.body, flags: header.flags)
            let request = try CQLRequest.read(opcode: header.opcode, body: &frame.body)
            var registered = false
            response = session.respond(to: request, registered: &registered)
            if registered { cluster.register(context.channel) }
        } catch {
            response = .error(CQLServerError(code: CQLServerError.Code.protocolError, message: "\(error)"))
        }
        write(response, stream: header.stream, context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if pendingFlush {
            pendingFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func write(_ response: CQLResponse, stream: Int16, context: ChannelHandlerContext) {
        var bytes = context.channel.allocator.buffer(capacity: 64)
        CQLFrameEncoder().encode(data: CQLFrame(response: response, stream: stream), out: &bytes)
        context.write(wrapOutboundOut(bytes), promise: nil)
        pendingFlush = true
    }
}
