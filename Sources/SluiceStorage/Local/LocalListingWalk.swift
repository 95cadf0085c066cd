/// One entry of a listing page: an object, or a common prefix that stands for many.
enum ListingItem {
    case object(ObjectInfo)
    case commonPrefix(String)

    /// The key or prefix; the continuation token is the last one on a page.
    var key: String {
        switch self {
        case .object(let info): return info.key
        case .commonPrefix(let prefix): return prefix
        }
    }
}

/// Walks a store's folders in key order (by UTF-8 bytes) to collect one listing page, visiting
/// only the folders that can hold keys after the continuation token that start with the prefix.
///
/// Symbolic links are followed (see `LocalObjectStore`), with two exceptions so that one bad link
/// cannot break or hang every listing: an entry whose `stat` fails with `ELOOP` (a link that
/// points to itself, or a chain too long to resolve) is skipped, and so is a linked folder that
/// is one of the folders the walk is already inside (a cycle, which would list the same keys
/// again and again under ever longer paths).
struct LocalListingWalk {
    /// The store's root folder, without a trailing `/`.
    let rootPath: String
    let prefix: String
    /// `nil` or a non-empty delimiter.
    let delimiter: String?
    /// Only items strictly after this key or prefix are collected.
    let after: String?
    /// Stop once this many items are collected.
    let limit: Int
    private(set) var items: [ListingItem] = []

    init(rootPath: String, prefix: String, delimiter: String?, after: String?, limit: Int) {
        self.rootPath = rootPath
        self.prefix = prefix
        self.delimiter = delimiter?.isEmpty == true ? nil : delimiter
        self.after = after
        self.limit = limit
    }

    private var isFull: Bool { items.count >= limit }

