import Foundation
import SluiceStorage

/// Runs `body` with a fresh, empty folder that is removed afterwards.
func withTemporaryDirectory(_ body: (URL) async throws -> Void) async throws {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("sluice-storage-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    try await body(url)
}

/// Runs `body` with a `LocalObjectStore` over a fresh, empty folder that is removed afterwards.
func withTemporaryStore(
    pageSize: Int = LocalObjectStore.defaultPageSize, _ body: (LocalObjectStore) async throws -> Void
)
    async throws
{
    try await withTemporaryDirectory { url in
        try await body(LocalObjectStore(root: url, pageSize: pageSize))
    }
}

extension ObjectStore {
    /// Writes a small object whose content is its key.
    func put(_ key: String) async throws {
        try await put(key, bytes: Array(key.utf8))
    }

    /// Every key under `prefix`, page after page.
    func allKeys(prefix: String = "") async throws -> [String] {
        try await listAll(prefix: prefix).objects.map(\.key)
    }
}

/// Whether something (file or folder) exists at `path` below `root`.
func existsOnDisk(_ root: URL, _ path: String) -> Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
}

/// The names in the store's temporary folder (empty if it does not exist).
func temporaryFiles(of store: LocalObjectStore) -> [String] {
    let path = store.root.appendingPathComponent(LocalObjectStore.temporaryFolderName).path
    return (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
}
