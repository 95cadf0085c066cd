import CQLTestServer
import NIOCore
import NIOPosix
import SluiceCQL
import Testing

/// `CQLConnection` over loopback against a scripted server that speaks the same frames: the
/// handshake with and without a login, many requests in flight answered out of order, errors,
/// events, and a server that does not speak v4. The limit is wide because every suite starts at
/// once: on 2 cores these tests wait minutes for a thread behind CPU-bound ones, and CI once took
/// 200 s to finish them.
@Suite(.timeLimit(.minutes(10)))
struct ConnectionTests {
    @Test func handshakeThenQueriesAnsweredOutOfOrder() async throws {
        let server = try await ScriptedServer.start()
        defer { server.stop() }
        let connection = try await CQLConnection.connect(host: "127.0.0.1", port: server.port)
        #expect(connection.supported["CQL_VERSION"] == ["3.4.7"])
        try await withThrowingTaskGroup(of: (Int, CQLResult).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let result = try await connection.result(
                        of: .query("SELECT \(index)", CQLQueryParameters(consistency: .localQuorum)))
                    return (index, result)
                }
            }
            for try await (index, result) in group {
                guard case .rows(_, let rows) = result, let cell = rows.first?.first ?? nil else {
                    Issue.record("query \(index) got \(result)")
                    continue
                }
                #expect(try CQLValue.decode(.text, from: cell) == .text("SELECT \(index)"))
            }
        }
        // The server's ERROR comes back as a thrown CQLServerError.
        await #expect(throws: CQLServerError.self) {
            try await connection.result(of: .query("BAD", CQLQueryParameters(consistency: .one)))
        }
        try await connection.close()
        await #expect(throws: (any Error).self) {
            try await connection.send(.query("SELECT 1", CQLQueryParameters(consistency: .one)))
        }
    }

    @Test func loginWithPasswordAuthenticator() async throws {
        let server = try await ScriptedServer.start(password: "secret")
        defer { server.stop() }
        await #expect(throws: CQLConnectionError.authenticationRequired(authenticator: ScriptedServer.authenticator)) {
            _ = try await CQLConnection.connect(host: "127.0.0.1", port: server.port)
        }
        let wrong = CQLConnection.Configuration(credentials: .init(username: "sluice", password: "nope"))
        await #expect(throws: CQLConnectionError.self) {
            _ = try await CQLConnection.connect(host: "127.0.0.1", port: server.port, configuration: wrong)
        }
        let right = CQLConnection.Configuration(credentials: .init(username: "sluice", password: "secret"))
        let connection = try await CQLConnection.connect(host: "127.0.0.1", port: server.port, configuration: right)
        #expect(try await connection.result(of: .query("SELECT 1", CQLQueryParameters(consistency: .one))) != .void)
        try await connection.close()
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let server = try await ScriptedServer.start(silent: true)
        defer { server.stop() }
        // Long enough that a busy machine still completes the TCP connect; the handshake then times out.
        let configuration = CQLConnection.Configuration(connectTimeout: .seconds(2))
        await #expect(throws: CQLConnectionError.handshakeTimedOut) {
            _ = try await CQLConnection.connect(host: "127.0.0.1", port: server.port, configuration: configuration)
        }
    }

    @Test func aServerThatStopsAnsweringFailsTheHeartbeatAndClosesTheConnection() async throws {
        let server = try await ScriptedServer.start(muteAfterHandshake: true)
        defer { server.stop() }
        let configuration = CQLConnection.Configuration(heartbeatInterval: .milliseconds(100))
        let connection = try await CQLConnection.connect(
            host: "127.0.0.1", port: server.port, configuration: configuration)
        // The query is never answered; the heartbeat after 100 ms idle is not either, so the
        // connection closes and the query fails with the reason instead of waiting forever. (On a
        // busy machine the heartbeat may close the connection before the query is written: the
        // query then fails with the same reason.)
        await #expect(throws: CQLConnectionError.heartbeatTimedOut(.milliseconds(100))) {
            _ = try await connection.send(.query("SELECT 1", CQLQueryParameters(consistency: .one)))
        }
        try await connection.closeFuture.get()
        #expect(!connection.isActive)
    }

    @Test func anIdleCompressedConnectionStaysUpOnAnsweredHeartbeats() async throws {
        let server = try await CQLTestServer.start()
        // Compressed too: the heartbeats and the query after them go through LZ4 both ways.
        // A long timeout: busy test machines may answer late, and the point is that answered
        // heartbeats keep an idle connection open.
        let configuration = CQLConnection.Configuration(
            heartbeatInterval: .milliseconds(50), heartbeatTimeout: .seconds(30), compression: true)
        let connection = try await CQLConnection.connect(
            host: "127.0.0.1", port: server.port, configuration: configuration)
        #expect(connection.isCompressed)
        try await Task.sleep(for: .milliseconds(500))
        #expect(connection.isActive)
        let local = try await connection.result(of: .query("SELECT key FROM system.local", .init(consistency: .one)))
        guard case .rows(_, let rows) = local else {
            Issue.record("no rows: \(local)")
            return
        }
        #expect(rows.count == 1)
        try await connection.close()
        await server.stop()
    }

    @Test func anOldServerIsReported() async throws {
        let server = try await ScriptedServer.start(replyVersion: 2)
        defer { server.stop() }
        do {
            _ = try await CQLConnection.connect(host: "127.0.0.1", port: server.port)
            Issue.record("connected to a v2 server")
        } catch let error as CQLConnectionError {
            #expect("\(error)".contains("protocol v2 only"))
        }
    }
}

