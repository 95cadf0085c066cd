import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A client for a cluster: it learns the nodes from `system.local` and `system.peers`, keeps a
/// pool per node, sends each statement to a replica of its partition in the local data center
/// (token-aware), retries where that is safe, and re-prepares statements a node does not know.
/// Share one per cluster per process.
public final class CQLClient: Sendable {
    public struct Configuration: Sendable {
        public var contactPoints: [String]
        public var port: Int
        public var credentials: CQLConnectionStateMachine.Credentials?
        /// Route to nodes of this data center only; nil takes the first contact point's.
        public var localDataCenter: String?
        public var connectionsPerHost: Int
        public var connectTimeout: TimeAmount
        /// `USE` this keyspace on every connection.
        public var keyspace: String?
        public var retryPolicy: CQLRetryPolicy
        /// After a failed connect a node is skipped for this long, doubling up to the limit.
        public var reconnectBackoff: (base: TimeAmount, limit: TimeAmount)
        /// Idle connections send OPTIONS this often and close when it goes unanswered as long.
        public var heartbeatInterval: TimeAmount?
        /// LZ4 frame compression where the nodes offer it.
        public var compression: Bool
        /// TLS to every node (certificates checked against the node's address unless
        /// `tlsServerHostname` names the one they carry).
        public var tls: TLSConfiguration?
        public var tlsServerHostname: String?
        public var eventLoopGroup: any EventLoopGroup

        public init(
            contactPoints: [String], port: Int = 9042, credentials: CQLConnectionStateMachine.Credentials? = nil,
            localDataCenter: String? = nil, connectionsPerHost: Int = 1, connectTimeout: TimeAmount = .seconds(5),
            keyspace: String? = nil, retryPolicy: CQLRetryPolicy = CQLRetryPolicy(),
            reconnectBackoff: (base: TimeAmount, limit: TimeAmount) = (.milliseconds(500), .seconds(30)),
            heartbeatInterval: TimeAmount? = .seconds(30), compression: Bool = false, tls: TLSConfiguration? = nil,
            tlsServerHostname: String? = nil, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
        ) {
            self.tls = tls
            self.tlsServerHostname = tlsServerHostname
            self.compression = compression
            self.heartbeatInterval = heartbeatInterval
            self.contactPoints = contactPoints
            self.port = port
            self.credentials = credentials
            self.localDataCenter = localDataCenter
            self.connectionsPerHost = connectionsPerHost
            self.connectTimeout = connectTimeout
            self.keyspace = keyspace
            self.retryPolicy = retryPolicy
            self.reconnectBackoff = reconnectBackoff
            self.eventLoopGroup = eventLoopGroup
        }
    }

    /// Every node, local data center first.
    public let hosts: [CQLHost]
    public let localDataCenter: String?
    let pools: [CQLHostPool]
    private let ring: CQLTokenRing
    /// How many hosts at the head of `hosts` are in the local data center.
    private let localCount: Int
    let configuration: Configuration
    /// What each connection is opened with (the TLS context made once).
    private let connectionConfiguration: CQLConnection.Configuration
    let control: CQLConnection
    private let rotation = Atomic<Int>(0)

    private init(
        hosts: [CQLHost], localDataCenter: String?, configuration: Configuration,
        connectionConfiguration: CQLConnection.Configuration, control: CQLConnection
    ) {
        let local = hosts.filter { localDataCenter == nil || $0.dataCenter == localDataCenter }
        let remote = hosts.filter { localDataCenter != nil && $0.dataCenter != localDataCenter }
        self.hosts = local + remote
        self.localDataCenter = localDataCenter
        localCount = local.count
        ring = CQLTokenRing(hosts: local)
        self.configuration = configuration
        self.connectionConfiguration = connectionConfiguration
        self.control = control
        pools = (local + remote).map { host in
            CQLHostPool(host: host, size: configuration.connectionsPerHost, backoff: configuration.reconnectBackoff) {
                host in
                try await Self.open(
                    host, configuration: connectionConfiguration, keyspace: configuration.keyspace,
                    eventLoopGroup: configuration.eventLoopGroup)
            }
        }
    }

    /// Connects to the first contact point that answers, reads the topology, and returns a client
    /// whose pools open connections on first use.
    public static func connect(_ configuration: Configuration) async throws -> CQLClient {
        let connectionConfiguration = try Self.connectionConfiguration(configuration)
        var attempts: [(host: CQLHost, error: String)] = []
        for contactPoint in configuration.contactPoints {
            let contact = CQLHost(address: contactPoint, port: configuration.port)
            let events = EventRelay()
            let control: CQLConnection
            do {
                control = try await CQLConnection.connect(
                    host: contact.address, port: contact.port,
                    configuration: connectionConfiguration, eventLoopGroup: configuration.eventLoopGroup,
                    onEvent: { events.deliver($0) })
            } catch {
                attempts.append((contact, "\(error)"))
                continue
            }
            do {
                let hosts = try await CQLTopology.discover(on: control, contact: contact)
                let localDataCenter = configuration.localDataCenter ?? hosts.first?.dataCenter
                let client = CQLClient(
                    hosts: hosts, localDataCenter: localDataCenter, configuration: configuration,
                    connectionConfiguration: connectionConfiguration, control: control)
                events.target(client)
                // REGISTER is answered with READY.
                if case .error(let error) = try await control.send(.register(["STATUS_CHANGE"])) { throw error }
                return client
            } catch {
                try? await control.close()
                attempts.append((contact, "\(error)"))
            }
        }
        throw CQLClientError.noContactPoint(attempts)
    }

