import NIOCore

/// How one statement runs: consistency, paging, its timestamp, and whether it may be retried.
public struct CQLStatementOptions: Sendable {
    public var consistency: CQLConsistency
    /// For lightweight transactions.
    public var serialConsistency: CQLConsistency?
    /// Rows per page; nil leaves it to the server.
    public var pageSize: Int?
    /// Microseconds since 1970 for the writes; nil lets the server choose.
    public var timestamp: Int64?
    /// A statement that gives the same result when applied twice may be retried on another host
    /// after a timeout or a lost connection. Others are retried only where the server says it did
    /// not apply them.
    public var isIdempotent: Bool
    /// How long to wait for each attempt's response.
    public var timeout: TimeAmount

    public init(
        consistency: CQLConsistency = .localQuorum, serialConsistency: CQLConsistency? = nil, pageSize: Int? = 5000,
        timestamp: Int64? = nil, isIdempotent: Bool = false, timeout: TimeAmount = .seconds(12)
    ) {
        self.consistency = consistency
        self.serialConsistency = serialConsistency
        self.pageSize = pageSize
        self.timestamp = timestamp
        self.isIdempotent = isIdempotent
        self.timeout = timeout
    }

    func parameters(_ values: [CQLBoundValue], pagingState: [UInt8]? = nil) -> CQLQueryParameters {
        CQLQueryParameters(
            consistency: consistency, values: values, pageSize: pageSize.map { Int32(clamping: $0) },
            pagingState: pagingState, serialConsistency: serialConsistency, timestamp: timestamp)
    }
}
