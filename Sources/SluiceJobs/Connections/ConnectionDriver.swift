import Foundation
import SluiceCore
import SluiceStorage

/// What a connection is for: the lake holds parquet datasets, the serving store holds the tables
/// readers query.
public enum ConnectionRole: String, Sendable {
    case lake
    case serving
}

/// One setting a connection type accepts in `sluice.yaml`.
public struct ConnectionSetting: Sendable {
    public enum Kind: Sendable {
        case string
        case int
        case bool
        case stringList
        /// `250ms`, `1s`, `5m`; a plain number is seconds.
        case duration
        /// `8MiB`, `64KiB`; a plain number is bytes. Read back with `ConfigValue.int`.
        case byteSize
    }

    public var name: String
    public var kind: Kind
    public var required: Bool
    public var summary: String

    public init(_ name: String, _ kind: Kind, required: Bool = false, _ summary: String) {
        self.name = name
        self.kind = kind
        self.required = required
        self.summary = summary
    }
}

/// A storage type that connections can use (`type: file`, `type: s3`, …): it declares its
/// settings, checks paths used with it, and creates the one shared client per connection.
public protocol ConnectionDriver: Sendable {
    /// The `type:` value in `sluice.yaml`.
    var type: String { get }
    var role: ConnectionRole { get }
    var settings: [ConnectionSetting] { get }

    /// Throws when `prefix` (a store-relative path from a job) is unusable with this driver.
    func validate(path prefix: String) throws(StorageError)

    /// Creates the client. Called at most once per connection per process, on first use.
    func makeClient(for connection: ConnectionConfig, projectRoot: URL) async throws -> any SharedClient

    /// Where Spark finds the store-relative `prefix` of this connection's lake, or nil when Spark
    /// cannot use this kind of store.
    func sparkLocation(of prefix: String, in connection: ConnectionConfig, projectRoot: URL) -> SparkLakeLocation?
}

extension ConnectionDriver {
    public func sparkLocation(of prefix: String, in connection: ConnectionConfig, projectRoot: URL)
        -> SparkLakeLocation?
    {
        nil
    }

    /// By default a path must be a plain relative key prefix (no `..`, not absolute, …), the
    /// rule every object store shares.
    public func validate(path prefix: String) throws(StorageError) {
        try ObjectKeyRules.validate(keyPrefix: prefix)
    }
}
