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
        try walk(folderKey: folderKey)
    }

    /// `folderKey` is `""` for the root or ends with `/`.
    private mutating func walk(folderKey: String) throws(FileSystemFailure) {
        guard let names = try LocalFileSystem.contents(ofDirectory: path(of: folderKey)) else { return }
        let candidates =
            names
            .filter { isCandidate(name: $0, in: folderKey) }
            .sorted { $0.utf8Precedes($1) }
        // A folder `x` sorts as `x/`, so it comes after siblings such as `x-1` or `x.txt`. Names are
        // visited in byte order and folders wait on this stack (smallest on top) until nothing that
        // sorts before them is left; only then is the folder's subtree walked.
        var pendingFolders: [String] = []
        for name in candidates {
            if isFull { return }
            let key = folderKey + name
            guard let status = try LocalFileSystem.status(atPath: path(of: key)) else { continue }
            let sortKey: String
            switch status.kind {
            case .file: sortKey = key
            case .directory: sortKey = key + "/"
            case .other: continue
            }
            while let top = pendingFolders.last, top.utf8Precedes(sortKey) {
                pendingFolders.removeLast()
                try visit(folder: top)
                if isFull { return }
            }
            if status.kind == .directory {
                pendingFolders.append(sortKey)
            } else if key.utf8HasPrefix(prefix) {
                visit(object: ObjectInfo(key: key, size: status.size, lastModified: status.modified))
            }
        }
        while let top = pendingFolders.popLast(), !isFull {
            try visit(folder: top)
        }
    }

    /// Whether the entry `name` in the folder can hold (or be) a key to collect, judged by its name
    /// alone so that irrelevant entries cost no `stat`.
    private func isCandidate(name: String, in folderKey: String) -> Bool {
        // The store's temporary files are not objects; names with a backslash cannot be keys.
        if folderKey.isEmpty && name == LocalObjectStore.temporaryFolderName { return false }
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

    /// `folderKey` ends with `/`.
    private mutating func visit(folder folderKey: String) throws(FileSystemFailure) {
        // When the delimiter occurs within the folder's own path, every key below it rolls up into
        // the same common prefix: report it (if the folder holds any object) without walking it.
        if folderKey.utf8HasPrefix(prefix), let rolledUp = commonPrefix(of: folderKey) {
            if isAlreadyCovered(rolledUp) { return }
            if try containsObject(folderKey: folderKey) {
                append(.commonPrefix(rolledUp))
            }
            return
        }
        try walk(folderKey: folderKey)
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

    /// Whether some regular file lies anywhere below the folder (S3 has no empty folders).
    private func containsObject(folderKey: String) throws(FileSystemFailure) -> Bool {
        guard let names = try LocalFileSystem.contents(ofDirectory: path(of: folderKey)) else { return false }
        var folders: [String] = []
        for name in names where !name.utf8.contains(UInt8(ascii: "\\")) {
            let key = folderKey + name
            switch try LocalFileSystem.status(atPath: path(of: key))?.kind {
            case .file: return true
            case .directory: folders.append(key + "/")
            case .other, nil: continue
            }
        }
        for folder in folders {
            if try containsObject(folderKey: folder) { return true }
        }
        return false
    }

    private func path(of key: String) -> String {
        key.isEmpty ? rootPath : rootPath + "/" + key
    }
}
