import Foundation
import SluiceServing
import Synchronization
import Testing

@Suite("Readers with a cached pointer, on SQLite and on ScyllaDB")
struct ServingReaderTests {
    @Test(
        "concurrent readers share one pointer read per TTL and move to a new table within one TTL",
        arguments: ServingBackend.available)
    func pointerCache(backend: ServingBackend) async throws {
        let fixture = try await ServingFixture(backend)
        defer { fixture.remove() }
        let switcher = fixture.switcher()
        _ = try await switcher.save(try await fixture.writeResult(keys: 0..<100) { Int64($0) }, wait: true)
        let reader = ServingReader(store: fixture.store, table: "scores", pointerTTL: .seconds(1))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 {
                group.addTask { _ = try await reader.get(["key-1"]) }
            }
            try await group.waitForAll()
        }
        #expect(await reader.pointerReads == 1)
        #expect(await reader.cacheHits == 199)

        _ = try await switcher.save(try await fixture.writeResult(keys: 0..<100) { Int64($0) + 1 }, wait: true)
        // Once the TTL has passed since the last pointer read, the next lookup reads it again.
        try await Task.sleep(for: .milliseconds(1_050))
        let lookup = try await reader.get(["key-1"])
        #expect(lookup.physicalTable == "scores_2")
        #expect(lookup.rows[0] == [.text("key-1"), .integer(2)])
        #expect(await reader.pointerReads == 2)
    }

    @Test(
        "a table without a pointer row is not served, and a key must have every key column",
        arguments: ServingBackend.available)
    func notServing(backend: ServingBackend) async throws {
        let fixture = try await ServingFixture(backend)
        defer { fixture.remove() }
        try await fixture.store.prepareMetadata()
        let reader = ServingReader(store: fixture.store, table: "sluice_pointers")
        await #expect(throws: ServingError.notServing(table: "sluice_pointers")) { try await reader.get(["x"]) }
        _ = try await fixture.switcher().save(try await fixture.writeResult(keys: 0..<3) { Int64($0) }, wait: true)
        let scores = ServingReader(store: fixture.store, table: "scores")
        await #expect(throws: ServingError.self) { try await scores.get(["key-1", "extra"]) }
    }

    @Test(
        "readers never see a batch that mixes loads, and never miss a key during 10 consecutive loads",
        arguments: ServingBackend.available)
    func consistencyUnderLoad(backend: ServingBackend) async throws {
        let fixture = try await ServingFixture(backend)
        defer { fixture.remove() }
        let switcher = fixture.switcher()
        // Version v holds keys 0..<(2000 + 10 v) with value v * 1_000_000 + key.
        func result(_ version: Int) async throws -> LoadSource {
            try await fixture.writeResult(keys: 0..<(2000 + 10 * version)) { Int64(version * 1_000_000 + $0) }
        }
        _ = try await switcher.save(try await result(0), wait: true)
        let log = ConsistencyLog()
        let readers = (0..<4).map { _ in
            ServingReader(store: fixture.store, table: "scores", pointerTTL: .milliseconds(50))
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, reader) in readers.enumerated() {
                group.addTask {
                    var round = 0
                    while !log.isDone {
                        round += 1
                        // Keys every version holds, in a varying order.
                        let keys = (0..<50).map { ["key-\(($0 * 37 + round * 11 + index) % 2000)"] }
                        let lookup = try await reader.getMany(keys)
                        var versions = Set<Int64>()
                        for (position, row) in lookup.rows.enumerated() {
                            guard let row, case .integer(let value) = row[1] else {
                                log.problem("\(keys[position][0]) missing in \(lookup.physicalTable)")
                                continue
                            }
                            versions.insert(value / 1_000_000)
                        }
                        if versions.count > 1 {
                            log.problem("one batch mixed versions \(versions.sorted())")
                        }
                        log.checked(lookup.rows.count, versions: versions)
                    }
                }
            }
            group.addTask {
                defer { log.finish() }
                for version in 1...10 {
                    // Each load starts only after the readers read again, however busy the machine.
                    let before = log.reads
                    while log.reads < before + 200 { try await Task.sleep(for: .milliseconds(1)) }
                    guard case .switched = try await switcher.save(try await result(version), wait: true) else {
                        log.problem("load \(version) did not flip")
                        return
                    }
                }
            }
            try await group.waitForAll()
        }
        let reads = log.reads
        print(
            "consistency under load: \(reads) key reads checked across 10 loads, \(readers.count) readers, "
                + "\(log.versionsSeen.count) versions seen")
        #expect(log.problems.isEmpty)
        #expect(reads >= 2_000)
        #expect(log.versionsSeen.count >= 10)
        #expect(try await fixture.store.pointer(of: "scores")?.version == 11)
    }
}

/// What the readers of the consistency test saw, shared between their tasks.
private final class ConsistencyLog: Sendable {
    private let state = Mutex<(done: Bool, reads: Int, versions: Set<Int64>, problems: [String])>((false, 0, [], []))

    var isDone: Bool { state.withLock { $0.done } }
    var reads: Int { state.withLock { $0.reads } }
    var problems: [String] { state.withLock { $0.problems } }
    var versionsSeen: Set<Int64> { state.withLock { $0.versions } }

    func finish() { state.withLock { $0.done = true } }
    func checked(_ count: Int, versions: Set<Int64>) {
        state.withLock {
            $0.reads += count
            $0.versions.formUnion(versions)
        }
    }
    func problem(_ text: String) { state.withLock { $0.problems.append(text) } }
}
