/// Which slice of a result one loader writes: shard `index` of `count` (1-based) takes the part
/// files whose position in key order is `index - 1` modulo `count`.
public struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public static let whole = ShardSpec(uncheckedIndex: 1, count: 1)

    public init(index: Int, count: Int) throws(ServingError) {
        guard count >= 1, (1...count).contains(index) else { throw .invalidShard("\(index)/\(count)") }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    public init(parsing text: String) throws(ServingError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw .invalidShard(text)
        }
        do {
            try self.init(index: index, count: count)
        } catch {
            throw .invalidShard(text)
        }
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public var isWhole: Bool { count == 1 }

    public func owns(partAt position: Int) -> Bool { position % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
}
