/// The flags byte of a frame header (v4 §2.2).
public struct CQLFrameFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The body is compressed with the algorithm STARTUP chose.
    public static let compression = CQLFrameFlags(rawValue: 0x01)
    /// Request: trace this query. Response: the body starts with the tracing id.
    public static let tracing = CQLFrameFlags(rawValue: 0x02)
    /// The body starts with a custom payload (a bytes map).
    public static let customPayload = CQLFrameFlags(rawValue: 0x04)
    /// Response: the body starts with a list of warnings.
    public static let warning = CQLFrameFlags(rawValue: 0x08)
}
