import NIOCore
import NIOPosix
import NIOSSL
import SluiceCQL
import Synchronization

/// An in-memory CQL v4 server for tests: one or more nodes on loopback addresses sharing one copy
/// of the data. A test double, not a database: see `docs/CQL_TEST_SERVER.md` for what it leaves out.
public final class CQLTestServer: Sendable {
    /// A PasswordAuthenticator login: the driver's type, as the server checks what clients send.
    public typealias Credentials = CQLConnectionStateMachine.Credentials

    public struct Configuration: Sendable {
        /// The port every node listens on; 0 picks a free one.
        public var port: Int
        /// Nodes at 127.0.0.1, 127.0.0.2, …: drivers tell nodes apart by address, as in a real
        /// cluster, so they share the port.
        public var nodeCount: Int
        /// Nodes are dealt in turn to this many data centers.
        public var dataCenterCount: Int
        public var credentials: Credentials?
        public var clusterName: String
        /// Serve TLS only, with this server context.
        public var tls: NIOSSLContext?

        public init(
            port: Int = 0, nodeCount: Int = 1, dataCenterCount: Int = 1, credentials: Credentials? = nil,
            clusterName: String = "Test Cluster", tls: NIOSSLContext? = nil
        ) {
            self.dataCenterCount = dataCenterCount
            self.tls = tls
            self.port = port
            self.nodeCount = nodeCount
            self.credentials = credentials
            self.clusterName = clusterName
        }
    }

    public let port: Int
    public let nodes: [TestNode]
    private let state: TestClusterState
    private let channels: Mutex<[String: any Channel]>

    private init(port: Int, nodes: [TestNode], state: TestClusterState, channels: [String: any Channel]) {
        self.port = port
        self.nodes = nodes
        self.state = state
        self.channels = Mutex(channels)
    }

    /// Starts every node and returns once all are listening.
    public static func start(
        _ configuration: Configuration = Configuration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> CQLTestServer {
        let nodes = TestNode.loopbackCluster(
            count: max(configuration.nodeCount, 1), dataCenters: configuration.dataCenterCount)
        let state = TestClusterState(credentials: configuration.credentials, clusterName: configuration.clusterName)
        var channels: [String: any Channel] = [:]
        var port = configuration.port
        do {
            for node in nodes {
                let channel = try await bind(
                    node, peers: nodes.filter { $0 != node }, port: port, state: state, tls: configuration.tls,
                    group: eventLoopGroup)
                channels[node.address] = channel
                port = channel.localAddress?.port ?? port
            }
        } catch {
            for channel in channels.values { try? await channel.close() }
            throw error
        }
        return CQLTestServer(port: port, nodes: nodes, state: state, channels: channels)
    }

    private static func bind(
        _ node: TestNode, peers: [TestNode], port: Int, state: TestClusterState, tls: NIOSSLContext?,
        group: any EventLoopGroup
    ) async throws -> any Channel {
        let systemTables = NodeSystemTables(node: node, peers: peers, clusterName: state.clusterName)
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                state.accepted(channel, node: node.address)
                return channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(CQLFrameDecoder()),
                        ServerConnectionHandler(cluster: state, systemTables: systemTables),
                    ])
                }
            }
            .bind(host: node.address, port: port).get()
    }

    /// Stops one node: it refuses new connections and drops the ones it has.
    public func stopNode(_ address: String) async {
        let channel = channels.withLock { $0.removeValue(forKey: address) }
        try? await channel?.close()
        for connection in state.removeConnections(node: address) { try? await connection.close() }
    }

    /// Stops every node.
    public func stop() async {
        let all = channels.withLock { channels in
            defer { channels = [:] }
            return Array(channels.values)
        }
        for channel in all { try? await channel.close() }
        for node in nodes {
            for connection in state.removeConnections(node: node.address) { try? await connection.close() }
        }
    }

    /// How many prepared statements with a partition key a node coordinated, split by whether it
    /// owns the partition (the first token at or after the partition's is its): a token-aware
    /// client sends (nearly) all to the owner.
    public struct Routing: Sendable, Hashable {
        public var owned = 0
        public var other = 0
    }

    /// The routing counts of every node that coordinated a keyed statement, by address.
    public var routing: [String: Routing] { state.routingCounts }

    /// Runs the next QUERY or EXECUTE whose CQL text `matches` but never answers it, as when a
    /// response is lost: the client times out without knowing whether the statement applied. The
    /// first `afterAnswering` matching statements are answered as usual.
    @discardableResult
    public func dropResponse(
        afterAnswering answered: Int = 0, toNextStatementWhere matches: @escaping @Sendable (String) -> Bool
    ) -> ResponseDrop {
        state.dropResponses(afterAnswering: answered, count: 1, where: matches)
    }

    /// Like `dropResponse`, but leaves every matching statement unanswered until `stop()`: a
    /// client writing to a matching table stalls there, whatever its timeouts and retries.
    public func dropResponses(
        afterAnswering answered: Int = 0, where matches: @escaping @Sendable (String) -> Bool
    ) -> ResponseDrop {
        state.dropResponses(afterAnswering: answered, count: .max, where: matches)
    }

    /// Answers a test asked to drop: whether one has been, and a way to stop dropping.
    public final class ResponseDrop: Sendable {
        private let dropped = Atomic(false)
        private let stopped = Atomic(false)

        public var isDone: Bool { dropped.load(ordering: .acquiring) }

        /// Answers matching statements from now on.
        public func stop() { stopped.store(true, ordering: .releasing) }

        var isStopped: Bool { stopped.load(ordering: .acquiring) }

        func markDropped() { dropped.store(true, ordering: .releasing) }
    }

    /// Forgets every prepared statement: the next EXECUTE of each gets Unprepared.
    public func forgetPreparedStatements() {
        state.forgetPreparedStatements()
    }
}
