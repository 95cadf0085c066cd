/// Copies objects between stores (a local folder and S3 either way, or two buckets), in chunks so
/// that an object never sits in memory whole, and several objects at a time.
public struct ObjectCopier: Sendable {
    /// Objects copied at once by `copyAll`.
    public var concurrency: Int
    /// Bytes read from the source per request.
    public var chunkSize: Int

    public init(concurrency: Int = 8, chunkSize: Int = 8 << 20) {
        self.concurrency = max(1, concurrency)
        self.chunkSize = max(1, chunkSize)
    }

    /// What a copy moved.
    public struct Summary: Sendable, Hashable {
        public var objects: Int
        public var bytes: Int64
    }

    /// Copies one object; the destination appears only when it is complete.
    /// - Throws: `StorageError.notFound` when the source has no such object.
    @discardableResult
    public func copy(
        from source: any ObjectStore, key sourceKey: String, to destination: any ObjectStore, key destinationKey: String
    ) async throws -> Int64 {
        guard let info = try await source.head(sourceKey) else {
            throw StorageError.notFound(location: source.displayLocation, key: sourceKey)
        }
        let writer = try await destination.makeWriter(for: destinationKey)
        do {
            var offset: Int64 = 0
            repeat {
                let end = min(info.size, offset + Int64(chunkSize))
                let bytes = try await source.get(sourceKey, range: offset..<end)
                guard bytes.count == Int(end - offset) else {
                    throw StorageError.io(
                        operation: "copy", location: source.displayLocation, key: sourceKey,
                        reason: "the object changed size while it was copied")
                }
                try await writer.write(bytes)
                offset = end
            } while offset < info.size
            try await writer.commit()
        } catch {
            await writer.abort()
            throw error
        }
        return info.size
    }

    /// Copies every object under `sourcePrefix` to the same relative key under `destinationPrefix`.
    public func copyAll(
        from source: any ObjectStore, prefix sourcePrefix: String, to destination: any ObjectStore,
        prefix destinationPrefix: String
    ) async throws -> Summary {
        var summary = Summary(objects: 0, bytes: 0)
        try await withThrowingTaskGroup(of: Int64.self) { group in
            var running = 0
            for try await object in source.list(prefix: sourcePrefix) {
                if running == concurrency {
                    summary.bytes += try await group.next() ?? 0
                    running -= 1
                }
                let target = destinationPrefix + object.key.dropFirst(sourcePrefix.count)
                group.addTask { try await copy(from: source, key: object.key, to: destination, key: target) }
                running += 1
                summary.objects += 1
            }
            for try await bytes in group { summary.bytes += bytes }
        }
        return summary
    }
}
