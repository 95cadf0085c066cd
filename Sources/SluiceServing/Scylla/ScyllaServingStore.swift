import Foundation
import Logging
import NIOSSL
import SluiceCQL
import SluiceCore
import Synchronization

/// The production serving store: ScyllaDB (or Cassandra) through SluiceCQL. Two data tables per
/// serving table and the bookkeeping tables in one keyspace; the flip, rollback and loader locks
/// are lightweight transactions, so of two processes exactly one wins, on any node.
///
/// A lightweight transaction whose answer is lost (a timeout, a dropped connection) may still have
/// applied: the store then reads the row back at serial consistency, which completes any
/// transaction in progress, to learn what happened.
public final class ScyllaServingStore: ServingStore {
    public let configuration: ScyllaConfiguration
    public let client: CQLClient
    let statements: ScyllaStatements
    let logger: Logger
    private let metadataReady = Mutex(false)
    /// The lookup SELECT of each data table, by table.
    let lookupStatements = Mutex<[String: String]>([:])
    /// The column order of each data table's load and when it was read, by table.
    let columnOrders = Mutex<[String: (order: [String], readAt: ContinuousClock.Instant)]>([:])

    public var timing: ServingTiming { configuration.timing }
    public var keyspace: String { configuration.keyspace }
    public var displayName: String { Self.displayName(configuration) }

    private init(configuration: ScyllaConfiguration, client: CQLClient, logger: Logger) {
        self.configuration = configuration
        self.client = client
        self.logger = logger
        statements = ScyllaStatements(client: client, store: Self.displayName(configuration))
    }

    /// `scylla:10.0.0.1:9042,10.0.0.2:9042/serving`
    static func displayName(_ configuration: ScyllaConfiguration) -> String {
        "scylla:\(configuration.contactPoints.joined(separator: ","))/\(configuration.keyspace)"
    }

    /// Connects to the cluster and learns its nodes. Tables are created by `prepareMetadata`.
    public static func connect(_ configuration: ScyllaConfiguration, logger: Logger = Logger(label: "sluice.scylla"))
        async throws -> ScyllaServingStore
    {
        try CQLName.validate(configuration.keyspace, kind: "keyspace")
        let display = displayName(configuration)
        let (hosts, port) = try contactPoints(configuration.contactPoints, store: display)
        var tls: TLSConfiguration?
        if let options = configuration.tls {
            var client = TLSConfiguration.makeClientConfiguration()
            if let caFile = options.caFile { client.trustRoots = .file(caFile) }
            tls = client
        }
        let credentials = configuration.username.map {
            CQLConnectionStateMachine.Credentials(username: $0, password: configuration.password ?? "")
        }
        do {
            let client = try await CQLClient.connect(
                CQLClient.Configuration(
                    contactPoints: hosts, port: port, credentials: credentials,
                    localDataCenter: configuration.localDataCenter, compression: configuration.compression, tls: tls,
                    tlsServerHostname: configuration.tls?.serverName))
            return ScyllaServingStore(configuration: configuration, client: client, logger: logger)
        } catch {
            throw ServingError.storeFailed(store: display, operation: "connect", detail: "\(error)")
        }
    }

    /// `host` or `host:port` entries as hosts and their one port (9042 when none is given).
    static func contactPoints(_ entries: [String], store: String) throws(ServingError) -> ([String], Int) {
        var hosts: [String] = []
        var ports: Set<Int> = []
        for entry in entries {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
            if entry.hasPrefix("["), let close = entry.firstIndex(of: "]") {
                // [IPv6]:port or [IPv6]
                let rest = entry[entry.index(after: close)...]
                let port = rest.isEmpty ? 9042 : rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil
                guard let port, (1...65535).contains(port), close > entry.index(after: entry.startIndex) else {
                    throw .storeFailed(
                        store: store, operation: "read contact_points", detail: "\"\(entry)\" is not [address]:port")
                }
                hosts.append(String(entry[entry.index(after: entry.startIndex)..<close]))
                ports.insert(port)
            } else if parts.count == 2, let port = Int(parts[1]), (1...65535).contains(port), !parts[0].isEmpty {
                hosts.append(String(parts[0]))
                ports.insert(port)
            } else if parts.count == 1 || parts.count > 2, !entry.isEmpty {
                // A host name, an IPv4 address, or a bare IPv6 address (several colons).
                hosts.append(entry)
                ports.insert(9042)
            } else {
                throw .storeFailed(
                    store: store, operation: "read contact_points",
                    detail: "\"\(entry)\" is not host, host:port or [IPv6 address]:port")
            }
        }
        guard !hosts.isEmpty else {
            throw .storeFailed(store: store, operation: "read contact_points", detail: "no contact point given")
        }
        guard ports.count == 1, let port = ports.first else {
            throw .storeFailed(
                store: store, operation: "read contact_points",
                detail: "the contact points use ports \(ports.sorted()); every node of a cluster listens on one")
        }
        return (hosts, port)
    }

