import Foundation
import SluiceCore
import SluiceStorage

/// `type: file`: a lake in a local folder, `root` relative to the project.
public struct FileConnectionDriver: ConnectionDriver {
    public init() {}

    public var type: String { "file" }
    public var role: ConnectionRole { .lake }
    public var settings: [ConnectionSetting] {
        [ConnectionSetting("root", .string, required: true, "the lake folder, absolute or relative to the project")]
    }

    /// Also keeps jobs out of the store's own temporary folder.
    public func validate(path prefix: String) throws(StorageError) {
        try LocalObjectStore.validate(keyPrefix: prefix)
    }

    public func makeClient(for connection: ConnectionConfig, projectRoot: URL) async throws -> any SharedClient {
        LocalObjectStore(root: Self.root(of: connection, projectRoot: projectRoot))
    }

    /// A `file:` URI of the folder: Spark reads it when the cluster sees the same path (Spark on
    /// this machine, or a folder every node mounts there).
    public func sparkLocation(of prefix: String, in connection: ConnectionConfig, projectRoot: URL)
        -> SparkLakeLocation?
    {
        let folder = Self.root(of: connection, projectRoot: projectRoot).appendingPathComponent(prefix)
        return SparkLakeLocation(uri: folder.absoluteURL.absoluteString)
    }

    private static func root(of connection: ConnectionConfig, projectRoot: URL) -> URL {
        let root = connection.settings["root"]?.string ?? "."
        // Appending, not `relativeTo:`: that resolves against the parent when the project URL
        // lacks a trailing slash.
        let url = root.hasPrefix("/") ? URL(fileURLWithPath: root) : projectRoot.appendingPathComponent(root)
        return url.standardizedFileURL
    }
}
