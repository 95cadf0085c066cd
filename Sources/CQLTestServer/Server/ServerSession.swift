import Crypto
import NIOCore
import SluiceCQL

/// One client connection's conversation: the handshake and login, then requests answered from
/// the cluster's data. A value the channel handler drives; it does no I/O itself.
struct ServerSession {
    private enum State {
        case waitingForStartup
        case authenticating
        case ready
    }

    private var state = State.waitingForStartup
    /// STARTUP asked for LZ4: requests may come compressed, and responses after the answer to
    /// STARTUP go compressed.
    private(set) var compression = false
    private(set) var compressesResponses = false
    private var executor: StatementExecutor
    private let cluster: TestClusterState
    /// The tokens of every node in this node's data center with its address, in token order: who
    /// owns a partition there (a token-aware client routes within its local data center).
    private let ring: [(token: Int64, address: String)]

    init(cluster: TestClusterState, systemTables: NodeSystemTables) {
        self.cluster = cluster
        executor = StatementExecutor(database: cluster.database, systemTables: systemTables)
        let dataCenter = systemTables.node.dataCenter
        ring = ([systemTables.node] + systemTables.peers).filter { $0.dataCenter == dataCenter }.flatMap { node in
            node.tokens.map { (token: $0, address: node.address) }
        }.sorted { $0.token < $1.token }
    }

    static let authenticator = "org.apache.cassandra.auth.PasswordAuthenticator"

    /// What SUPPORTED lists: LZ4 is the one compression offered (the Python driver needs the key
    /// present in any case).
    static let supported = ["CQL_VERSION": [NodeSystemTables.cqlVersion], "COMPRESSION": ["lz4"]]

    /// Answers one request; `registered` is set when the client asked for events.
    mutating func respond(to request: CQLRequest, registered: inout Bool) -> CQLResponse {
        // The answer to STARTUP itself goes out plain; everything after it is compressed.
        compressesResponses = compression
        do {
            return try answer(request, registered: &registered)
        } catch {
            return .error(error)
        }
    }

    /// The CQL text a QUERY or EXECUTE runs.
    func statementText(of request: CQLRequest) -> String? {
        switch request {
        case .query(let text, _): text
        case .execute(let id, _): cluster.prepared(id)?.text
        default: nil
        }
    }

    private mutating func answer(_ request: CQLRequest, registered: inout Bool) throws(CQLServerError) -> CQLResponse {
        switch (state, request) {
        case (_, .options):
            return .supported(Self.supported)
        case (.waitingForStartup, .startup(let options)):
            guard options["CQL_VERSION"] != nil else {
                throw CQLServerError(
                    code: CQLServerError.Code.protocolError, message: "Missing value CQL_VERSION in STARTUP message")
            }
            if let algorithm = options["COMPRESSION"] {
                guard algorithm == "lz4" else {
                    throw CQLServerError(
                        code: CQLServerError.Code.protocolError, message: "Unknown compression algorithm: \(algorithm)")
                }
                compression = true
            }
            guard cluster.credentials != nil else {
                state = .ready
                return .ready
            }
            state = .authenticating
            return .authenticate(Self.authenticator)
        case (.authenticating, .authResponse(let token)):
            guard let credentials = cluster.credentials, let token, token == credentials.plainToken else {
                let user = token.flatMap(Self.username) ?? ""
                throw CQLServerError(
                    code: CQLServerError.Code.badCredentials,
                    message: "Provided username \(user) and/or password are incorrect")
            }
            state = .ready
            return .authSuccess(nil)
        case (.ready, .register):
            registered = true
            return .ready
        case (.ready, .query(let text, let parameters)):
            let parsed = try Self.parse(text)
            return try run(parsed, parameters: parameters, keyspace: nil)
        case (.ready, .prepare(let text)):
            return .result(.prepared(try prepare(text)))
        case (.ready, .execute(let id, let parameters)):
            guard let prepared = cluster.prepared(id) else {
                throw CQLServerError(
                    code: CQLServerError.Code.unprepared, message: "Prepared query with ID \(Self.hex(id)) not found",
                    details: .unprepared(id: id))
            }
            var response = try run(prepared.statement, parameters: parameters, keyspace: prepared.keyspace)
            if let owner = owner(of: prepared.info.partitionKeyIndexes, values: parameters.values) {
                cluster.countRouting(node: executor.systemTables.node.address, owner: owner)
            }
            if parameters.skipMetadata, case .result(.rows(var metadata, let rows)) = response {
                metadata.columns = []
                response = .result(.rows(metadata, rows))
            }
            return response
        case (.ready, .batch(let batch)):
            for statement in batch.statements {
                let parsed: CQLStatement
                var keyspace: String?
                switch statement.query {
                case .text(let text): parsed = try Self.parse(text)
                case .prepared(let id):
                    guard let prepared = cluster.prepared(id) else {
                        throw CQLServerError(
                            code: CQLServerError.Code.unprepared,
                            message: "Prepared query with ID \(Self.hex(id)) not found",
                            details: .unprepared(id: id))
                    }
                    parsed = prepared.statement
                    keyspace = prepared.keyspace
                }
                _ = try run(
                    parsed, parameters: CQLQueryParameters(consistency: batch.consistency, values: statement.values),
                    keyspace: keyspace)
            }
            return .result(.void)
        case (.waitingForStartup, _), (.authenticating, _):
            throw CQLServerError(
                code: CQLServerError.Code.protocolError,
                message: "Unexpected message \(request.opcode), expecting STARTUP or AUTH_RESPONSE")
        case (.ready, _):
            throw CQLServerError(
                code: CQLServerError.Code.protocolError, message: "Unexpected message \(request.opcode)")
        }
    }