    public func shutdown() async throws {
        await client.close()
    }

    // MARK: Options

    var dataOptions: CQLStatementOptions { options(configuration.consistency) }

    var pointerOptions: CQLStatementOptions { options(configuration.pointerConsistency) }

    /// A read that completes any lightweight transaction in progress on the row.
    var serialReadOptions: CQLStatementOptions { options(configuration.serialConsistency) }

    var transactionOptions: CQLStatementOptions {
        options(configuration.pointerConsistency, serial: configuration.serialConsistency)
    }

    /// Idempotent unless it is a lightweight transaction (`serial` set), with the write timeout.
    private func options(_ consistency: CQLConsistency, serial: CQLConsistency? = nil) -> CQLStatementOptions {
        CQLStatementOptions(
            consistency: consistency, serialConsistency: serial, isIdempotent: serial == nil,
            timeout: .interval(configuration.requestTimeout))
    }

    func table(_ name: String) -> String { CQLName.qualified(keyspace, name) }

    // MARK: Metadata tables

    public func prepareMetadata() async throws {
        if metadataReady.withLock({ $0 }) { return }
        if let replication = configuration.createKeyspace {
            let dataCenters = Set(client.hosts.compactMap(\.dataCenter)).sorted()
            if case .simple = replication, dataCenters.count > 1 {
                throw ServingError.storeFailed(
                    store: displayName, operation: "create keyspace \(keyspace)",
                    detail: "the cluster has data centers \(dataCenters.joined(separator: ", ")) and SimpleStrategy "
                        + "ignores them; give replication per data center (replication: [dc:factor, …])")
            }
            _ = try await statements.runOnce(
                "CREATE KEYSPACE IF NOT EXISTS \(CQLName.quoted(keyspace)) WITH replication = \(replication.cql)",
                options: pointerOptions, operation: "create keyspace \(keyspace) (\(replication))")
        } else {
            let rows = try await statements.run(
                "SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?", [.text(keyspace)],
                options: pointerOptions, operation: "look keyspace \(keyspace) up")
            guard !rows.rows.isEmpty else {
                throw ServingError.storeFailed(
                    store: displayName, operation: "open keyspace \(keyspace)",
                    detail: "it does not exist; create it (docs/serving-scylla.md) or set create_keyspace: true "
                        + "with its replication")
            }
        }
        for statement in ScyllaMetadataTables.create(in: keyspace) {
            _ = try await statements.runOnce(
                statement, options: pointerOptions, operation: "create the pointer and load tables")
        }
        try await awaitSchemaAgreement(after: "creating the pointer and load tables")
        metadataReady.withLock { $0 = true }
    }

    func awaitSchemaAgreement(after change: String) async throws {
        let agreed: Bool
        do {
            agreed = try await client.awaitSchemaAgreement(timeout: .seconds(30))
        } catch {
            throw statements.failure("wait for schema agreement after \(change)", error)
        }
        if !agreed {
            logger.warning("nodes still disagree on the schema after 30 s", metadata: ["after": "\(change)"])
        }
    }

    public func storeType(for field: Field, override: String?) throws -> String {
        guard let override else { return CQLColumnType.natural(for: field.dataType) }
        let type = CQLColumnType.canonical(override)
        guard CQLColumnType.encoding(storeType: type, for: field.dataType) != nil else {
            throw ServingError.unsupportedColumn(
                table: keyspace, column: field.name,
                detail: "a \(field.dataType) column cannot be stored as \(override) in ScyllaDB "
                    + "(the types each column takes are in docs/serving-scylla.md)")
        }
        return type
    }

    // MARK: Pointer

