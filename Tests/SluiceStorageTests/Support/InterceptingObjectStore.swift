import SluiceStorage

/// Wraps a store and runs `beforeListing` with the prefix of every listing call before passing
/// it on, to simulate another process changing the store at exactly that moment.
struct InterceptingObjectStore: ObjectStore {
    let base: any ObjectStore
    let beforeListing: @Sendable (String) async throws -> Void

    init(_ base: any ObjectStore, beforeListing: @escaping @Sendable (String) async throws -> Void) {
        self.base = base
        self.beforeListing = beforeListing
    }

    var displayLocation: String { base.displayLocation }

    func listPage(prefix: String, delimiter: String?, continuationToken: String?) async throws -> ObjectListPage {
        try await beforeListing(prefix)
        return try await base.listPage(prefix: prefix, delimiter: delimiter, continuationToken: continuationToken)
    }

    func head(_ key: String) async throws -> ObjectInfo? {
        try await base.head(key)
    }

    func get(_ key: String, range: Range<Int64>?) async throws -> [UInt8] {
        try await base.get(key, range: range)
    }

    func makeWriter(for key: String) async throws -> any ObjectWriter {
        try await base.makeWriter(for: key)
    }

    func delete(_ key: String) async throws {
        try await base.delete(key)
    }

    func shutdown() async throws {
        try await base.shutdown()
    }
}