/// A loopback server answering the handshake and echoing each QUERY's text as one row, answering
/// in reverse order of arrival within each burst; "BAD" gets a syntax error.
final class ScriptedServer: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = CQLFrame
    typealias OutboundOut = ByteBuffer

    static let authenticator = "org.apache.cassandra.auth.PasswordAuthenticator"

    let password: String?
    let replyVersion: UInt8
    /// Accept connections, answer nothing.
    let silent: Bool
    /// Answer the handshake, then nothing.
    let muteAfterHandshake: Bool
    private var ready = false
    private var channel: (any Channel)?
    private var pending: [(Int16, CQLResponse)] = []

    var port: Int { channel?.localAddress?.port ?? 0 }

    init(password: String?, replyVersion: UInt8, silent: Bool, muteAfterHandshake: Bool) {
        self.password = password
        self.replyVersion = replyVersion
        self.silent = silent
        self.muteAfterHandshake = muteAfterHandshake
    }

    static func start(
        password: String? = nil, replyVersion: UInt8 = 4, silent: Bool = false, muteAfterHandshake: Bool = false
    ) async throws -> ScriptedServer {
        let server = ScriptedServer(
            password: password, replyVersion: replyVersion, silent: silent, muteAfterHandshake: muteAfterHandshake)
        server.channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = ScriptedServer(
                        password: password, replyVersion: replyVersion, silent: silent,
                        muteAfterHandshake: muteAfterHandshake)
                    try channel.pipeline.syncOperations.addHandlers([ByteToMessageHandler(CQLFrameDecoder()), handler])
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return server
    }

    func stop() {
        channel?.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var frame = unwrapInboundIn(data)
        if silent || muteAfterHandshake && ready { return }
        guard let request = try? CQLRequest.read(opcode: frame.header.opcode, body: &frame.body) else {
            context.close(promise: nil)
            return
        }
        let stream = frame.header.stream
        let response: CQLResponse
        switch request {
        case .options:
            if replyVersion != 4 {
                var out = ByteBuffer()
                let error = CQLResponse.error(
                    CQLServerError(
                        code: CQLServerError.Code.protocolError, message: "Invalid or unsupported protocol version (4)")
                )
                var body = ByteBuffer()
                error.writeBody(to: &body)
                out.writeBytes([0x80 | replyVersion, 0, UInt8(truncatingIfNeeded: stream), 0x00])
                out.writeInteger(Int32(body.readableBytes))
                out.writeBuffer(&body)
                context.writeAndFlush(wrapOutboundOut(out), promise: nil)
                return
            }
            response = .supported(["CQL_VERSION": ["3.4.7"], "COMPRESSION": ["lz4"]])
        case .startup:
            response = password == nil ? .ready : .authenticate(Self.authenticator)
            ready = password == nil
        case .authResponse(let token):
            let expected = [0] + Array("sluice".utf8) + [0] + Array((password ?? "").utf8)
            response =
                token == expected
                ? .authSuccess(nil)
                : .error(CQLServerError(code: CQLServerError.Code.badCredentials, message: "bad password"))
        case .query("BAD", _):
            response = .error(CQLServerError(code: CQLServerError.Code.syntaxError, message: "no viable alternative"))
        case .query(let text, _):
            let column = CQLColumnSpec(keyspace: "ks", table: "t", name: "text", type: .text)
            response = .result(.rows(CQLRowsMetadata(columns: [column]), [[ByteBuffer(bytes: Array(text.utf8))]]))
        default:
            response = .error(CQLServerError(code: CQLServerError.Code.invalid, message: "not scripted"))
        }
        pending.append((stream, response))
    }

    /// Answers what arrived in this read burst, last first, so responses overtake each other.
    func channelReadComplete(context: ChannelHandlerContext) {
        for (stream, response) in pending.reversed() {
            var out = ByteBuffer()
            response.writeFrame(stream: stream, to: &out)
            context.write(wrapOutboundOut(out), promise: nil)
        }
        pending = []
        context.flush()
    }
}
