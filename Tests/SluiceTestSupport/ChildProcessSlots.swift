import Foundation

/// How many children `ChildProcess.run` runs at once in this test process: one per core. Swift
/// Testing starts every test together, and dozens of `sluice` and Python children at once on two
/// cores slowed every test's network calls past their deadlines; waiting for a slot costs no thread.
actor ChildProcessSlots {
    static let shared = ChildProcessSlots(limit: max(2, ProcessInfo.processInfo.activeProcessorCount))

    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Runs `body` once a slot is free, and frees it after.
    nonisolated func withSlot<Result>(_ body: () async throws -> Result) async throws -> Result {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the slot to the longest waiter, if any.
    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