    public func pointer(of table: String) async throws -> ServingPointer? {
        try await pointer(of: table, options: pointerOptions)
    }

    /// The pointer after every lightweight transaction on it has completed.
    func serialPointer(of table: String) async throws -> ServingPointer? {
        try await pointer(of: table, options: serialReadOptions)
    }

    private func pointer(of table: String, options: CQLStatementOptions) async throws -> ServingPointer? {
        let rows = try await statements.run(
            """
            SELECT active_table, version, loaded_at, switched_at, source_run, row_count
            FROM \(self.table(ScyllaMetadataTables.pointers)) WHERE table_name = ?
            """, [.text(table)], options: options, operation: "read the pointer of \(table)")
        guard !rows.rows.isEmpty else { return nil }
        return ServingPointer(
            table: table, activeTable: try rows.text(0, "active_table"), version: try rows.int64(0, "version"),
            loadedAt: try rows.date(0, "loaded_at"), switchedAt: try rows.date(0, "switched_at"),
            sourceRun: try rows.text(0, "source_run"), rowCount: try rows.int64(0, "row_count"))
    }

    public func compareAndSetPointer(_ new: ServingPointer, expectedVersion: Int64?) async throws -> Bool {
        try await withClaimLock(of: new.table) {
            // Only a validated table may become active.
            guard let state = try await loadState(of: new.activeTable), state.phase == .ready,
                state.sourceRun == new.sourceRun
            else { return false }
            let values: [CQLValue?] = [
                .text(new.activeTable), .bigint(new.version), .timestamp(new.loadedAt.millisecondsSince1970),
                .timestamp(new.switchedAt.millisecondsSince1970), .text(new.sourceRun), .bigint(new.rowCount),
                .text(new.table),
            ]
            let pointers = table(ScyllaMetadataTables.pointers)
            let text: String
            var conditionValues: [CQLValue?] = []
            if let expectedVersion {
                text = """
                    UPDATE \(pointers) SET active_table = ?, version = ?, loaded_at = ?, switched_at = ?,
                        source_run = ?, row_count = ? WHERE table_name = ? IF version = ?
                    """
                conditionValues = [.bigint(expectedVersion)]
            } else {
                text = """
                    INSERT INTO \(pointers) (active_table, version, loaded_at, switched_at, source_run, row_count,
                        table_name) VALUES (?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS
                    """
            }
            return try await lightweightTransaction(
                text, values + conditionValues, operation: "flip the pointer of \(new.table) to \(new.activeTable)"
            ) {
                try await self.serialPointer(of: new.table) == new
            }
        }
    }

    /// Runs a lightweight transaction and returns whether it applied. When its answer is lost,
    /// `applied` (a serial read) decides, retried a few times.
    func lightweightTransaction(
        _ text: String, _ values: [CQLValue?], operation: String, applied: @Sendable () async throws -> Bool
    ) async throws -> Bool {
        do {
            return try await statements.execute(text, values, options: transactionOptions).applied
        } catch  where ScyllaStatements.outcomeUnknown(error) {
            logger.notice(
                "the answer to a lightweight transaction was lost; reading the row serially to learn its outcome",
                metadata: ["operation": "\(operation)", "error": "\(error)"])
            var lastError: any Error = error
            for attempt in 0..<5 {
                do {
                    return try await applied()
                } catch {
                    lastError = error
                    try await Task.sleep(for: .milliseconds(200 << attempt))
                }
            }
            throw ServingError.storeFailed(
                store: displayName, operation: operation,
                detail: "its answer was lost (\(error)) and reading the row back failed: \(lastError)")
        } catch {
            throw statements.failure(operation, error)
        }
    }

    // MARK: Load bookkeeping

    public func loadState(of physicalTable: String) async throws -> TableLoadState? {
        let rows = try await statements.run(
            """
            SELECT table_name, source_run, shard_count, phase, schema, row_count, updated_at
            FROM \(table(ScyllaMetadataTables.loads)) WHERE physical_table = ?
            """, [.text(physicalTable)], options: pointerOptions, operation: "read the load state of \(physicalTable)")
        guard !rows.rows.isEmpty else { return nil }
        let schema = try JSONDecoder().decode(ServingSchema.self, from: Data(try rows.text(0, "schema").utf8))
        return TableLoadState(
            physicalTable: physicalTable, table: try rows.text(0, "table_name"),
            sourceRun: try rows.text(0, "source_run"), shardCount: Int(try rows.int64(0, "shard_count")),
            phase: TableLoadState.Phase(rawValue: try rows.text(0, "phase")) ?? .loading, schema: schema,
            rowCount: try rows.int64(0, "row_count"), updatedAt: try rows.date(0, "updated_at"))
    }

