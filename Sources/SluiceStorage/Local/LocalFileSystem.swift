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

    /// Resolving the path met too many symbolic links, usually a link that points to itself.
    var isSymbolicLinkLoop: Bool { code == ELOOP }
}

/// What `stat` says about a path (following symbolic links).
struct FileStatus {
    enum Kind {
        case file
        case directory
        case other
    }

    /// Names a file or folder whatever path reaches it, so a walk can tell when a symbolic link
    /// leads back into a folder it is already inside.
    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    var kind: Kind
    var size: Int64
    var modified: Date
    var identity: Identity

    init(_ info: stat) {
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
        modified = Date(
            timeIntervalSince1970: TimeInterval(time.tv_sec) + TimeInterval(time.tv_nsec) / 1_000_000_000
        )
        size = Int64(info.st_size)
        // `dev_t` is signed on Darwin: keep the bits, as only equality matters.
        identity = Identity(
            device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))
    }
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
        return FileStatus(info)
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

    /// Flushes a folder's entries to disk. A rename is only durable once the folder that now holds
    /// the name is: `fsync` on the file itself does not cover its directory entry.
    static func synchronizeDirectory(atPath path: String) throws(FileSystemFailure) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemFailure(code: errno) }
        defer { close(descriptor) }
        while fsync(descriptor) != 0 {
            if errno != EINTR { throw FileSystemFailure(code: errno) }
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

    /// Opens a regular file for reading and returns its descriptor (the caller closes it) and its
    /// status, or `nil` if there is no regular file at `path`.
    static func openRegularFileForReading(atPath path: String) throws(FileSystemFailure) -> (Int32, FileStatus)? {
        // O_NONBLOCK so that a FIFO at the path cannot block the open; it is rejected below, and the
        // flag has no effect on reading a regular file.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let failure = FileSystemFailure(code: errno)
            if failure.isMissing { return nil }
            throw failure
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let failure = FileSystemFailure(code: errno)
            close(descriptor)
            throw failure
        }
        let status = FileStatus(info)
        guard status.kind == .file else {
            close(descriptor)
            return nil
        }
        return (descriptor, status)
    }

    /// Closes a descriptor from `openRegularFileForReading`. Errors are ignored: nothing was written.
    static func closeFile(_ descriptor: Int32) {
        _ = close(descriptor)
    }

    /// Up to `count` bytes from `offset` of an open file, read straight into the returned array;
    /// fewer only if the file ends first.
    static func read(descriptor: Int32, offset: Int64, count: Int) throws(FileSystemFailure) -> [UInt8] {
        guard count > 0 else { return [] }
        var failure: FileSystemFailure?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            initializedCount = 0
            guard let base = buffer.baseAddress else { return }
            while initializedCount < count {
                let result = pread(
                    descriptor, base + initializedCount, count - initializedCount,
                    off_t(offset) + off_t(initializedCount))
                if result > 0 {
                    initializedCount += result
                } else if result == 0 {
                    return  // End of file.
                } else if errno != EINTR {
                    failure = FileSystemFailure(code: errno)
                    return
                }
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Creates a new, empty file that must not exist yet, open for writing.
    static func createExclusively(atPath path: String) throws(FileSystemFailure) -> FileHandle {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemFailure(code: errno) }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
