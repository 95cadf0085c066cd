/// The objects under a prefix as an async sequence that fetches one page at a time, so a listing
/// of millions of keys never sits in memory at once.
public struct ObjectListing: AsyncSequence, Sendable {
    public typealias Element = ObjectInfo

    let store: any ObjectStore
    let prefix: String

    public struct AsyncIterator: AsyncIteratorProtocol {
        let store: any ObjectStore
        let prefix: String
        var buffered: [ObjectInfo] = []
        var position = 0
        var token: String?
        var finished = false

        public mutating func next() async throws -> ObjectInfo? {
            while position == buffered.count {
                if finished { return nil }
                let page = try await store.listPage(prefix: prefix, delimiter: nil, continuationToken: token)
                buffered = page.objects
                position = 0
                token = page.continuationToken
                finished = token == nil
            }
            defer { position += 1 }
            return buffered[position]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(store: store, prefix: prefix)
    }
}
