import Foundation

/// An `ObjectStore` over a local folder: each key is a file path relative to `root`.
///
/// Writes go to a temporary file in `root/.sluice-tmp/` and are renamed onto their key when
/// committed, so readers see either the old object or the whole new one. Folders exist only as
/// long as they hold objects, as in S3: deleting the last object of a folder removes the folder.
///
/// File access is blocking; each call does a bounded amount of work (one listing page, one read).
///
/// Symbolic links: keys are checked lexically (`ObjectKeyRules`), so a key never names a path
/// outside the root by itself. Symbolic links that the lake's owner placed inside the root are
/// followed on purpose, by listing, reading and writing alike: a lake can spread over several
/// disks that way. Whoever can create links inside the root can therefore point keys anywhere;
/// the store does not defend against its own owner. Deleting an object removes the file at the key
/// (a link, not its target), and never removes a linked folder. Writes into a linked folder on
/// another file system fail: the temporary file in `.sluice-tmp/` cannot be renamed across file
/// systems. A link that loops is skipped by listings.
public struct LocalObjectStore: ObjectStore {
    /// The name of the folder below the root that holds writes in progress. It never appears in
    /// listings and cannot be used as (the first segment of) a key, in any letter case.
    public static let temporaryFolderName = ".sluice-tmp"

    /// The default and maximum number of entries on a listing page, as in S3.
    public static let defaultPageSize = 1000

    /// The store's root folder.
    public let root: URL
    /// The most objects and common prefixes `listPage` returns at once.
    public let pageSize: Int
    /// The root folder's absolute path, without a trailing `/`.
    let rootPath: String

    /// A store over the folder at `root`, which need not exist yet (it is created by the first write).
    /// `pageSize` is clamped to at least 1.
    public init(root: URL, pageSize: Int = LocalObjectStore.defaultPageSize) {
        let standardized = root.standardizedFileURL
        var path = standardized.path
        while path.count > 1, path.hasSuffix("/") {
            path.removeLast()
        }
        self.root = standardized
        self.rootPath = path
        self.pageSize = max(1, pageSize)
    }

    /// A store over the folder at `path`; a relative path is resolved against the current directory.
    public init(path: String, pageSize: Int = LocalObjectStore.defaultPageSize) {
        self.init(root: URL(fileURLWithPath: path, isDirectory: true), pageSize: pageSize)
    }

    /// `file://` and the root's absolute path, e.g. `file:///data/lake`.
    public var displayLocation: String { "file://" + rootPath }

    // MARK: Key validation

    /// Throws `StorageError.invalidKey` unless `key` is a valid key for this store: the common
    /// `ObjectKeyRules`, and not inside the temporary folder.
    public static func validate(key: String) throws(StorageError) {
        try ObjectKeyRules.validate(key: key)
        try rejectTemporaryFolder(key)
    }

    /// Throws `StorageError.invalidKey` unless `prefix` is a valid listing prefix (`""`, a folder
    /// such as `results/job1/`, or a partial key such as `events/dt=2026`): the common
    /// `ObjectKeyRules`, and not inside the temporary folder.
    public static func validate(keyPrefix prefix: String) throws(StorageError) {
        try ObjectKeyRules.validate(keyPrefix: prefix)
        // A partial first segment such as `.sluice` is harmless: the walk skips the folder.
        if prefix.utf8.contains(UInt8(ascii: "/")) {
            try rejectTemporaryFolder(prefix)
        }
    }

    private static func rejectTemporaryFolder(_ key: String) throws(StorageError) {
        if let first = ObjectKeyRules.segments(of: key).first, isTemporaryFolderName(first) {
            throw .invalidKey(
                key: key, reason: "is inside '\(temporaryFolderName)/', which is reserved for writes in progress")
        }
    }

    /// Whether a first key segment (or a name in the root folder) is the temporary folder.
    /// Compared ignoring case: on a case-insensitive volume (the macOS default) `.SLUICE-TMP/x`
    /// is a file in the temporary folder.
    static func isTemporaryFolderName(_ name: some StringProtocol) -> Bool {
        // Case folding rather than lowercasing, as such volumes do: it also maps `ſ` to `s`.
        name.folding(options: [.caseInsensitive], locale: nil).utf8Equals(temporaryFolderName)
    }

    /// The file path for a key, after validating it.
    func path(for key: String) throws(StorageError) -> String {
        try Self.validate(key: key)
        let path = rootPath == "/" ? "/" + key : rootPath + "/" + key
        // Validated keys cannot leave the root lexically; this re-checks the joined path in case the
        // key rules ever change. It does not resolve symbolic links, which are followed on purpose
        // (see the type's documentation).
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.path
        let rootWithSlash = rootPath == "/" ? "/" : rootPath + "/"
        guard resolved.utf8HasPrefix(rootWithSlash), resolved.utf8.count > rootWithSlash.utf8.count else {
            throw .pathEscapesRoot(key: key, root: displayLocation)
        }
        return path
    }

