import Foundation
import SluiceCore
import Testing

@testable import SluiceServing

@Suite("The blue/green switch, on SQLite and on ScyllaDB")
struct BlueGreenSwitchTests {
    @Test("a load flips to table 1, the next to table 2, and rollback flips back", arguments: ServingBackend.available)
    func loadFlipRollback(backend: ServingBackend) async throws {
        let fixture = try await ServingFixture(backend)
        defer { fixture.remove() }
        let switcher = fixture.switcher()
        let first = try await fixture.writeResult(keys: 0..<1000) { Int64($0) }
        guard case .switched(let one, nil) = try await switcher.save(first, wait: true) else {
            Issue.record("expected a first flip")
            return
        }
        #expect(one.activeTable == "scores_1")
        #expect(one.version == 1)
        #expect(one.rowCount == 1000)
        #expect(one.sourceRun == first.runID)

        let second = try await fixture.writeResult(keys: 0..<1200) { Int64($0) * 10 }
        guard case .switched(let two, let previous) = try await switcher.save(second, wait: true) else {
            Issue.record("expected a second flip")
            return
        }
        #expect(previous == one)
        #expect(two.activeTable == "scores_2")
        #expect(two.version == 2)
        let reader = ServingReader(store: fixture.store, table: "scores", pointerTTL: .zero)
        let lookup = try await reader.getMany([[ServingFixture.key(7)], [ServingFixture.key(1100)], ["absent"]])
        #expect(lookup.physicalTable == "scores_2")
        #expect(lookup.columns == ["key", "value"])
        #expect(lookup.rows[0] == [.text("key-7"), .integer(70)])
        #expect(lookup.rows[1] == [.text("key-1100"), .integer(11000)])
        #expect(lookup.rows[2] == nil)

        // The same result again changes nothing.
        #expect(try await switcher.save(second, wait: true) == .upToDate(two))

        guard case .switched(let back, _) = try await switcher.rollback() else {
            Issue.record("expected a rollback")
            return
        }
        #expect(back.activeTable == "scores_1")
        #expect(back.version == 3)
        #expect(back.sourceRun == first.runID)
        #expect(back.rowCount == 1000)
        #expect(try await reader.get([ServingFixture.key(7)]).rows[0] == [.text("key-7"), .integer(7)])
        // The table just retired by the rollback is the next load's, once the gap has passed.
        try await Task.sleep(for: .seconds(fixture.store.timing.flipGap))
        let third = try await fixture.writeResult(keys: 0..<1100) { Int64($0) * 100 }
        guard case .switched(let four, _) = try await switcher.save(third, wait: false) else {
            Issue.record("expected a flip after the rollback")
            return
        }
        #expect(four.activeTable == "scores_2")
        #expect(four.version == 4)
        // Table 1 was active all along and still holds the first result.
        #expect(try await fixture.store.rowCount(of: "scores_1") == 1000)
    }

    @Test(
        "validation refuses a suspicious load with exit 3 and leaves the pointer alone",
        arguments: ServingBackend.available)
    func validationRefusal(backend: ServingBackend) async throws {
        let fixture = try await ServingFixture(backend)
        defer { fixture.remove() }
        let first = try await fixture.writeResult(keys: 0..<1000) { Int64($0) }
        _ = try await fixture.switcher().save(first, wait: true)
        let before = try await fixture.store.pointer(of: "scores")

        let shrunk = try await fixture.writeResult(keys: 0..<400) { Int64($0) }
        let strict = fixture.switcher(validation: LoadValidation(minRows: 1, maxRowChange: 0.5))
        do {
            _ = try await strict.save(shrunk, wait: true)
            Issue.record("expected a refusal")
        } catch let error as ServingError {
            guard case .validationRefused(_, let table, let reasons) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(table == "scores_2")
            #expect(reasons == ["row count changed by 60% (1000 -> 400), more than max_row_change 50%"])
            #expect(error.category.exitCode == 3)
        }
        let tooFew = fixture.switcher(validation: LoadValidation(minRows: 5000))
        await #expect(throws: ServingError.self) { try await tooFew.save(shrunk, wait: true) }
        #expect(try await fixture.store.pointer(of: "scores") == before)
        // A relaxed rerun of the same result loads the table again and flips.
        guard case .switched(let after, _) = try await fixture.switcher().save(shrunk, wait: true) else {
            Issue.record("expected the rerun to flip")
            return
        }
        #expect(after.version == 2)
        #expect(after.rowCount == 400)
    }

