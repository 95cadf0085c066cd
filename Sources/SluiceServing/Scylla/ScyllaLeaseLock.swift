import Foundation
import Logging
import Synchronization

/// A loader lock held as a lease row in `sluice_locks`: taken with a lightweight transaction,
/// renewed while held, and deleted on release. A holder that dies stops renewing, so its lease
/// runs out; one that died on this machine is taken over at once.
///
/// The holder counts on the lease only until its last confirmed renewal runs out (less a margin):
/// `checkHeld` fails after that, or once another process has taken it over.
final class ScyllaLeaseLock: LoadLock {
    let name: String
    let owner: LeaseOwner
    private let store: ScyllaServingStore
    private let state: Mutex<(confirmedUntil: ContinuousClock.Instant, lost: Bool, renewal: Task<Void, Never>?)>

    /// `takenAt`: when the request that took the lease was sent, so the lease is counted from before
    /// the server granted it.
    init(name: String, owner: LeaseOwner, store: ScyllaServingStore, takenAt: ContinuousClock.Instant) {
        self.name = name
        self.owner = owner
        self.store = store
        let lease = store.configuration.lockLease
        state = Mutex((takenAt + .seconds(lease * 5 / 6), false, nil))
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(lease / 3))
                guard !Task.isCancelled, let self else { return }
                if await !self.renew() { return }
            }
        }
        state.withLock { $0.renewal = task }
    }

    /// Renews once; false when the lease is lost and renewing should stop.
    private func renew() async -> Bool {
        let sent = ContinuousClock.now
        do {
            guard try await store.renewLease(name, owner: owner) else {
                state.withLock { $0.lost = true }
                store.logger.warning(
                    "lost the loader lock: another process took it over", metadata: ["lock": "\(name)"])
                return false
            }
            state.withLock { $0.confirmedUntil = sent + .seconds(store.configuration.lockLease * 5 / 6) }
        } catch {
            store.logger.warning(
                "could not renew the loader lock; trying again", metadata: ["lock": "\(name)", "error": "\(error)"])
        }
        return true
    }

    func checkHeld() throws {
        let (confirmedUntil, lost, _) = state.withLock { $0 }
        guard !lost, ContinuousClock.now < confirmedUntil else { throw ServingError.lockLost(lock: name) }
    }

    func release() async {
        state.withLock { $0.renewal }?.cancel()
        // When this fails the lease runs out by itself.
        try? await store.releaseLease(name, owner: owner)
    }
}

/// Who holds a lease: `host pid N ns PIDNS boot BOOT nonce`. Another loader can tell a dead holder
/// from a live one only on the same machine, in the same pid namespace, since the same boot.
struct LeaseOwner: Sendable, Hashable, CustomStringConvertible {
    var host: String
    var pid: Int32
    var pidNamespace: String
    var boot: String
    var nonce: String

    static func current() -> LeaseOwner {
        LeaseOwner(
            host: ProcessInfo.processInfo.hostName, pid: ProcessInfo.processInfo.processIdentifier,
            pidNamespace: localPidNamespace, boot: localBoot, nonce: String(UUID().uuidString.prefix(8)).lowercased())
    }

    init(host: String, pid: Int32, pidNamespace: String, boot: String, nonce: String) {
        self.host = host
        self.pid = pid
        self.pidNamespace = pidNamespace
        self.boot = boot
        self.nonce = nonce
    }

    init?(parsing text: String) {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count == 8, parts[1] == "pid", parts[3] == "ns", parts[5] == "boot", let pid = Int32(parts[2])
        else { return nil }
        self.init(host: parts[0], pid: pid, pidNamespace: parts[4], boot: parts[6], nonce: parts[7])
    }

    var description: String { "\(host) pid \(pid) ns \(pidNamespace) boot \(boot) \(nonce)" }

    /// Whether this holder was a process of this machine's current boot and pid namespace that no
    /// longer runs. A hostname alone is not enough: containers and cloned machines share them.
    var diedOnThisMachine: Bool {
        let here = LeaseOwner.current()
        guard host == here.host, pidNamespace == here.pidNamespace, boot == here.boot, pidNamespace != "unknown",
            boot != "unknown", pid > 0
        else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// The inode of this process's pid namespace (`/proc/self/ns/pid` links to `pid:[N]`).
    private static let localPidNamespace: String = {
        guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/pid") else {
            return "unknown"
        }
        return String(link.filter(\.isNumber))
    }()

    /// This boot's id, which changes at every restart.
    private static let localBoot: String = {
        guard let text = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) else {
            return "unknown"
        }
        return String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(8))
    }()
}
