/// The rules every Sluice object key follows, whatever the store: a relative, `/`-separated path
/// with no empty, `.` or `..` segments, no backslash and no NUL. These are lexical rules: a key
/// that follows them cannot, by its text alone, name anything outside a store's root or bucket.
/// They say nothing about what is on disk: `LocalObjectStore` follows symbolic links placed
/// inside its root, which may lead elsewhere (see its documentation).
///
/// Config validation can call these before any I/O, for any kind of store; a driver may add rules
/// of its own (`LocalObjectStore` reserves its temporary folder).
public enum ObjectKeyRules {
    /// Throws `StorageError.invalidKey` unless `key` names one object.
    public static func validate(key: String) throws(StorageError) {
        if key.isEmpty {
            throw .invalidKey(key: key, reason: "is empty")
        }
        if key.utf8.last == slash {
            throw .invalidKey(key: key, reason: "ends with '/', which names a folder, not an object")
        }
        try validateSegments(of: key, isPrefix: false)
    }

    /// Throws `StorageError.invalidKey` unless `prefix` is a valid listing prefix: empty (the whole
    /// store), a folder such as `results/job1/`, or a partial key such as `events/dt=2026`.
    ///
    /// The check every store driver shares (local folders and S3 alike), with no I/O; the error's
    /// `category` is `.usage`.
    public static func validate(keyPrefix prefix: String) throws(StorageError) {
        if prefix.isEmpty { return }
        try validateSegments(of: prefix, isPrefix: true)
    }

    /// The segments of a valid key or prefix (a prefix ending in `/` has an empty last segment).
    static func segments(of key: String) -> [Substring] {
        key.split(separator: "/", omittingEmptySubsequences: false)
    }

    private static let slash = UInt8(ascii: "/")

    private static func validateSegments(of key: String, isPrefix: Bool) throws(StorageError) {
        if key.utf8.first == slash {
            throw .invalidKey(key: key, reason: "starts with '/', but keys are relative to the store root")
        }
        if key.utf8.contains(UInt8(ascii: "\\")) {
            throw .invalidKey(key: key, reason: "contains a backslash; separate folders with '/'")
        }
        if key.utf8.contains(0) {
            throw .invalidKey(key: key, reason: "contains a NUL character")
        }
        var segments = segments(of: key)
        // A prefix may end with '/', which leaves one empty segment at the end: that is fine.
        if isPrefix, segments.count > 1, segments.last?.isEmpty == true {
            segments.removeLast()
        }
        for segment in segments {
            switch segment {
            case "":
                throw .invalidKey(key: key, reason: "contains an empty segment ('//')")
            case ".":
                throw .invalidKey(key: key, reason: "contains a '.' segment")
            case "..":
                throw .invalidKey(key: key, reason: "contains a '..' segment, which could escape the store root")
            default:
                continue
            }
        }
    }
}
