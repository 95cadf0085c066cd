import Foundation

/// A write to a `LocalObjectStore`: bytes are appended to a temporary file in the store's
/// `.sluice-tmp/` folder (so the final rename stays on one file system) and `commit()` renames it
/// onto the key's path, which is atomic: readers see the old object or the whole new one. Once
/// `commit()` returns, the object survives a crash or power loss.
///
/// An actor, so concurrent calls from async code are serialised.
public actor LocalObjectWriter: ObjectWriter {
    private enum State {
        case writing(FileHandle)
        case committed
        case aborted
    }

    /// The key being written.
    public nonisolated let key: String
    private let location: String
    private let temporaryPath: String
    private let finalPath: String
    private var state: State

    init(key: String, location: String, handle: FileHandle, temporaryPath: String, finalPath: String) {
        self.key = key
        self.location = location
        self.temporaryPath = temporaryPath
        self.finalPath = finalPath
        self.state = .writing(handle)
    }

    deinit {
        // A writer dropped without commit or abort must not leave its temporary file behind.
        if case .writing(let handle) = state {
            try? handle.close()
            _ = try? LocalFileSystem.removeFile(atPath: temporaryPath)
        }
    }

    /// Appends bytes to the temporary file.
    public func write(_ bytes: [UInt8]) async throws {
        let handle = try writingHandle(for: "write")
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw failure("write", FileSystemFailure(error))
        }
    }

    /// Flushes the temporary file to disk, creates the key's parent folders, renames the file onto
    /// the key and flushes the parent folder, so that the object is durable when this returns. On
    /// failure nothing is left behind and the writer cannot be used any more.
    public func commit() async throws {
        let handle = try writingHandle(for: "commit")
        do {
            // Durable before visible: a crash right after the rename must not leave an empty object.
            try handle.synchronize()
            try handle.close()
        } catch {
            discard()
            throw failure("commit", FileSystemFailure(error))
        }
        let parent = (finalPath as NSString).deletingLastPathComponent
        var attempt = 0
        while true {
            do {
                try LocalFileSystem.makeDirectories(atPath: parent)
                try LocalFileSystem.move(temporaryPath, replacing: finalPath)
                break
            } catch {
                // A concurrent delete may remove the parent folder once it looks empty, between
                // creating it and the rename: create it again.
                attempt += 1
                if error.isMissing && attempt < 5 { continue }
                discard()
                throw self.failure(
                    "commit", FileSystemFailure(code: error.code, reason: conflict(error) ?? error.reason))
            }
        }
        state = .committed
        do {
            // The rename is only durable once the folder holding the new name is flushed. The result
            // protocol relies on it: after a power loss, a `_SUCCESS` marker must never be there
            // while a part committed before it is not. (A folder created just now may itself be lost
            // on power loss, but then everything in it is lost together, the marker included.)
            try LocalFileSystem.synchronizeDirectory(atPath: parent)
        } catch {
            // The object is visible but may not survive a power loss: report the commit as failed so
            // that nothing (such as a marker) is built on it, and remove the object rather than leave
            // it behind, as a failed commit promises.
            _ = try? LocalFileSystem.removeFile(atPath: finalPath)
            throw self.failure("commit", error)
        }
    }

    /// Why the key cannot be a file here, if another object is in the way (S3 allows both `a` and
    /// `a/b`, a file system does not) or the key's folder is a link to another file system.
    private func conflict(_ error: FileSystemFailure) -> String? {
        if error.code == EXDEV {
            return "its folder is on another file system than the store's temporary folder "
                + "'\(LocalObjectStore.temporaryFolderName)/' (a symbolic link to another disk?), "
                + "so the finished file cannot be moved into place"
        }
        if (try? LocalFileSystem.status(atPath: finalPath))?.kind == .directory {
            return "\(key.debugDescription) is a folder holding other objects"
        }
        let segments = ObjectKeyRules.segments(of: key).dropLast()
        let rootPath = String(decoding: finalPath.utf8.dropLast(key.utf8.count), as: UTF8.self)
        for count in segments.indices {
            let ancestor = segments[...count].joined(separator: "/")
            if (try? LocalFileSystem.status(atPath: rootPath + ancestor))?.kind == .file {
                return "\(ancestor.debugDescription) is an object, so it cannot also be a folder"
            }
        }
        return nil
    }

    /// Closes and deletes the temporary file. Does nothing after `commit()` or a previous `abort()`.
    public func abort() async {
        if case .writing(let handle) = state {
            try? handle.close()
            discard()
        }
    }

    /// The temporary file's handle while the write is in progress; throws once it was committed or
    /// aborted.
    private func writingHandle(for operation: String) throws -> FileHandle {
        switch state {
        case .writing(let handle):
            return handle
        case .committed:
            throw StorageError.io(
                operation: operation, location: location, key: key, reason: "the write was already committed")
        case .aborted:
            throw StorageError.io(
                operation: operation, location: location, key: key, reason: "the write was aborted")
        }
    }

    private func discard() {
        state = .aborted
        _ = try? LocalFileSystem.removeFile(atPath: temporaryPath)
    }

    private func failure(_ operation: String, _ failure: FileSystemFailure) -> StorageError {
        .io(operation: operation, location: location, key: key, reason: failure.reason)
    }
}
