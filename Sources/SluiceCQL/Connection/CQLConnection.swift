import NIOCore
import NIOPosix
import NIOSSL

/// One connection to one node: a NIO channel with up to 32,768 requests in flight, each on its own
/// stream. Send requests from any task; responses come back in any order.
public final class CQLConnection: Sendable {
    /// What `connect` needs besides the address.
    public struct Configuration: Sendable {
        public var credentials: CQLConnectionStateMachine.Credentials?
        /// Extra STARTUP options (`DRIVER_NAME`, ScyllaDB extensions).
        public var startupOptions: [String: String]
        /// For the TCP connection, and again for the handshake after it.
        public var connectTimeout: TimeAmount
        /// After this long without reading anything, send OPTIONS; nil sends none.
        public var heartbeatInterval: TimeAmount?
        /// Close the connection when a heartbeat is not answered within this (default: the
        /// interval).
        public var heartbeatTimeout: TimeAmount?
        /// LZ4 frame compression when the server offers it: less network, more CPU.
        public var compression: Bool
        /// TLS with this context (build it once and share it: making one reads the trust store).
        public var tls: NIOSSLContext?
        /// The name the server's certificate must carry; nil checks the address connected to.
        public var tlsServerHostname: String?

        public init(
            credentials: CQLConnectionStateMachine.Credentials? = nil, startupOptions: [String: String] = [:],
            connectTimeout: TimeAmount = .seconds(10), heartbeatInterval: TimeAmount? = .seconds(30),
            heartbeatTimeout: TimeAmount? = nil, compression: Bool = false, tls: NIOSSLContext? = nil,
            tlsServerHostname: String? = nil
        ) {
            self.tls = tls
            self.tlsServerHostname = tlsServerHostname
            self.heartbeatTimeout = heartbeatTimeout
            self.compression = compression
            self.credentials = credentials
            self.startupOptions = startupOptions
            self.connectTimeout = connectTimeout
            self.heartbeatInterval = heartbeatInterval
        }
    }

    let channel: any Channel
    /// What the server listed in SUPPORTED (CQL versions, compression, ScyllaDB's sharding keys).
    public let supported: [String: [String]]
    /// Whether frames are LZ4-compressed (asked for and offered).
    public let isCompressed: Bool
    private let closeReason: CQLCloseReason

    private init(channel: any Channel, supported: [String: [String]], isCompressed: Bool, closeReason: CQLCloseReason) {
        self.channel = channel
        self.supported = supported
        self.isCompressed = isCompressed
        self.closeReason = closeReason
    }

    /// Connects and completes the handshake (OPTIONS, STARTUP, login).
    public static func connect(
        host: String, port: Int, configuration: Configuration = Configuration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        onEvent: @escaping @Sendable (CQLEvent) -> Void = { _ in }
    ) async throws -> CQLConnection {
        let eventLoop = eventLoopGroup.next()
        let connected = eventLoop.makePromise(of: [String: [String]].self)
        let closeReason = CQLCloseReason()
        let machine = CQLConnectionStateMachine(
            credentials: configuration.credentials, startupOptions: configuration.startupOptions,
            compression: configuration.compression)
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(configuration.connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls = configuration.tls {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls, serverHostname: configuration.tlsServerHostname))
                    }
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(CQLFrameDecoder()),
                        CQLChannelHandler(
                            machine: machine, connected: connected, closeReason: closeReason,
                            heartbeat: configuration.heartbeatInterval.map {
                                ($0, configuration.heartbeatTimeout ?? $0)
                            },
                            onEvent: onEvent),
                    ])
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch {
            connected.fail(error)
            throw error
        }
        // A server that accepts the connection and never answers (a TLS-only port) fails here.
        let deadline = eventLoop.scheduleTask(in: configuration.connectTimeout) {
            connected.fail(CQLConnectionError.handshakeTimedOut)
        }
        defer { deadline.cancel() }
        do {
            let supported = try await connected.futureResult.get()
            return CQLConnection(
                channel: channel, supported: supported,
                isCompressed: configuration.compression && supported["COMPRESSION"]?.contains("lz4") == true,
                closeReason: closeReason)
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// Sends `request` and waits for its response (an ERROR response is returned, not thrown);
    /// after `timeout` it throws `CQLConnectionError.requestTimedOut`.
    public func send(_ request: CQLRequest, timeout: TimeAmount? = nil) async throws -> CQLResponse {
        try await response(to: request, timeout: timeout).get()
    }

    /// Sends `request`; the future completes with its response.
    public func response(to request: CQLRequest, timeout: TimeAmount? = nil) -> EventLoopFuture<CQLResponse> {
        let promise = channel.eventLoop.makePromise(of: CQLResponse.self)
        // A write that fails (a closed channel) never reaches the handler: fail the request here.
        let written = channel.eventLoop.makePromise(of: Void.self)
        let closeReason = closeReason
        written.futureResult.whenFailure { promise.fail(closeReason.error ?? $0) }
        // No flush: the handler flushes once per event-loop tick for every request written in it.
        channel.write(CQLRequestContext(request: request, promise: promise, timeout: timeout), promise: written)
        return promise.futureResult
    }

    /// Whether the connection can still take requests.
    public var isActive: Bool { channel.isActive }

    /// Completes when the connection closes, for whatever reason.
    public var closeFuture: EventLoopFuture<Void> { channel.closeFuture }

    /// Sends `request` and returns its result; an ERROR response throws `CQLServerError`.
    public func result(of request: CQLRequest, timeout: TimeAmount? = nil) async throws -> CQLResult {
        switch try await send(request, timeout: timeout) {
        case .result(let result): return result
        case .error(let error): throw error
        case let other: throw CQLConnectionError.unexpectedResponse("\(other.opcode) to \(request.opcode)")
        }
    }

    public func close() async throws {
        try await channel.close()
    }
}
