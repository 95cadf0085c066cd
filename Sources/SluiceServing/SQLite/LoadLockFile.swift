import Foundation
import Glibc

/// A loader lock held as an exclusive `flock` on a file beside the database. The kernel releases
/// it when the process dies, so a loader killed with `kill -9` never leaves a stale lock.
final class LoadLockFile: LoadLock, @unchecked Sendable {
    private let descriptor: Int32

    /// Takes the lock without waiting.
    ///
    /// - Throws: `ServingError.loadInProgress` naming who holds it (pid, host, since when).
    init(path: String, name: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ServingError.loadFailed(table: name, detail: "cannot open lock file \(path): \(Self.errnoText())")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw ServingError.loadInProgress(
                lock: name, holder: holder.flatMap { $0.isEmpty ? nil : $0 } ?? "lock \(path)")
        }
        self.descriptor = descriptor
        let holder = "pid \(getpid()) on \(ProcessInfo.processInfo.hostName) since \(Date().formatted(.iso8601))\n"
        ftruncate(descriptor, 0)
        _ = holder.utf8CString.withUnsafeBufferPointer { pwrite(descriptor, $0.baseAddress, $0.count - 1, 0) }
    }

    func release() async {
        ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
