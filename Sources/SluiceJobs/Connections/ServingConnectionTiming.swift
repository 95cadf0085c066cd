import SluiceServing

/// The reader-timing settings every serving connection takes: they decide the gap between a flip
/// and the next truncate of the retired table.
public enum ServingConnectionTiming {
    static let settings = [
        ConnectionSetting("pointer_ttl", .duration, "how long readers cache the pointer (default 1s)"),
        ConnectionSetting("request_timeout", .duration, "readers' longest request (default 5s)"),
        ConnectionSetting("flip_margin", .duration, "extra wait before emptying a retired table (default 2s)"),
    ]

    /// The reader timing a serving connection declares, defaults filled in.
    public static func timing(of connection: ConnectionConfig) -> ServingTiming {
        let defaults = ServingTiming.defaults
        return ServingTiming(
            pointerTTL: connection.settings["pointer_ttl"]?.duration ?? defaults.pointerTTL,
            requestTimeout: connection.settings["request_timeout"]?.duration ?? defaults.requestTimeout,
            margin: connection.settings["flip_margin"]?.duration ?? defaults.margin)
    }
}