    /// Collects the items.
    mutating func run() throws(FileSystemFailure) {
        // Only the folder that holds the prefix's last segment can contain matching keys:
        // for `a/b/c` that is `a/b/`.
        var folderKey = ""
        if let slash = prefix.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folderKey = String(decoding: prefix.utf8[...slash], as: UTF8.self)
        }
        // The folders from the root down to that one, so that a cycle is cut at the same place
        // whatever the prefix: a listing of `a/` never shows keys that a listing of the whole
        // store leaves out.
        var folderKeys = [""]
        for segment in ObjectKeyRules.segments(of: folderKey).dropLast() {
            folderKeys.append((folderKeys.last ?? "") + segment + "/")
        }
        var ancestors: [FileStatus.Identity] = []
        for key in folderKeys {
            guard let status = try entryStatus(key), status.kind == .directory,
                !ancestors.contains(status.identity)
            else { return }
            ancestors.append(status.identity)
        }
        try walk(folderKey: folderKey, ancestors: ancestors)
    }

    /// `folderKey` is `""` for the root or ends with `/`; `ancestors` are the identities of the
    /// folders walked to reach it, itself included.
    private mutating func walk(folderKey: String, ancestors: [FileStatus.Identity]) throws(FileSystemFailure) {
        guard let names = try LocalFileSystem.contents(ofDirectory: path(of: folderKey)) else { return }
        let candidates =
            names
            .filter { isCandidate(name: $0, in: folderKey) }
            .sorted { $0.utf8Precedes($1) }
        // A folder `x` sorts as `x/`, so it comes after siblings such as `x-1` or `x.txt`. Names are
        // visited in byte order and folders wait on this stack (smallest on top) until nothing that
        // sorts before them is left; only then is the folder's subtree walked.
        var pendingFolders: [(key: String, identity: FileStatus.Identity)] = []
        for name in candidates {
            if isFull { return }
            let key = folderKey + name
            guard let status = try entryStatus(key) else { continue }
            let sortKey: String
            switch status.kind {
            case .file: sortKey = key
            case .directory where ancestors.contains(status.identity): continue
            case .directory: sortKey = key + "/"
            case .other: continue
            }
            while let top = pendingFolders.last, top.key.utf8Precedes(sortKey) {
                pendingFolders.removeLast()
                try visit(folder: top.key, ancestors: ancestors + [top.identity])
                if isFull { return }
            }
            if status.kind == .directory {
                pendingFolders.append((sortKey, status.identity))
            } else if key.utf8HasPrefix(prefix) {
                visit(object: ObjectInfo(key: key, size: status.size, lastModified: status.modified))
            }
        }
        while let top = pendingFolders.popLast(), !isFull {
            try visit(folder: top.key, ancestors: ancestors + [top.identity])
        }
    }

    /// The status of the entry at `key`, or `nil` to skip it: nothing is there (any more), or it
    /// is a symbolic link that loops.
    private func entryStatus(_ key: String) throws(FileSystemFailure) -> FileStatus? {
        do {
            return try LocalFileSystem.status(atPath: path(of: key))
        } catch {
            // One looping link the owner left in the lake must not make every listing fail.
            if error.isSymbolicLinkLoop { return nil }
            throw error
        }
    }

    /// Whether the entry `name` in the folder can hold (or be) a key to collect, judged by its name
    /// alone so that irrelevant entries cost no `stat`.
    private func isCandidate(name: String, in folderKey: String) -> Bool {
        // The store's temporary files are not objects; names with a backslash cannot be keys.
        if folderKey.isEmpty && LocalObjectStore.isTemporaryFolderName(name) { return false }
        if name.utf8.contains(UInt8(ascii: "\\")) { return false }
        let asFolder = folderKey + name + "/"
        // As a file the key is `asFolder` minus the slash: if even the folder form cannot match the
        // prefix or come after the token, neither can the file (nor anything below the folder).
        guard asFolder.utf8HasPrefix(prefix) || prefix.utf8HasPrefix(asFolder) else { return false }
        if let after, asFolder.utf8Precedes(after), !after.utf8HasPrefix(asFolder) {
            return false
        }
        return true
    }

    private mutating func visit(object: ObjectInfo) {
        if let rolledUp = commonPrefix(of: object.key) {
            append(.commonPrefix(rolledUp))
        } else {
            append(.object(object))
        }
    }

    /// `folderKey` ends with `/`; `ancestors` end with the folder's own identity.
    private mutating func visit(folder folderKey: String, ancestors: [FileStatus.Identity])
        throws(FileSystemFailure)
    {
        // When the delimiter occurs within the folder's own path, every key below it rolls up into
        // the same common prefix: report it (if the folder holds any object) without walking it.
        if folderKey.utf8HasPrefix(prefix), let rolledUp = commonPrefix(of: folderKey) {
            if isAlreadyCovered(rolledUp) { return }
            if try containsObject(folderKey: folderKey, ancestors: ancestors) {
                append(.commonPrefix(rolledUp))
            }
            return
        }
        try walk(folderKey: folderKey, ancestors: ancestors)
    }

    /// The common prefix `key` rolls up into: the prefix plus everything up to and including the
    /// first delimiter after it.
    private func commonPrefix(of key: String) -> String? {
        guard let delimiter, key.utf8HasPrefix(prefix) else { return nil }
        let rest = key.utf8.dropFirst(prefix.utf8.count)
        guard let match = rest.firstRange(of: delimiter.utf8) else { return nil }
        return String(decoding: key.utf8[..<match.upperBound], as: UTF8.self)
    }

    private func isAlreadyCovered(_ key: String) -> Bool {
        if let after, !after.utf8Precedes(key) { return true }
        if let last = items.last, last.key.utf8Equals(key) { return true }
        return false
    }

    private mutating func append(_ item: ListingItem) {
        if isAlreadyCovered(item.key) { return }
        items.append(item)
    }

    /// Whether some regular file lies anywhere below the folder (S3 has no empty folders), with the
    /// same rules for symbolic links as the walk.
    private func containsObject(folderKey: String, ancestors: [FileStatus.Identity]) throws(FileSystemFailure)
        -> Bool
    {
        guard let names = try LocalFileSystem.contents(ofDirectory: path(of: folderKey)) else { return false }
        var folders: [(key: String, identity: FileStatus.Identity)] = []
        for name in names where !name.utf8.contains(UInt8(ascii: "\\")) {
            let key = folderKey + name
            guard let status = try entryStatus(key) else { continue }
            switch status.kind {
            case .file: return true
            case .directory where ancestors.contains(status.identity): continue
            case .directory: folders.append((key + "/", status.identity))
            case .other: continue
            }
        }
        for folder in folders {
            if try containsObject(folderKey: folder.key, ancestors: ancestors + [folder.identity]) { return true }
        }
        return false
    }

    private func path(of key: String) -> String {
        key.isEmpty ? rootPath : rootPath + "/" + key
    }
}
