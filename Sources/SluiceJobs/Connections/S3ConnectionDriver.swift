import Foundation
import SluiceCore
import SluiceStorage

/// `type: s3`: a lake in an S3 bucket (or an S3-compatible store), under an optional prefix.
/// Settings left out come from the environment and `~/.aws`, as AWS tools read them.
public struct S3ConnectionDriver: ConnectionDriver {
    public init() {}

    public var type: String { "s3" }
    public var role: ConnectionRole { .lake }
    public var settings: [ConnectionSetting] {
        [
            ConnectionSetting("bucket", .string, required: true, "bucket name"),
            ConnectionSetting("prefix", .string, "key prefix inside the bucket"),
            ConnectionSetting("region", .string, "AWS region (default: AWS_REGION, the profile's, us-east-1)"),
            ConnectionSetting("endpoint", .string, "custom endpoint URL for S3-compatible stores"),
            ConnectionSetting("path_style", .bool, "path-style addressing (default: on for custom endpoints)"),
            ConnectionSetting("access_key_id", .string, "access key (use ${ENV})"),
            ConnectionSetting("secret_access_key", .string, "secret key (use ${ENV})"),
            ConnectionSetting("session_token", .string, "session token (use ${ENV})"),
            ConnectionSetting("profile", .string, "profile in ~/.aws/credentials and ~/.aws/config"),
            ConnectionSetting("part_size", .byteSize, "multipart part size (default 8MiB, at least 5MiB)"),
            ConnectionSetting("upload_concurrency", .int, "parts of one object uploaded at once (default 8)"),
        ]
    }

    public func makeClient(for connection: ConnectionConfig, projectRoot: URL) async throws -> any SharedClient {
        try S3ObjectStore.make(Self.storeSettings(of: connection))
    }

    /// An `s3a:` URI (Hadoop's S3 file system, which the cluster needs: hadoop-aws), with the
    /// connection's endpoint, addressing and keys as settings for its bucket only. Without keys,
    /// the cluster's own credentials apply.
    public func sparkLocation(of prefix: String, in connection: ConnectionConfig, projectRoot: URL)
        -> SparkLakeLocation?
    {
        guard let store = try? Self.storeSettings(of: connection) else { return nil }
        let key = [store.prefix, prefix].map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            .filter { !$0.isEmpty }.joined(separator: "/")
        let bucket = "fs.s3a.bucket.\(store.bucket)."
        var settings: [String: String] = [:]
        if let endpoint = store.endpoint { settings[bucket + "endpoint"] = endpoint }
        if let region = store.region { settings[bucket + "endpoint.region"] = region }
        if let pathStyle = store.pathStyle ?? (store.endpoint != nil ? true : nil) {
            settings[bucket + "path.style.access"] = String(pathStyle)
        }
        if let credentials = store.credentials {
            settings[bucket + "access.key"] = credentials.accessKeyID
            settings[bucket + "secret.key"] = credentials.secretAccessKey
            if let token = credentials.sessionToken {
                settings[bucket + "session.token"] = token
                settings[bucket + "aws.credentials.provider"] =
                    "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider"
            }
        }
        return SparkLakeLocation(uri: "s3a://\(store.bucket)/\(key)", settings: settings)
    }

    /// The store settings a connection declares; keys only when both halves are given.
    public static func storeSettings(of connection: ConnectionConfig) throws -> S3StoreSettings {
        let values = connection.settings
        var credentials: AWSCredentials?
        switch (values["access_key_id"]?.string, values["secret_access_key"]?.string) {
        case (let key?, let secret?):
            credentials = AWSCredentials(
                accessKeyID: key, secretAccessKey: secret, sessionToken: values["session_token"]?.string)
        case (nil, nil):
            credentials = nil
        default:
            throw S3ConfigurationError.invalidSetting(
                name: "access_key_id/secret_access_key", value: "(one of them)",
                reason: "connection \"\(connection.name)\" sets one without the other")
        }
        var settings = S3StoreSettings(
            bucket: values["bucket"]?.string ?? "", prefix: values["prefix"]?.string ?? "",
            region: values["region"]?.string, endpoint: values["endpoint"]?.string,
            pathStyle: values["path_style"]?.bool, credentials: credentials, profile: values["profile"]?.string)
        if let partSize = values["part_size"]?.int { settings.partSize = partSize }
        if let concurrency = values["upload_concurrency"]?.int { settings.uploadConcurrency = concurrency }
        return settings
    }
}
