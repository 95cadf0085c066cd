import SluiceCore

/// A failure of an object store or of the result-commit protocol, worded for the person running
/// Sluice: it names the store location and the key involved.
public enum StorageError: SluiceError, Equatable {
    /// The key (or key prefix) is not a valid object key, e.g. it is absolute or has a `..` segment.
    /// A configuration problem, caught before any I/O.
    case invalidKey(key: String, reason: String)
    /// The key, joined to the store's root folder, would lexically name a path outside it (symbolic
    /// links are not resolved for this check).
    case pathEscapesRoot(key: String, root: String)
    /// There is no object with this key.
    case notFound(location: String, key: String)
    /// The operating system or the remote store refused an operation.
    case io(operation: String, location: String, key: String, reason: String)
    /// A result run that looks complete does not match its `_SUCCESS` manifest.
    case corruptResult(location: String, key: String, reason: String)
    /// A pruning request that would delete every complete result.
    case invalidRetention(keep: Int)

    public var category: FailureCategory {
        switch self {
        case .invalidKey, .pathEscapesRoot, .invalidRetention:
            return .usage
        case .notFound, .io, .corruptResult:
            return .taskFailed
        }
    }

    /// What is wrong, without the location and key: for `invalidKey` a phrase about the key such
    /// as `contains a '..' segment, which could escape the store root`; otherwise the description.
    public var reason: String {
        switch self {
        case .invalidKey(_, let reason), .io(_, _, _, let reason), .corruptResult(_, _, let reason):
            return reason
        case .pathEscapesRoot, .notFound, .invalidRetention:
            return description
        }
    }

    public var description: String {
        switch self {
        case .invalidKey(let key, let reason):
            return "invalid object key \(key.debugDescription): \(reason)"
        case .pathEscapesRoot(let key, let root):
            return "object key \(key.debugDescription) resolves to a path outside the store root \(root)"
        case .notFound(let location, let key):
            return "no object \(key.debugDescription) in \(location)"
        case .io(let operation, let location, let key, let reason):
            return "could not \(operation) \(key.debugDescription) in \(location): \(reason)"
        case .corruptResult(let location, let key, let reason):
            return "result \(key.debugDescription) in \(location) is corrupt: \(reason)"
        case .invalidRetention(let keep):
            return "cannot prune results keeping \(keep) runs: keep at least 1 complete run"
        }
    }
}
