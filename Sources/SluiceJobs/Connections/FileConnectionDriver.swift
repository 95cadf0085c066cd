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
        let root = connection.settings["root"]?.string ?? "."
        // Appending, not `relativeTo:`: that resolves against the parent when the project URL
        // lacks a trailing slash.
        let url = root.hasPrefix("/") ? URL(fileURLWithPath: root) : projectRoot.appendingPathComponent(root)
        return LocalObjectStore(root: url.standardizedFileURL)
    }
}
