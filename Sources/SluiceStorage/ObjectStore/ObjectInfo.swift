import Foundation

/// One object in a store: its key (a `/`-separated path relative to the store's root), size and
/// modification time.
public struct ObjectInfo: Sendable, Hashable {
    public var key: String
    public var size: Int64
    public var lastModified: Date

    public init(key: String, size: Int64, lastModified: Date) {
        self.key = key
        self.size = size
        self.lastModified = lastModified
    }
}
