import Foundation
import SluiceServing
import Testing

@Suite("Sharded loads, on SQLite and on ScyllaDB")
struct ShardedLoadTests {
    @Test(
        "shards load slices of the parts; the switch waits for all and reruns are idempotent",
        arguments: ServingBackend.available)
    func shardsThenSwitch(backend: ServingBackend) async throws {
        let fixture = try await ServingFixture(backend)
        defer { fixture.remove() }
        // 6 parts of 100 rows: shard I of 3 takes parts I-1 and I+2.
        let source = try await fixture.writeResult(keys: 0..<600, rowsPerPart: 100) { Int64($0) }
        #expect(source.parts.count == 6)
        let switcher = fixture.switcher()
        let one = try ShardSpec(parsing: "1/3")
        let three = try ShardSpec(parsing: "3/3")
        #expect(
            try await switcher.loadShard(source, shard: one, wait: true)
                == .loaded(physicalTable: "scores_1", shard: one, rows: 200, replacedSchema: nil))
        _ = try await switcher.loadShard(source, shard: three, wait: true)
        do {
            _ = try await switcher.switchOver(source)
            Issue.record("expected the missing shard to block the switch")
        } catch let error as ServingError {
            #expect(error == .shardsMissing(table: "scores", sourceRun: source.runID, missing: [2], shardCount: 3))
            #expect(error.description.contains("shard 2/3 of the load of \(source.runID) has not finished"))
        }
        #expect(try await fixture.store.pointer(of: "scores") == nil)
        // Running shard 1 again joins the load and rewrites the same rows.
        _ = try await switcher.loadShard(source, shard: one, wait: true)
        #expect(try await fixture.store.rowCount(of: "scores_1") == 400)
        _ = try await switcher.loadShard(source, shard: try ShardSpec(index: 2, count: 3), wait: true)
        guard case .switched(let pointer, nil) = try await switcher.switchOver(source) else {
            Issue.record("expected a flip")
            return
        }
        #expect(pointer.rowCount == 600)
        #expect(pointer.activeTable == "scores_1")
        #expect(try await switcher.switchOver(source) == .upToDate(pointer))
    }

    @Test("shards of a different count start the load over", arguments: ServingBackend.available)
    func differentShardCount(backend: ServingBackend) async throws {
        let fixture = try await ServingFixture(backend)
        defer { fixture.remove() }
        let source = try await fixture.writeResult(keys: 0..<400, rowsPerPart: 100) { Int64($0) }
        let switcher = fixture.switcher()
        _ = try await switcher.loadShard(source, shard: try ShardSpec(parsing: "1/2"), wait: true)
        _ = try await switcher.loadShard(source, shard: try ShardSpec(parsing: "1/4"), wait: true)
        #expect(try await fixture.store.rowCount(of: "scores_1") == 100)
        await #expect(throws: ServingError.self) { try await switcher.switchOver(source) }
    }

    @Test("shard specs parse I/N and reject anything else", arguments: ["0/3", "4/3", "1/0", "a/b", "1", "1/2/3", ""])
    func shardSpecs(text: String) {
        #expect(throws: ServingError.invalidShard(text)) { try ShardSpec(parsing: text) }
    }
}
