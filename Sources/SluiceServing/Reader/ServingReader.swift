import Foundation

/// Looks keys up in a serving table the way every reader must: read the pointer at most once per
/// TTL, then query the physical table it names.
///
/// Concurrent callers share one in-flight pointer refresh. A batch of keys is answered from one
/// physical table under one pointer version. After a flip, readers move within one TTL.
public actor ServingReader {
    public nonisolated let store: any ServingStore
    public nonisolated let table: String
    public nonisolated let pointerTTL: Duration

    private var cached: (pointer: ServingPointer, readAt: ContinuousClock.Instant)?
    private var refresh: Task<ServingPointer, any Error>?
    /// How many times the pointer was read from the store.
    public private(set) var pointerReads = 0
    /// How many lookups were answered from the cached pointer (or a read already under way).
    public private(set) var cacheHits = 0

    public init(store: any ServingStore, table: String, pointerTTL: Duration = .seconds(1)) {
        self.store = store
        self.table = table
        self.pointerTTL = pointerTTL
    }

    /// The pointer, from the cache while it is younger than the TTL.
    public func pointer() async throws -> ServingPointer {
        let now = ContinuousClock.now
        if let cached, now - cached.readAt < pointerTTL {
            cacheHits += 1
            return cached.pointer
        }
        if let refresh {
            // Waiting for another caller's read counts as a hit: this caller read nothing.
            cacheHits += 1
            return try await refresh.value
        }
        let store = store
        let table = table
        let task = Task<ServingPointer, any Error> {
            guard let pointer = try await store.pointer(of: table) else { throw ServingError.notServing(table: table) }
            return pointer
        }
        refresh = task
        pointerReads += 1
        defer { refresh = nil }
        let pointer = try await task.value
        // The TTL runs from when the read started: a reader never trusts a pointer for longer.
        cached = (pointer, now)
        return pointer
    }

    /// Looks up one key (one text value per key column).
    public nonisolated func get(_ key: [String]) async throws -> ServingLookup {
        try await getMany([key])
    }

    /// Looks up many keys under one pointer version.
    public nonisolated func getMany(_ keys: [[String]]) async throws -> ServingLookup {
        let pointer = try await pointer()
        let (columns, rows) = try await store.lookup(physicalTable: pointer.activeTable, keys: keys)
        return ServingLookup(
            table: table, physicalTable: pointer.activeTable, version: pointer.version, columns: columns, rows: rows)
    }
}
