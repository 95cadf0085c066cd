import Foundation
import SluiceCQL
import SluiceCore
import SluiceServing

/// `type: scylla`: the serving store on ScyllaDB (or Cassandra) over CQL.
public struct ScyllaConnectionDriver: ConnectionDriver {
    public init() {}

    public var type: String { "scylla" }
    public var role: ConnectionRole { .serving }
    public var settings: [ConnectionSetting] {
        [
            ConnectionSetting("contact_points", .stringList, required: true, "host or host:port of some nodes"),
            ConnectionSetting("keyspace", .string, required: true, "keyspace holding the serving tables"),
            ConnectionSetting("local_dc", .string, "datacenter to route to (default: the first contact point's)"),
            ConnectionSetting("username", .string, "user (use ${ENV})"),
            ConnectionSetting("password", .string, "password (use ${ENV})"),
            ConnectionSetting("tls", .bool, "connect with TLS (default off)"),
            ConnectionSetting("tls_ca_file", .string, "PEM file of the CAs to trust (default: the system's)"),
            ConnectionSetting("tls_server_name", .string, "name the nodes' certificates carry, if not their address"),
            ConnectionSetting("consistency", .string, "of data writes and lookups (default LOCAL_QUORUM)"),
            ConnectionSetting("pointer_consistency", .string, "of pointer reads and writes (default LOCAL_QUORUM)"),
            ConnectionSetting("serial_consistency", .string, "of the flip and locks (default LOCAL_SERIAL)"),
            ConnectionSetting("create_keyspace", .bool, "create the keyspace when missing (default off)"),
            ConnectionSetting(
                "replication", .stringList, "for create_keyspace: dc:factor per data center (NetworkTopologyStrategy)"),
            ConnectionSetting("replication_factor", .int, "for create_keyspace on a one-DC cluster (SimpleStrategy)"),
            ConnectionSetting("max_in_flight", .int, "writes in flight during a load (default 1024)"),
            ConnectionSetting("rows_per_second", .int, "cap on a load's write rate (default none)"),
            ConnectionSetting("write_timeout", .duration, "each write or read attempt (default 12s)"),
            ConnectionSetting("truncate_timeout", .duration, "TRUNCATE before a load (default 10m)"),
            ConnectionSetting("lock_lease", .duration, "how long a dead loader's lock blocks others (default 60s)"),
            ConnectionSetting("compression", .bool, "LZ4 frame compression (default off)"),
        ] + ServingConnectionTiming.settings
    }

    public func makeClient(for connection: ConnectionConfig, projectRoot: URL) async throws -> any SharedClient {
        try await ScyllaServingStore.connect(Self.configuration(of: connection, projectRoot: projectRoot))
    }

    /// The store configuration a connection declares, defaults filled in.
    public static func configuration(of connection: ConnectionConfig, projectRoot: URL) throws -> ScyllaConfiguration {
        let values = connection.settings
        func invalid(_ key: String, _ message: String) -> ConfigError {
            ConfigError("connections.\(connection.name).\(key): \(message)", at: connection.location)
        }
        var configuration = ScyllaConfiguration(
            contactPoints: values["contact_points"]?.stringList ?? [], keyspace: values["keyspace"]?.string ?? "")
        configuration.localDataCenter = values["local_dc"]?.string
        configuration.username = values["username"]?.string
        configuration.password = values["password"]?.string
        // A CA file implies TLS unless it is turned off explicitly.
        if values["tls"]?.bool ?? (values["tls_ca_file"] != nil) {
            let caFile = values["tls_ca_file"]?.string.map { path in
                path.hasPrefix("/") ? path : projectRoot.appendingPathComponent(path).standardizedFileURL.path
            }
            configuration.tls = ScyllaConfiguration.TLS(caFile: caFile, serverName: values["tls_server_name"]?.string)
        }
        for (key, path) in [
            ("consistency", \ScyllaConfiguration.consistency), ("pointer_consistency", \.pointerConsistency),
            ("serial_consistency", \.serialConsistency),
        ] {
            guard let name = values[key]?.string else { continue }
            guard let level = CQLConsistency(name: name.uppercased()) else {
                throw invalid(
                    key, "unknown consistency \"\(name)\" (ONE, LOCAL_ONE, QUORUM, LOCAL_QUORUM, ALL, SERIAL, …)")
            }
            configuration[keyPath: path] = level
        }
        if ![.serial, .localSerial].contains(configuration.serialConsistency) {
            throw invalid("serial_consistency", "must be SERIAL or LOCAL_SERIAL")
        }
        if values["create_keyspace"]?.bool == true {
            configuration.createKeyspace = try replication(of: values, invalid: invalid)
        }
        if let inFlight = values["max_in_flight"]?.int {
            guard inFlight >= 1 else { throw invalid("max_in_flight", "must be at least 1") }
            configuration.maxInFlight = inFlight
        }
        if let rate = values["rows_per_second"]?.int {
            guard rate >= 1 else { throw invalid("rows_per_second", "must be at least 1") }
            configuration.rowsPerSecond = rate
        }
        for (key, path) in [
            ("write_timeout", \ScyllaConfiguration.requestTimeout), ("truncate_timeout", \.truncateTimeout),
            ("lock_lease", \.lockLease),
        ] {
            guard let seconds = values[key]?.duration else { continue }
            guard seconds > 0 else { throw invalid(key, "must be longer than 0s") }
            configuration[keyPath: path] = seconds
        }
        // A renewal (every third of the lease) may take a whole write timeout.
        guard configuration.lockLease >= 3 * configuration.requestTimeout else {
            throw invalid(
                "lock_lease",
                "must be at least 3 x write_timeout (\(Int(3 * configuration.requestTimeout))s): a renewal every "
                    + "third of the lease may take a whole write timeout")
        }
        configuration.compression = values["compression"]?.bool ?? false
        configuration.timing = ServingConnectionTiming.timing(of: connection)
        return configuration
    }

    private static func replication(
        of values: [String: ConfigValue], invalid: (String, String) -> ConfigError
    ) throws -> KeyspaceReplication {
        switch (values["replication"]?.stringList, values["replication_factor"]?.int) {
        case (let entries?, nil):
            var factors: [String: Int] = [:]
            for entry in entries {
                let parts = entry.split(separator: ":")
                guard parts.count == 2, let factor = Int(parts[1]), factor >= 1 else {
                    throw invalid("replication", "\"\(entry)\" is not dc:factor (e.g. dc1:3)")
                }
                factors[String(parts[0])] = factor
            }
            guard !factors.isEmpty else { throw invalid("replication", "name at least one data center") }
            return .networkTopology(factors)
        case (nil, let factor?):
            guard factor >= 1 else { throw invalid("replication_factor", "must be at least 1") }
            return .simple(factor: factor)
        case (nil, nil):
            throw invalid(
                "create_keyspace", "needs replication: [dc:factor, …] (or replication_factor on a one-DC cluster)")
        case (_?, _?):
            throw invalid("replication", "give replication or replication_factor, not both")
        }
    }
}
