import Foundation
import SluiceCQL

extension ScyllaServingStore {
    public func acquireLoadLock(_ name: String) async throws -> any LoadLock {
        try await acquireLease(name, waitingUntil: nil)
    }

    /// Runs `body` holding the claim lock of `table`, which serializes claiming its inactive
    /// table with flipping its pointer. Waits for another holder as long as a truncate may take.
    func withClaimLock<T: Sendable>(of table: String, _ body: () async throws -> T) async throws -> T {
        let lock = try await acquireLease(
            "\(table).claim",
            waitingUntil: .now + .seconds(configuration.truncateTimeout + configuration.lockLease))
        do {
            let result = try await body()
            await lock.release()
            return result
        } catch {
            await lock.release()
            throw error
        }
    }

    /// Takes the lease `name`: a free one, one whose lease ran out, or one whose holder died on
    /// this machine. With a deadline it waits for a live holder; without one it fails at once.
    func acquireLease(_ name: String, waitingUntil deadline: ContinuousClock.Instant?) async throws
        -> ScyllaLeaseLock
    {
        let owner = LeaseOwner.current()
        let locks = table(ScyllaMetadataTables.locks)
        while true {
            let now = Date()
            let sent = ContinuousClock.now
            let expires = CQLValue.timestamp(now.addingTimeInterval(configuration.lockLease).millisecondsSince1970)
            let taken = try await lightweightTransaction(
                "INSERT INTO \(locks) (name, owner, expires_at) VALUES (?, ?, ?) IF NOT EXISTS",
                [.text(name), .text(owner.description), expires], operation: "take the loader lock \(name)"
            ) { try await self.leaseHolder(name)?.owner == owner.description }
            if taken { return ScyllaLeaseLock(name: name, owner: owner, store: self, takenAt: sent) }
            guard let holder = try await leaseHolder(name) else { continue }
            // A lost answer judged "not applied" whose INSERT landed after all: the lease is ours.
            if holder.owner == owner.description {
                return ScyllaLeaseLock(name: name, owner: owner, store: self, takenAt: sent)
            }
            if holder.expiresAt <= now || LeaseOwner(parsing: holder.owner)?.diedOnThisMachine == true {
                let takenOver = try await lightweightTransaction(
                    "UPDATE \(locks) SET owner = ?, expires_at = ? WHERE name = ? IF owner = ? AND expires_at = ?",
                    [
                        .text(owner.description), expires, .text(name), .text(holder.owner),
                        .timestamp(holder.expiresAt.millisecondsSince1970),
                    ], operation: "take over the loader lock \(name) from \(holder.owner)"
                ) { try await self.leaseHolder(name)?.owner == owner.description }
                if takenOver {
                    logger.notice(
                        "took over a loader lock whose holder is gone",
                        metadata: ["lock": "\(name)", "holder": "\(holder.owner)"])
                    return ScyllaLeaseLock(name: name, owner: owner, store: self, takenAt: sent)
                }
                continue
            }
            guard let deadline, ContinuousClock.now < deadline else {
                throw ServingError.loadInProgress(
                    lock: name, holder: "\(holder.owner), lease until \(holder.expiresAt.formatted(.iso8601))")
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    /// The lease row, read serially so a transaction in progress on it completes first.
    private func leaseHolder(_ name: String) async throws -> (owner: String, expiresAt: Date)? {
        let rows = try await statements.run(
            "SELECT owner, expires_at FROM \(table(ScyllaMetadataTables.locks)) WHERE name = ?", [.text(name)],
            options: serialReadOptions, operation: "read the loader lock \(name)")
        guard !rows.rows.isEmpty else { return nil }
        return (try rows.text(0, "owner"), try rows.date(0, "expires_at"))
    }

    /// Extends a held lease; false when another process holds it now.
    func renewLease(_ name: String, owner: LeaseOwner) async throws -> Bool {
        let expires = Date().addingTimeInterval(configuration.lockLease).millisecondsSince1970
        return try await lightweightTransaction(
            "UPDATE \(table(ScyllaMetadataTables.locks)) SET expires_at = ? WHERE name = ? IF owner = ?",
            [.timestamp(expires), .text(name), .text(owner.description)], operation: "renew the loader lock \(name)"
        ) {
            guard let holder = try await self.leaseHolder(name) else { return false }
            return holder.owner == owner.description && holder.expiresAt.millisecondsSince1970 == expires
        }
    }

    func releaseLease(_ name: String, owner: LeaseOwner) async throws {
        _ = try await lightweightTransaction(
            "DELETE FROM \(table(ScyllaMetadataTables.locks)) WHERE name = ? IF owner = ?",
            [.text(name), .text(owner.description)], operation: "release the loader lock \(name)"
        ) { try await self.leaseHolder(name)?.owner != owner.description }
    }
}
