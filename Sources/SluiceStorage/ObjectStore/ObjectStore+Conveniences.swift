extension ObjectStore {
    /// The whole object.
    public func get(_ key: String) async throws -> [UInt8] {
        try await get(key, range: nil)
    }

    /// Writes a whole object atomically.
    public func put(_ key: String, bytes: [UInt8]) async throws {
        let writer = try await makeWriter(for: key)
        do {
            try await writer.write(bytes)
            try await writer.commit()
        } catch {
            await writer.abort()
            throw error
        }
    }

    /// All objects under `prefix`, page after page.
    public func list(prefix: String) -> ObjectListing {
        ObjectListing(store: self, prefix: prefix)
    }

    /// All objects under `prefix` and, with a delimiter, the "folders" directly below it.
    public func listAll(prefix: String, delimiter: String? = nil) async throws -> ObjectListPage {
        var result = ObjectListPage(objects: [])
        var token: String?
        repeat {
            let page = try await listPage(prefix: prefix, delimiter: delimiter, continuationToken: token)
            result.objects += page.objects
            result.commonPrefixes += page.commonPrefixes
            token = page.continuationToken
        } while token != nil
        return result
    }
}
