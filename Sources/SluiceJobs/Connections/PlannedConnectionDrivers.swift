import Foundation
import SluiceCore

// Connection types whose clients later parts of Sluice provide. Their settings are validated
// now, so a project written today stays valid; using one fails clearly with exit 1.

/// `type: s3`: a lake in an S3 bucket (or an S3-compatible store).
public struct S3ConnectionDriver: ConnectionDriver {
    public init() {}

    public var type: String { "s3" }
    public var role: ConnectionRole { .lake }
    public var settings: [ConnectionSetting] {
        [
            ConnectionSetting("bucket", .string, required: true, "bucket name"),
            ConnectionSetting("prefix", .string, "key prefix inside the bucket"),
            ConnectionSetting("region", .string, "AWS region (default: AWS_REGION, then us-east-1)"),
            ConnectionSetting("endpoint", .string, "custom endpoint URL for S3-compatible stores"),
            ConnectionSetting("path_style", .bool, "path-style addressing instead of virtual-hosted"),
            ConnectionSetting("access_key_id", .string, "access key (use ${ENV})"),
            ConnectionSetting("secret_access_key", .string, "secret key (use ${ENV})"),
            ConnectionSetting("session_token", .string, "session token (use ${ENV})"),
            ConnectionSetting("profile", .string, "profile in ~/.aws/credentials"),
        ]
    }

    public func makeClient(for connection: ConnectionConfig, projectRoot: URL) async throws -> any SharedClient {
        throw NotAvailableYet("the S3 object store (S3ObjectStore) for connection \"\(connection.name)\"")
    }
}

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
