/// The stream ids of one connection: each request in flight holds one until its response arrives,
/// so up to 32,768 requests share the connection (v4 §2.3). The most recently freed id is reused
/// first.
public struct CQLStreamIDs: Sendable {
    public static let limit = 32_768

    private var free: [Int16]
    public private(set) var inFlight = 0

    public init(limit: Int = CQLStreamIDs.limit) {
        let count = min(max(limit, 1), Self.limit)
        free = (0..<count).reversed().map { Int16($0) }
    }

    /// A free id, or nil when every id is in flight (the caller queues the request).
    public mutating func acquire() -> Int16? {
        guard let id = free.popLast() else { return nil }
        inFlight += 1
        return id
    }

    /// Returns an id whose response arrived.
    public mutating func release(_ id: Int16) {
        free.append(id)
        inFlight -= 1
    }
}
