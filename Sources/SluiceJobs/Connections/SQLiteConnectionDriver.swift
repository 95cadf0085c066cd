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
            ConnectionSetting("path", .string, required: true, "database file, absolute or relative to the project"),
            ConnectionSetting("pointer_ttl", .duration, "how long readers cache the pointer (default 1s)"),
            ConnectionSetting("request_timeout", .duration, "readers' longest request (default 5s)"),
            ConnectionSetting("flip_margin", .duration, "extra wait before emptying a retired table (default 2s)"),
        ]
    }

    public func makeClient(for connection: ConnectionConfig, projectRoot: URL) async throws -> any SharedClient {
        let path = connection.settings["path"]?.string ?? "serving.db"
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : projectRoot.appendingPathComponent(path)
        return try SQLiteServingStore(path: url.standardizedFileURL.path, timing: Self.timing(of: connection))
    }

    /// The reader timing a serving connection declares, defaults filled in.
    public static func timing(of connection: ConnectionConfig) -> ServingTiming {
        let defaults = ServingTiming.defaults
        return ServingTiming(
            pointerTTL: connection.settings["pointer_ttl"]?.duration ?? defaults.pointerTTL,
            requestTimeout: connection.settings["request_timeout"]?.duration ?? defaults.requestTimeout,
            margin: connection.settings["flip_margin"]?.duration ?? defaults.margin)
    }
}
