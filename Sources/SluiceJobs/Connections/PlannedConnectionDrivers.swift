import Foundation
import SluiceCore

// Connection types whose clients later parts of Sluice provide. Their settings are validated
// now, so a project written today stays valid; using one fails clearly with exit 1.

/// `type: scylla`: ScyllaDB (or Cassandra) over CQL.
public struct ScyllaConnectionDriver: ConnectionDriver {
    public init() {}

    public var type: String { "scylla" }
    public var role: ConnectionRole { .serving }
    public var settings: [ConnectionSetting] {
        [
            ConnectionSetting("contact_points", .stringList, required: true, "host:port of some nodes"),
            ConnectionSetting("keyspace", .string, required: true, "keyspace holding the serving tables"),
            ConnectionSetting("local_dc", .string, "datacenter to route to"),
            ConnectionSetting("username", .string, "user (use ${ENV})"),
            ConnectionSetting("password", .string, "password (use ${ENV})"),
            ConnectionSetting("consistency", .string, "consistency of data writes (default LOCAL_QUORUM)"),
        ]
    }

    public func makeClient(for connection: ConnectionConfig, projectRoot: URL) async throws -> any SharedClient {
        throw NotAvailableYet("the ScyllaDB serving store (ScyllaServingStore) for connection \"\(connection.name)\"")
    }
}
