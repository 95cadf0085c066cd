import Foundation
import Logging
import Synchronization

/// A loader lock held as a lease row in `sluice_locks`: taken with a lightweight transaction,
/// renewed while held, and deleted on release. A holder that dies stops renewing, so its lease
/// runs out; one that died on this machine is taken over at once.
final class ScyllaLeaseLock: LoadLock {
    let name: String
    let owner: LeaseOwner
    private let store: ScyllaServingStore
    private let renewal: Mutex<Task<Void, Never>?>

    init(name: String, owner: LeaseOwner, store: ScyllaServingStore) {
        self.name = name
        self.owner = owner
        self.store = store
        renewal = Mutex(nil)
        let task = Task { [store] in
            let interval = store.configuration.lockLease / 3
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(interval))
                if Task.isCancelled { return }
                do {
                    guard try await store.renewLease(name, owner: owner) else {
                        store.logger.warning(
                            "lost the loader lock: another process took it over", metadata: ["lock": "\(name)"])
                        return
                    }
                } catch {
                    store.logger.warning(
                        "could not renew the loader lock; trying again",
                        metadata: ["lock": "\(name)", "error": "\(error)"])
                }
            }
        }
        renewal.withLock { $0 = task }
    }

    func release() async {
        renewal.withLock { $0 }?.cancel()
        // When this fails the lease runs out by itself.
        try? await store.releaseLease(name, owner: owner)
    }
}

/// Who holds a lease: `host pid N nonce`, so another loader on the same machine can tell a dead
/// holder from a live one.
struct LeaseOwner: Sendable, Hashable, CustomStringConvertible {
    var host: String
    var pid: Int32
    var nonce: String

    static func current() -> LeaseOwner {
        LeaseOwner(
            host: ProcessInfo.processInfo.hostName, pid: ProcessInfo.processInfo.processIdentifier,
            nonce: String(UUID().uuidString.prefix(8)).lowercased())
    }

    init(host: String, pid: Int32, nonce: String) {
        self.host = host
        self.pid = pid
        self.nonce = nonce
    }

    init?(parsing text: String) {
        let parts = text.split(separator: " ")
        guard parts.count == 4, parts[1] == "pid", let pid = Int32(parts[2]) else { return nil }
        self.init(host: String(parts[0]), pid: pid, nonce: String(parts[3]))
    }

    var description: String { "\(host) pid \(pid) \(nonce)" }

    /// Whether this holder is a process of this machine that no longer runs.
    var diedOnThisMachine: Bool {
        guard host == ProcessInfo.processInfo.hostName, pid > 0 else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