    public func updateLoadState(_ state: TableLoadState) async throws {
        _ = try await statements.run(
            """
            INSERT INTO \(table(ScyllaMetadataTables.loads))
                (physical_table, table_name, source_run, shard_count, phase, schema, row_count, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(state.physicalTable), .text(state.table), .text(state.sourceRun), .int(Int32(state.shardCount)),
                .text(state.phase.rawValue),
                .text(String(decoding: try JSONEncoder().encode(state.schema), as: UTF8.self)),
                .bigint(state.rowCount), .timestamp(state.updatedAt.millisecondsSince1970),
            ], options: pointerOptions, operation: "record the load state of \(state.physicalTable)")
    }

    public func recordShard(_ report: ShardReport) async throws {
        _ = try await statements.run(
            """
            INSERT INTO \(table(ScyllaMetadataTables.shards))
                (physical_table, source_run, shard, shard_count, rows, finished_at) VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                .text(report.physicalTable), .text(report.sourceRun), .int(Int32(report.shard)),
                .int(Int32(report.shardCount)), .bigint(report.rows),
                .timestamp(report.finishedAt.millisecondsSince1970),
            ], options: pointerOptions,
            operation: "record shard \(report.shard)/\(report.shardCount) of \(report.physicalTable)")
    }

    public func shardReports(of physicalTable: String, sourceRun: String) async throws -> [ShardReport] {
        let rows = try await statements.run(
            """
            SELECT shard, shard_count, rows, finished_at FROM \(table(ScyllaMetadataTables.shards))
            WHERE physical_table = ? AND source_run = ?
            """, [.text(physicalTable), .text(sourceRun)], options: pointerOptions,
            operation: "read the shards of \(physicalTable)")
        return try rows.rows.indices.map { row in
            ShardReport(
                physicalTable: physicalTable, sourceRun: sourceRun, shard: Int(try rows.int64(row, "shard")),
                shardCount: Int(try rows.int64(row, "shard_count")), rows: try rows.int64(row, "rows"),
                finishedAt: try rows.date(row, "finished_at"))
        }.sorted { $0.shard < $1.shard }
    }

    // MARK: Status

    public func operatorNotes() async -> [String] {
        // ScyllaDB exposes its settings in system.config; Cassandra does not, and says nothing here.
        guard
            let rows = try? await client.query(
                "SELECT value FROM system.config WHERE name = 'auto_snapshot'", options: pointerOptions),
            !rows.rows.isEmpty, case .text(let value)? = try? rows.value(0, "value"),
            value.lowercased().contains("true")
        else { return [] }
        return [
            "auto_snapshot is on: every TRUNCATE before a load keeps a snapshot of the table's files on disk; "
                + "clear them with `nodetool clearsnapshot` or turn auto_snapshot off (docs/serving-scylla.md)"
        ]
    }
}

extension CQLRowSet {
    func text(_ row: Int, _ column: String) throws -> String {
        switch try value(row, column) {
        case .text(let text)?, .ascii(let text)?: return text
        case let other: throw ScyllaRowError(column: column, expected: "text", found: other)
        }
    }

    func int64(_ row: Int, _ column: String) throws -> Int64 {
        switch try value(row, column) {
        case .bigint(let number)?, .counter(let number)?: return number
        case .int(let number)?: return Int64(number)
        case let other: throw ScyllaRowError(column: column, expected: "an integer", found: other)
        }
    }

    func date(_ row: Int, _ column: String) throws -> Date {
        guard case .timestamp(let milliseconds)? = try value(row, column) else {
            throw ScyllaRowError(column: column, expected: "a timestamp", found: try value(row, column))
        }
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

/// A bookkeeping row whose column does not hold what the store wrote there.
struct ScyllaRowError: Error, CustomStringConvertible {
    var column: String
    var expected: String
    var found: CQLValue?

    var description: String { "column \(column) holds \(found.map { "\($0)" } ?? "null"), expected \(expected)" }
}

extension Date {
    var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