    @Test(
        "a result with duplicate keys is refused: the table has fewer rows than the result",
        arguments: ServingBackend.available)
    func duplicateKeys(backend: ServingBackend) async throws {
        let fixture = try await ServingFixture(backend)
        defer { fixture.remove() }
        // Two parts that both hold keys 0..<10.
        _ = try await fixture.writeResult(keys: 0..<10) { Int64($0) }
        let source = try await fixture.newestSource()
        let doubled = LoadSource(
            store: source.store, result: source.result, parts: source.parts + source.parts, schema: source.schema)
        await #expect {
            try await fixture.switcher().save(doubled, wait: true)
        } throws: { error in
            guard case .validationRefused(_, _, let reasons) = error as? ServingError else { return false }
            return reasons == ["scores_1 has 10 rows but result \(source.runID) has 20 (duplicate keys in the result?)"]
        }
        #expect(try await fixture.store.pointer(of: "scores") == nil)
    }

    @Test("two loaders at once: exactly one flips, the other fails clearly", arguments: ServingBackend.available)
    func concurrentLoaders(backend: ServingBackend) async throws {
        let fixture = try await ServingFixture(backend)
        defer { fixture.remove() }
        let source = try await fixture.writeResult(keys: 0..<50_000) { Int64($0) }
        let switcher = fixture.switcher()
        func attempt() async -> Result<SwitchOutcome, any Error> {
            do { return .success(try await switcher.save(source, wait: true)) } catch { return .failure(error) }
        }
        async let first = attempt()
        async let second = attempt()
        let outcomes = await [first, second]
        let flips = outcomes.filter { if case .success(.switched) = $0 { true } else { false } }
        #expect(flips.count == 1)
        for outcome in outcomes {
            switch outcome {
            case .success(.switched), .success(.upToDate): break
            case .failure(let error):
                guard case .loadInProgress(let lock, _) = error as? ServingError else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(lock == "scores")
            }
        }
        #expect(try await fixture.store.pointer(of: "scores")?.version == 1)
    }

    @Test(
        "a compare-and-set expecting an old version loses, and only a validated table can become active",
        arguments: ServingBackend.available)
    func compareAndSet(backend: ServingBackend) async throws {
        let fixture = try await ServingFixture(backend)
        defer { fixture.remove() }
        let source = try await fixture.writeResult(keys: 0..<10) { Int64($0) }
        _ = try await fixture.switcher().save(source, wait: true)
        guard let pointer = try await fixture.store.pointer(of: "scores") else {
            Issue.record("no pointer")
            return
        }
        var stale = pointer
        stale.version = 2
        #expect(try await fixture.store.compareAndSetPointer(stale, expectedVersion: 0) == false)
        var unvalidated = pointer
        unvalidated.activeTable = "scores_2"
        unvalidated.version = 2
        #expect(try await fixture.store.compareAndSetPointer(unvalidated, expectedVersion: 1) == false)
        #expect(try await fixture.store.compareAndSetPointer(stale, expectedVersion: 1) == true)
    }

    @Test(
        "a load inside the post-flip gap fails clearly with no wait, and waits otherwise",
        arguments: ServingBackend.available)
    func flipGap(backend: ServingBackend) async throws {
        // A gap long enough that a busy machine still tries the third load inside it (a ScyllaDB
        // save makes a dozen round trips, each delayed when every suite runs at once on 2 cores).
        let timing =
            backend.isScylla
            ? ServingTiming(pointerTTL: 3, requestTimeout: 3, margin: 4)
            : ServingTiming(pointerTTL: 1, requestTimeout: 1, margin: 1)
        let fixture = try await ServingFixture(backend, timing: timing)
        defer { fixture.remove() }
        let switcher = fixture.switcher()
        _ = try await switcher.save(try await fixture.writeResult(keys: 0..<10) { Int64($0) }, wait: true)
        let second = try await fixture.writeResult(keys: 0..<10) { Int64($0) + 1 }
        let third = try await fixture.writeResult(keys: 0..<10) { Int64($0) + 2 }
        // Table 2 was never served, so the second load needs no gap.
        _ = try await switcher.save(second, wait: false)
        do {
            _ = try await switcher.save(third, wait: false)
            Issue.record("expected the gap to refuse the load")
        } catch let error as ServingError {
            guard case .insideFlipGap(_, let retired, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(retired == "scores_1")
        }
        #expect(try await fixture.store.loadState(of: "scores_1")?.phase == .ready)
        let started = ContinuousClock.now
        guard case .switched(let pointer, _) = try await switcher.save(third, wait: true) else {
            Issue.record("expected a flip after waiting")
            return
        }
        #expect(pointer.version == 3)
        let switchedBefore = try #require(try await fixture.store.loadState(of: "scores_2")).updatedAt
        #expect(pointer.switchedAt.timeIntervalSince(switchedBefore) >= timing.flipGap - 0.05)
        #expect(ContinuousClock.now - started < .seconds(timing.flipGap + 10))
    }

    @Test(
        "a changed result schema recreates the inactive table and reports what changed",
        arguments: ServingBackend.available)
    func schemaChange(backend: ServingBackend) async throws {
        let fixture = try await ServingFixture(backend)
        defer { fixture.remove() }
        _ = try await fixture.switcher().save(try await fixture.writeResult(keys: 0..<10) { Int64($0) }, wait: true)
        let wider = try await fixture.writeResult(keys: 0..<10, extraColumn: true) { Int64($0) }
        let switcher = fixture.switcher(types: ["value": fixture.realType], values: ["value", "note"])
        let outcome = try await switcher.loadShard(wider, shard: .whole, wait: true)
        guard case .loaded(let table, _, 10, let replaced) = outcome else {
            Issue.record("unexpected \(outcome)")
            return
        }
        #expect(table == "scores_2")
        #expect(replaced == nil)  // table 2 did not exist yet
        _ = try await switcher.switchOver(wider)
        let columns = try await fixture.store.columns(of: "scores_2")
        let (text, real, integer) = (fixture.textType, fixture.realType, fixture.integerType)
        // CQL tables list value columns by name.
        let values = backend.isScylla ? "note \(text), value \(real)" : "value \(real), note \(text)"
        #expect(columns?.description == "key (key \(text)), values (\(values))")
        let reader = ServingReader(store: fixture.store, table: "scores", pointerTTL: .zero)
        let lookup = try await reader.get(["key-3"])
        let row = try #require(lookup.rows[0])
        #expect(
            Dictionary(uniqueKeysWithValues: zip(lookup.columns, row))
                == ["key": .text("key-3"), "value": .real(3), "note": .text("n3")])
        // Table 1 has the old layout: the next load recreates it and says so.
        try await Task.sleep(for: .seconds(fixture.store.timing.flipGap))
        let again = try await fixture.writeResult(keys: 0..<10, extraColumn: true) { Int64($0) }
        guard case .loaded(_, _, _, let old) = try await switcher.loadShard(again, shard: .whole, wait: true) else {
            Issue.record("expected a load")
            return
        }
        #expect(old?.description == "key (key \(text)), values (value \(integer))")
        let newColumns = try #require(columns)
        let oldColumns = try #require(old)
        #expect(newColumns.differences(from: oldColumns) == "added note; retyped value \(integer) -> \(real)")
    }

    @Test("an unsupported type override is refused before anything is written", arguments: ServingBackend.available)
    func badOverride(backend: ServingBackend) async throws {
        let fixture = try await ServingFixture(backend)
        defer { fixture.remove() }
        let source = try await fixture.writeResult(keys: 0..<10) { Int64($0) }
        await #expect(throws: ServingError.self) {
            try await fixture.switcher(types: ["key": "BLOB", "value": "BLOB"]).save(source, wait: true)
        }
        #expect(try await fixture.store.pointer(of: "scores") == nil)
        #expect(try await fixture.store.loadState(of: "scores_1") == nil)
    }
}
