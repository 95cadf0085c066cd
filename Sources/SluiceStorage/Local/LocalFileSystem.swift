import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed file-system call: the OS error number (if any) and a readable reason.
struct FileSystemFailure: Error {
    var code: Int32?
    var reason: String

    init(code: Int32?, reason: String) {
        self.code = code
        self.reason = reason
    }

    init(code: Int32) {
        self.init(code: code, reason: String(cString: strerror(code)))
    }

    init(_ error: any Error) {
        if let failure = error as? FileSystemFailure {
            self = failure
        } else if let posix = error as? POSIXError {
            self.init(code: posix.code.rawValue)
        } else {
            // Foundation errors usually wrap the POSIX error that says what went wrong.
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            if let underlying, underlying.domain == NSPOSIXErrorDomain {
                self.init(code: Int32(underlying.code))
            } else {
                self.init(code: nil, reason: error.localizedDescription)
            }
        }
    }

    /// The path (or one of its parent folders) does not exist.
    var isMissing: Bool { code == ENOENT || code == ENOTDIR }
}

/// What `stat` says about a path (following symbolic links).
struct FileStatus {
    enum Kind {
        case file
        case directory
        case other
    }

    var kind: Kind
    var size: Int64
    var modified: Date
}

/// The few POSIX calls the local store needs, with errors as `FileSystemFailure`.
enum LocalFileSystem {
    /// The status of `path`, or `nil` if nothing is there.
    static func status(atPath path: String) throws(FileSystemFailure) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let failure = FileSystemFailure(code: errno)
            if failure.isMissing { return nil }
            throw failure
        }
        let kind: FileStatus.Kind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .directory
        default: kind = .other
        }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        let modified = Date(
            timeIntervalSince1970: TimeInterval(time.tv_sec) + TimeInterval(time.tv_nsec) / 1_000_000_000
        )
        return FileStatus(kind: kind, size: Int64(info.st_size), modified: modified)
    }

    /// The names in a folder, or `nil` if the folder does not exist (any more).
    static func contents(ofDirectory path: String) throws(FileSystemFailure) -> [String]? {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            // A concurrent delete may have just removed an empty folder: that is an empty listing.
            if try status(atPath: path)?.kind != .directory { return nil }
            throw FileSystemFailure(error)
        }
    }

    /// Creates a folder and its missing parents.
    static func makeDirectories(atPath path: String) throws(FileSystemFailure) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FileSystemFailure(error)
        }
    }

    /// Atomically replaces `destination` with `source` (same file system).
    static func move(_ source: String, replacing destination: String) throws(FileSystemFailure) {
        if rename(source, destination) != 0 {
            throw FileSystemFailure(code: errno)
        }
    }

    /// Removes a file. Returns `false` if there was none.
    @discardableResult
    static func removeFile(atPath path: String) throws(FileSystemFailure) -> Bool {
        if unlink(path) == 0 { return true }
        let failure = FileSystemFailure(code: errno)
        if failure.isMissing { return false }
        throw failure
    }

    /// Removes a folder only if it is empty; returns whether it did.
    static func removeEmptyDirectory(atPath path: String) -> Bool {
        rmdir(path) == 0
    }

    /// Creates a new, empty file that must not exist yet, open for writing.
    static func createExclusively(atPath path: String) throws(FileSystemFailure) -> FileHandle {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemFailure(code: errno) }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