    private static func connectionConfiguration(_ configuration: Configuration) throws -> CQLConnection.Configuration {
        CQLConnection.Configuration(
            credentials: configuration.credentials, startupOptions: ["DRIVER_NAME": "SluiceCQL"],
            connectTimeout: configuration.connectTimeout, heartbeatInterval: configuration.heartbeatInterval,
            compression: configuration.compression, tls: try configuration.tls.map(NIOSSLContext.init),
            tlsServerHostname: configuration.tlsServerHostname)
    }

    private static func open(
        _ host: CQLHost, configuration: CQLConnection.Configuration, keyspace: String?,
        eventLoopGroup: any EventLoopGroup
    ) async throws -> CQLConnection {
        let connection = try await CQLConnection.connect(
            host: host.address, port: host.port, configuration: configuration, eventLoopGroup: eventLoopGroup)
        if let keyspace {
            do {
                _ = try await connection.result(
                    of: .query("USE \"\(keyspace)\"", CQLQueryParameters(consistency: .one)),
                    timeout: configuration.connectTimeout)
            } catch {
                try? await connection.close()
                throw error
            }
        }
        return connection
    }

    /// A node's status event: a node back UP is tried again without waiting for its backoff.
    fileprivate func handle(_ event: CQLEvent) {
        guard case .statusChange("UP", let address, _) = event, let text = CQLTopology.address(address) else { return }
        for pool in pools where pool.host.address == text { pool.markUp() }
    }

    // MARK: Statements

    /// Runs a statement given as text; for a SELECT, the first page of rows.
    public func query(_ text: String, _ values: [CQLBoundValue] = [], options: CQLStatementOptions = .init())
        async throws -> CQLRowSet
    {
        let result = try await run(
            .query(text, names: nil), values: values, pagingState: nil, options: options, token: nil)
        return CQLRowSet(result, columns: [])
    }

    /// Runs a statement given as text with values bound by name: `:name` markers, or the columns
    /// `?` markers stand for.
    public func query(
        _ text: String, named values: KeyValuePairs<String, CQLBoundValue>, options: CQLStatementOptions = .init()
    ) async throws -> CQLRowSet {
        let result = try await run(
            .query(text, names: values.map(\.key)), values: values.map(\.value), pagingState: nil, options: options,
            token: nil)
        return CQLRowSet(result, columns: [])
    }

    /// Prepares a statement on a node; nodes that do not know it prepare it again when asked.
    public func prepare(_ text: String, options: CQLStatementOptions = .init()) async throws -> CQLPrepared {
        let result = try await run(.prepare(text), values: [], pagingState: nil, options: options, token: nil)
        guard case .prepared(let statement) = result else {
            throw CQLConnectionError.unexpectedResponse("\(result) to PREPARE")
        }
        return CQLPrepared(query: text, statement: statement)
    }

    /// Runs a prepared statement, routed to a replica of the values' partition.
    public func execute(
        _ prepared: CQLPrepared, _ values: [CQLBoundValue] = [], options: CQLStatementOptions = .init()
    ) async throws -> CQLRowSet {
        let result = try await run(
            .execute(prepared), values: values, pagingState: nil, options: options, token: prepared.token(for: values))
        return CQLRowSet(result, columns: prepared.statement.resultMetadata.columns)
    }

    /// Runs a prepared statement with values by bind-marker name; markers not named are left
    /// unset (their columns keep what they hold).
    public func execute(
        _ prepared: CQLPrepared, named values: [String: CQLBoundValue], options: CQLStatementOptions = .init()
    ) async throws -> CQLRowSet {
        try await execute(prepared, try prepared.positional(values), options: options)
    }

    /// Applies prepared statements together in one BATCH, routed by the first statement's
    /// partition. Keep a batch to one partition: across partitions a logged batch costs the
    /// cluster a batch log write, and ScyllaDB warns about unlogged ones.
    public func batch(
        _ statements: [(CQLPrepared, [CQLBoundValue])], kind: CQLBatch.Kind = .unlogged,
        options: CQLStatementOptions = .init()
    ) async throws {
        let token = statements.first.flatMap { $0.0.token(for: $0.1) }
        _ = try await run(.batch(kind, statements), values: [], pagingState: nil, options: options, token: token)
    }

    /// Every row of a SELECT, fetching pages as the sequence is iterated.
    public func rows(_ text: String, _ values: [CQLBoundValue] = [], options: CQLStatementOptions = .init())
        -> CQLRowSequence
    {
        CQLRowSequence(client: self, statement: .query(text, names: nil), values: values, options: options)
    }

