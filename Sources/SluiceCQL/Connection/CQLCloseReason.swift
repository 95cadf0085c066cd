import Synchronization

/// Why a connection closed, kept for the requests that arrive after: a write to a closed channel
/// otherwise fails with NIO's bare "I/O on closed channel".
final class CQLCloseReason: Sendable {
    private let reason = Mutex<CQLConnectionError?>(nil)

    /// The first reason recorded stays.
    func record(_ error: CQLConnectionError) {
        reason.withLock { if $0 == nil { $0 = error } }
    }

    var error: CQLConnectionError? { reason.withLock { $0 } }
}
