import Foundation

/// How long readers may keep using a table after a flip, which decides how soon the next load may
/// empty it: a reader caches the pointer for `pointerTTL` and may then run a request for up to
/// `requestTimeout`.
public struct ServingTiming: Sendable, Hashable {
    public var pointerTTL: TimeInterval
    public var requestTimeout: TimeInterval
    public var margin: TimeInterval

    public static let defaults = ServingTiming(pointerTTL: 1, requestTimeout: 5, margin: 2)

    public init(pointerTTL: TimeInterval, requestTimeout: TimeInterval, margin: TimeInterval) {
        self.pointerTTL = pointerTTL
        self.requestTimeout = requestTimeout
        self.margin = margin
    }

    /// The least time between a flip and the next truncate of the table it retired.
    public var flipGap: TimeInterval { pointerTTL + requestTimeout + margin }
}