    public func rows(_ prepared: CQLPrepared, _ values: [CQLBoundValue] = [], options: CQLStatementOptions = .init())
        -> CQLRowSequence
    {
        CQLRowSequence(client: self, statement: .execute(prepared), values: values, options: options)
    }

    public func close() async {
        for pool in pools { await pool.close() }
        try? await control.close()
    }

    /// What a request carries.
    enum Statement: Sendable {
        /// Text, with the values' names when they are bound by name.
        case query(String, names: [String]?)
        case prepare(String)
        case execute(CQLPrepared)
        case batch(CQLBatch.Kind, [(CQLPrepared, [CQLBoundValue])])
    }

    /// Runs one request through the query plan, retrying as the policy allows, and re-preparing
    /// once where a node answers Unprepared.
    func run(
        _ statement: Statement, values: [CQLBoundValue], pagingState: [UInt8]?, options: CQLStatementOptions,
        token: Int64?
    ) async throws -> CQLResult {
        var failures: [(host: CQLHost, error: String)] = []
        var attempt = 0
        for pool in plan(token: token) {
            attempt += 1
            do {
                let connection = try await pool.connection()
                return try await send(
                    statement, values: values, pagingState: pagingState, options: options, on: connection)
            } catch {
                failures.append((pool.host, "\(error)"))
                switch configuration.retryPolicy.decide(error, isIdempotent: options.isIdempotent, attempt: attempt) {
                case .fail:
                    if error is CQLServerError || failures.count == 1 && !(error is CQLHostPool.ConnectFailure) {
                        throw error
                    }
                    throw CQLClientError.noHostAvailable(failures)
                case .retry(let delay):
                    if delay > .zero { try await Task.sleep(for: .nanoseconds(delay.nanoseconds)) }
                }
            }
        }
        throw CQLClientError.noHostAvailable(failures)
    }

    func send(
        _ statement: Statement, values: [CQLBoundValue], pagingState: [UInt8]?, options: CQLStatementOptions,
        on connection: CQLConnection
    ) async throws -> CQLResult {
        var parameters = options.parameters(values, pagingState: pagingState)
        switch statement {
        case .query(let text, let names):
            parameters.names = names
            return try await connection.result(of: .query(text, parameters), timeout: options.timeout)
        case .prepare(let text):
            return try await connection.result(of: .prepare(text), timeout: options.timeout)
        case .execute(let prepared):
            do {
                return try await connection.result(of: .execute(id: prepared.id, parameters), timeout: options.timeout)
            } catch let error as CQLServerError where error.code == CQLServerError.Code.unprepared {
                // The node restarted or never saw the statement: prepare it there and run it once more.
                _ = try await connection.result(of: .prepare(prepared.query), timeout: options.timeout)
                return try await connection.result(of: .execute(id: prepared.id, parameters), timeout: options.timeout)
            }
        case .batch(let kind, let statements):
            let batch = CQLBatch(
                kind: kind, statements: statements.map { CQLBatch.Statement(.prepared(id: $0.0.id), values: $0.1) },
                consistency: options.consistency, serialConsistency: options.serialConsistency,
                timestamp: options.timestamp)
            do {
                return try await connection.result(of: .batch(batch), timeout: options.timeout)
            } catch let error as CQLServerError where error.code == CQLServerError.Code.unprepared {
                for (prepared, _) in statements {
                    _ = try await connection.result(of: .prepare(prepared.query), timeout: options.timeout)
                }
                return try await connection.result(of: .batch(batch), timeout: options.timeout)
            }
        }
    }

    /// The host a first attempt goes to: the token's owner in the local data center when it is up,
    /// else the head of the plan. Cheaper than `plan` for the bulk writer's every row.
    func firstChoice(token: Int64?) -> CQLHostPool? {
        if let token, let owner = ring.replicas(for: token, count: 1).first, !pools[owner].isDown {
            return pools[owner]
        }
        return plan(token: token).first
    }

    /// The hosts to try in order: replicas of the token in the local data center first, then the
    /// other local hosts in rotation, then remote ones; hosts in backoff go last.
    func plan(token: Int64?) -> [CQLHostPool] {
        let local = Array(pools.prefix(localCount))
        var ordered: [CQLHostPool] = []
        if let token {
            ordered = ring.replicas(for: token, count: local.count).map { local[$0] }
        }
        if !local.isEmpty {
            let start = rotation.add(1, ordering: .relaxed).newValue
            for offset in 0..<local.count {
                let pool = local[(start + offset) % local.count]
                if !ordered.contains(where: { $0 === pool }) { ordered.append(pool) }
            }
        }
        ordered += pools.dropFirst(localCount)
        return ordered.filter { !$0.isDown } + ordered.filter(\.isDown)
    }
}

/// Hands control-connection events to the client once it exists.
private final class EventRelay: Sendable {
    private let client = Mutex<CQLClient?>(nil)

    func target(_ client: CQLClient) {
        self.client.withLock { $0 = client }
    }

    func deliver(_ event: CQLEvent) {
        client.withLock { $0 }?.handle(event)
    }
}
