import NIOCore
import SluiceCQL

/// Translates between frames and a `ServerSession`: decodes requests, writes responses on the
/// request's stream, flushes once per read burst.
final class ServerConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = CQLFrame
    typealias OutboundOut = ByteBuffer

    private var session: ServerSession
    private let cluster: TestClusterState
    private var unflushed = 0
    /// Flushing every so many responses, not only at the end of a read, lets the client work on
    /// the first answers while the server works on the rest.
    static let flushEvery = 64

    init(cluster: TestClusterState, systemTables: NodeSystemTables) {
        self.cluster = cluster
        session = ServerSession(cluster: cluster, systemTables: systemTables)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
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
            var body = try frame.plainBody(compressionNegotiated: session.compression)
            _ = try CQLFrameBody.stripPrefixes(of: &body, flags: header.flags)
            let request = try CQLRequest.read(opcode: header.opcode, body: &body)
            var registered = false
            response = session.respond(to: request, registered: &registered)
            if registered { cluster.register(context.channel) }
            // The statement ran; a test asked for its answer to be lost on the way back.
            if let text = session.statementText(of: request), cluster.takeDroppedResponse(for: text) { return }
        } catch {
            response = .error(CQLServerError(code: CQLServerError.Code.protocolError, message: "\(error)"))
        }
        write(response, stream: header.stream, context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if unflushed > 0 {
            unflushed = 0
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func write(_ response: CQLResponse, stream: Int16, context: ChannelHandlerContext) {
        var bytes = context.channel.allocator.buffer(capacity: 64)
        response.writeFrame(stream: stream, compressed: session.compressesResponses, to: &bytes)
        context.write(wrapOutboundOut(bytes), promise: nil)
        unflushed += 1
        if unflushed >= Self.flushEvery {
            unflushed = 0
            context.flush()
        }
    }
}
