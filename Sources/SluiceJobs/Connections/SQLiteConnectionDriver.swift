import Foundation
import SluiceCore
import SluiceServing

/// `type: sqlite`: the embedded serving store, one database file.
public struct SQLiteConnectionDriver: ConnectionDriver {
    public init() {}

    public var type: String { "sqlite" }
    public var role: ConnectionRole { .serving }
    public var settings: [ConnectionSetting] {
        [
            ConnectionSetting("path", .string, required: true, "database file, absolute or relative to the project")
        ] + ServingConnectionTiming.settings
    }

    public func makeClient(for connection: ConnectionConfig, projectRoot: URL) async throws -> any SharedClient {
        let path = connection.settings["path"]?.string ?? "serving.db"
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : projectRoot.appendingPathComponent(path)
        return try SQLiteServingStore(
            path: url.standardizedFileURL.path, timing: ServingConnectionTiming.timing(of: connection))
    }
}
