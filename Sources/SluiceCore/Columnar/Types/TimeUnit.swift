/// The resolution of a time-of-day or timestamp value.
public enum TimeUnit: String, Hashable, Sendable, CaseIterable {
    case second
    case millisecond
    case microsecond
    case nanosecond

    /// Arrow's abbreviation: `s`, `ms`, `us`, `ns`.
    public var abbreviation: String {
        switch self {
        case .second: return "s"
        case .millisecond: return "ms"
        case .microsecond: return "us"
        case .nanosecond: return "ns"
        }
    }

    /// How many of this unit make one second.
    public var perSecond: Int64 {
        switch self {
        case .second: return 1
        case .millisecond: return 1_000
        case .microsecond: return 1_000_000
        case .nanosecond: return 1_000_000_000
        }
    }
}