    private mutating func run(_ statement: CQLStatement, parameters: CQLQueryParameters, keyspace: String?)
        throws(CQLServerError) -> CQLResponse
    {
        // A prepared statement resolves bare names in the keyspace it was prepared in.
        let sessionKeyspace = executor.keyspace
        if let keyspace { executor.keyspace = keyspace }
        defer { if keyspace != nil { executor.keyspace = sessionKeyspace } }
        let outcome = try executor.execute(
            statement, bound: BoundValues(values: parameters.values, names: parameters.names),
            paging: StatementExecutor.Paging(
                pageSize: parameters.pageSize.map(Int.init), pagingState: parameters.pagingState))
        if let change = outcome.schemaChange { cluster.announce(change) }
        return .result(outcome.result)
    }

    /// The node owning the partition a statement's values name (the first token at or after the
    /// partition's); nil when the statement names no partition.
    private func owner(of keyIndexes: [Int], values: [CQLBoundValue]) -> String? {
        guard !keyIndexes.isEmpty, !ring.isEmpty else { return nil }
        var components: [[UInt8]] = []
        for index in keyIndexes {
            guard index < values.count, case .bytes(let bytes) = values[index] else { return nil }
            components.append(bytes)
        }
        let token = Murmur3Token.token(for: Murmur3Token.routingKey(components))
        var low = 0
        var high = ring.count
        while low < high {
            let middle = (low + high) / 2
            if ring[middle].token < token { low = middle + 1 } else { high = middle }
        }
        return ring[low == ring.count ? 0 : low].address
    }

    private func prepare(_ text: String) throws(CQLServerError) -> CQLPreparedStatement {
        let statement = try Self.parse(text)
        var schema: TableSchema?
        let binding = try MarkerBinding(statement) { (name) throws(CQLServerError) -> TableSchema in
            let table = try executor.table(name).schema
            schema = table
            return table
        }
        var result = CQLRowsMetadata(columns: [])
        if case .select(let select) = statement, let schema {
            result = CQLRowsMetadata(columns: try Self.selectedColumns(select, schema: schema))
        }
        var digest = Insecure.MD5()
        digest.update(data: Array(((executor.keyspace ?? "") + "\u{0}" + text).utf8))
        let info = CQLPreparedStatement(
            id: Array(digest.finalize()), bindMarkers: binding.orderedSpecs,
            partitionKeyIndexes: binding.partitionKeyIndexes(schema), resultMetadata: result)
        cluster.remember(
            PreparedStatement(statement: statement, text: text, keyspace: executor.keyspace, info: info))
        return info
    }

    private static func selectedColumns(_ select: CQLStatement.Select, schema: TableSchema) throws(CQLServerError)
        -> [CQLColumnSpec]
    {
        if select.selectors.isEmpty { return schema.columns.indices.map { schema.spec($0) } }
        var specs: [CQLColumnSpec] = []
        for selector in select.selectors {
            switch selector.kind {
            case .column(let name): specs.append(schema.spec(try schema.require(name), name: selector.alias))
            case .countAll:
                specs.append(
                    CQLColumnSpec(
                        keyspace: schema.keyspace, table: schema.name, name: selector.alias ?? "count", type: .bigint))
            default: throw CQLServerError.invalid("The test server selects columns and COUNT(*) only")
            }
        }
        return specs
    }

    static func parse(_ text: String) throws(CQLServerError) -> CQLStatement {
        do {
            return try CQLParser.parse(text).statement
        } catch {
            let prefix = String(text.utf8.prefix(error.offset)) ?? ""
            let line = prefix.split(separator: "\n", omittingEmptySubsequences: false).count
            let column =
                prefix.count
                - (prefix.lastIndex(of: "\n").map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0)
            throw CQLServerError(
                code: CQLServerError.Code.syntaxError, message: "line \(line):\(column) \(error.message)")
        }
    }

    private static func username(_ token: [UInt8]) -> String? {
        let parts = token.split(separator: 0, omittingEmptySubsequences: false)
        return parts.count == 3 ? String(decoding: parts[1], as: UTF8.self) : nil
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}
