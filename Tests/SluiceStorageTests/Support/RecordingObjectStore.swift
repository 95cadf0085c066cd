import SluiceStorage

/// Wraps a store and records every call, to check how often and in which order it is used.
actor RecordingObjectStore: ObjectStore {
    enum Call: Equatable {
        case list(prefix: String, delimiter: String?)
        case head(String)
        case get(String)
        case makeWriter(String)
        case delete(String)
    }

    let base: any ObjectStore
    private(set) var calls: [Call] = []

    init(_ base: any ObjectStore) {
        self.base = base
    }

    nonisolated var displayLocation: String { base.displayLocation }

    var headCount: Int { calls.filter { if case .head = $0 { true } else { false } }.count }

    var deletedKeys: [String] {
        calls.compactMap { if case .delete(let key) = $0 { key } else { nil } }
    }

    func listPage(prefix: String, delimiter: String?, continuationToken: String?) async throws -> ObjectListPage {
        calls.append(.list(prefix: prefix, delimiter: delimiter))
        return try await base.listPage(prefix: prefix, delimiter: delimiter, continuationToken: continuationToken)
    }

    func head(_ key: String) async throws -> ObjectInfo? {
        calls.append(.head(key))
        return try await base.head(key)
    }

    func get(_ key: String, range: Range<Int64>?) async throws -> [UInt8] {
        calls.append(.get(key))
        return try await base.get(key, range: range)
    }

    func makeWriter(for key: String) async throws -> any ObjectWriter {
        calls.append(.makeWriter(key))
        return try await base.makeWriter(for: key)
    }

    func delete(_ key: String) async throws {
        calls.append(.delete(key))
        try await base.delete(key)
    }

    func shutdown() async throws {
        try await base.shutdown()
    }
}