    var temporaryFolderPath: String {
        rootPath == "/" ? "/" + Self.temporaryFolderName : rootPath + "/" + Self.temporaryFolderName
    }

    func ioError(_ operation: String, _ key: String, _ failure: FileSystemFailure) -> StorageError {
        .io(operation: operation, location: displayLocation, key: key, reason: failure.reason)
    }

    // MARK: ObjectStore

    public func listPage(prefix: String, delimiter: String?, continuationToken: String?) async throws
        -> ObjectListPage
    {
        try Self.validate(keyPrefix: prefix)
        var walk = LocalListingWalk(
            rootPath: rootPath,
            prefix: prefix,
            delimiter: delimiter,
            after: continuationToken,
            limit: pageSize + 1
        )
        do {
            try walk.run()
        } catch {
            throw ioError("list", prefix, error)
        }
        var items = walk.items
        var token: String?
        if items.count > pageSize {
            items.removeLast(items.count - pageSize)
            token = items.last?.key
        }
        var page = ObjectListPage(objects: [], commonPrefixes: [], continuationToken: token)
        for item in items {
            switch item {
            case .object(let info): page.objects.append(info)
            case .commonPrefix(let prefix): page.commonPrefixes.append(prefix)
            }
        }
        return page
    }

    public func head(_ key: String) async throws -> ObjectInfo? {
        let path = try path(for: key)
        do {
            guard let status = try LocalFileSystem.status(atPath: path), status.kind == .file else { return nil }
            return ObjectInfo(key: key, size: status.size, lastModified: status.modified)
        } catch {
            throw ioError("inspect", key, error)
        }
    }

    public func get(_ key: String, range: Range<Int64>?) async throws -> [UInt8] {
        let path = try path(for: key)
        let opened: (descriptor: Int32, status: FileStatus)?
        do {
            opened = try LocalFileSystem.openRegularFileForReading(atPath: path)
        } catch {
            throw ioError("open", key, error)
        }
        guard let (descriptor, status) = opened else {
            throw StorageError.notFound(location: displayLocation, key: key)
        }
        defer { LocalFileSystem.closeFile(descriptor) }
        // The size of the file we opened, even if its key is replaced meanwhile.
        let size = status.size
        let lower = min(max(range?.lowerBound ?? 0, 0), size)
        let upper = min(max(range?.upperBound ?? size, lower), size)
        guard upper > lower else { return [] }
        do {
            return try LocalFileSystem.read(descriptor: descriptor, offset: lower, count: Int(upper - lower))
        } catch {
            throw ioError("read", key, error)
        }
    }

    public func makeWriter(for key: String) async throws -> any ObjectWriter {
        let finalPath = try path(for: key)
        do {
            try LocalFileSystem.makeDirectories(atPath: temporaryFolderPath)
            let temporaryPath = temporaryFolderPath + "/" + UUID().uuidString.lowercased() + ".tmp"
            let handle = try LocalFileSystem.createExclusively(atPath: temporaryPath)
            return LocalObjectWriter(
                key: key,
                location: displayLocation,
                handle: handle,
                temporaryPath: temporaryPath,
                finalPath: finalPath
            )
        } catch {
            throw ioError("start writing", key, error)
        }
    }

    public func delete(_ key: String) async throws {
        let path = try path(for: key)
        do {
            // A key that is a folder on disk is not an object; never remove folders here.
            guard try LocalFileSystem.status(atPath: path)?.kind == .file else { return }
            try LocalFileSystem.removeFile(atPath: path)
        } catch {
            throw ioError("delete", key, error)
        }
        removeEmptyFolders(above: key)
    }

    /// Removes the key's parent folders that are now empty, deepest first, up to but not including
    /// the root. `rmdir` only removes empty folders, so a concurrent write into one is safe: it
    /// either keeps the folder or (see `LocalObjectWriter.commit`) recreates it.
    private func removeEmptyFolders(above key: String) {
        var segments = ObjectKeyRules.segments(of: key)
        segments.removeLast()
        while !segments.isEmpty {
            let folder = rootPath + "/" + segments.joined(separator: "/")
            guard LocalFileSystem.removeEmptyDirectory(atPath: folder) else { return }
            segments.removeLast()
        }
    }

    /// Every call opens and closes its own files; this only removes the temporary folder when no
    /// write left anything in it, so a `sluice cp` into a folder leaves just the objects.
    public func shutdown() async throws {
        _ = LocalFileSystem.removeEmptyDirectory(atPath: rootPath + "/" + Self.temporaryFolderName)
    }
}
