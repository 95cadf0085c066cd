import CQLTestServer
import Foundation
import SluiceCQL
import SluiceCore
import Synchronization
import Testing

@testable import SluiceServing

/// What only the ScyllaDB store has: routing over several nodes, a node lost mid-load, answers
/// lost on the way back, CQL types and names.
@Suite("The ScyllaDB serving store", .timeLimit(.minutes(10)))
struct ScyllaServingTests {
    @Test("on three nodes the load goes to each partition's owner, and a node lost mid-load costs no row")
    func threeNodes() async throws {
        let server = try await CQLTestServer.start(.init(nodeCount: 3))
        defer { Task { await server.stop() } }
        let fixture = try await ServingFixture(.scylla) { $0.contactPoints = ["127.0.0.1:\(server.port)"] }
        defer { fixture.remove() }
        let first = try await fixture.writeResult(keys: 0..<6_000, rowsPerPart: 1_000) { Int64($0) }
        _ = try await fixture.switcher().save(first, wait: true)
        let routing = server.routing
        let owned = routing.values.map(\.owned).reduce(0, +)
        let other = routing.values.map(\.other).reduce(0, +)
        // Every row's INSERT went to its owner; each node owns about a third of the ring.
        #expect(owned >= 6_000)
        #expect(other <= owned / 100)
        for node in ["127.0.0.1", "127.0.0.2", "127.0.0.3"] {
            #expect((routing[node]?.owned ?? 0) > 1_000, "node \(node): \(String(describing: routing[node]))")
        }

        // A node stops while the second load writes: its rows are retried on the others.
        let second = try await fixture.writeResult(keys: 0..<20_000, rowsPerPart: 2_000) { Int64($0) * 2 }
        let stopped = Mutex(false)
        let outcome = try await fixture.switcher().save(second, wait: true) { _ in
            guard
                stopped.withLock({ state in
                    defer { state = true }
                    return !state
                })
            else { return }
            Task { await server.stopNode("127.0.0.3") }
        }
        guard case .switched(let pointer, _) = outcome else {
            Issue.record("expected a flip, got \(outcome)")
            return
        }
        #expect(pointer.rowCount == 20_000)
        #expect(try await fixture.store.rowCount(of: pointer.activeTable) == 20_000)
        let reader = ServingReader(store: fixture.store, table: "scores", pointerTTL: .zero)
        let lookup = try await reader.getMany((0..<20_000).filter { $0 % 997 == 0 }.map { [ServingFixture.key($0)] })
        #expect(lookup.rows.allSatisfy { $0 != nil })
        #expect(lookup.rows.first??[1] == .integer(0))
    }

    @Test("a TRUNCATE whose answer is lost, but that emptied the table, lets the load go on")
    func lostTruncateAnswer() async throws {
        let fixture = try await ServingFixture(.scylla) {
            $0.truncateTimeout = 1
            $0.requestTimeout = 2
        }
        defer { fixture.remove() }
        let switcher = fixture.switcher()
        for version in 0..<2 {
            _ = try await switcher.save(
                try await fixture.writeResult(keys: 0..<500) { Int64($0 + version) }, wait: true)
        }
        // The third load empties table 1 with TRUNCATE; the server runs it and says nothing.
        let server = try await SharedTestServer.oneNode.value
        let table = "\"\(fixture.keyspace)\".\"scores_1\""
        let drop = server.dropResponse { $0.hasPrefix("TRUNCATE") && $0.contains(table) }
        try await Task.sleep(for: .seconds(fixture.store.timing.flipGap))
        let third = try await fixture.writeResult(keys: 0..<300) { Int64($0 * 3) }
        guard case .switched(let pointer, _) = try await switcher.save(third, wait: true) else {
            Issue.record("expected a flip")
            return
        }
        #expect(pointer.activeTable == "scores_1")
        #expect(pointer.rowCount == 300)
        #expect(drop.isDone)
    }

    @Test(
        "a flip whose answer is lost is settled by a serial read: applied, it counts as done",
        arguments: ["IF NOT EXISTS", "IF version"])
    func lostFlipAnswer(condition: String) async throws {
        // Each lost answer costs the request timeout; 3 s, because the reads around the flip (the
        // table's columns from system_schema) took more than 1 s on a CI machine running every suite.
        let fixture = try await ServingFixture(.scylla) { $0.requestTimeout = 3 }
        defer { fixture.remove() }
        let switcher = fixture.switcher()
        let server = try await SharedTestServer.oneNode.value
        let pointers = "\"\(fixture.keyspace)\".\"sluice_pointers\""
        try await fixture.store.prepareMetadata()
        if condition == "IF version" {
            _ = try await switcher.save(try await fixture.writeResult(keys: 0..<100) { Int64($0) }, wait: true)
        }
        let drop = server.dropResponse { $0.contains(pointers) && $0.contains(condition) }
        let source = try await fixture.writeResult(keys: 0..<200) { Int64($0) }
        guard case .switched(let pointer, _) = try await switcher.save(source, wait: true) else {
            Issue.record("expected a flip")
            return
        }
        #expect(drop.isDone)
        #expect(pointer.sourceRun == source.runID)
        #expect(try await fixture.store.pointer(of: "scores") == pointer)
        // And a loader lock whose answer is lost is held all the same.
        let locks = "\"\(fixture.keyspace)\".\"sluice_locks\""
        let lockDrop = server.dropResponse { $0.contains(locks) && $0.contains("IF NOT EXISTS") }
        let lock = try await fixture.store.acquireLoadLock("scores")
        #expect(lockDrop.isDone)
        await #expect(throws: ServingError.self) { try await fixture.store.acquireLoadLock("scores") }
        await lock.release()
        await (try fixture.store.acquireLoadLock("scores")).release()
    }

    @Test(
        "every column type maps to a CQL type and reads back as sluice prints it; a value that does not fit is refused")
    func typeMapping() async throws {
        let fixture = try await ServingFixture(.scylla)
        defer { fixture.remove() }
        let source = try await fixture.writeResult(try TypedResult.batch(rows: 20))
        let fields = TypedResult.fields
        func switcher(_ overrides: [String: String]) -> BlueGreenSwitch {
            BlueGreenSwitch(
                store: fixture.store,
                spec: ServingTableSpec(
                    table: "typed", key: ["key"], values: fields.dropFirst().map(\.name), typeOverrides: overrides),
                timing: fixture.store.timing, logger: ServingFixture.silent)
        }
        // 19,000 does not fit a tinyint: the load stops with the column and value, nothing flips.
        await #expect {
            try await switcher(["small": "tinyint"]).save(source, wait: true)
        } throws: { error in
            guard case .unsupportedColumn(_, "small", let detail) = error as? ServingError else { return false }
            return detail.contains("value 1000 does not fit CQL tinyint")
        }
        #expect(try await fixture.store.pointer(of: "typed") == nil)
        _ = try await switcher(["day": "timestamp", "note": "varchar"]).save(source, wait: true)
        let columns = try #require(try await fixture.store.columns(of: "typed_1"))
        #expect(
            columns.description
                == "key (key bigint), values (at timestamp, day timestamp, flag boolean, note text, price decimal, "
                + "ratio double, raw blob, small smallint, tags text)")
        let reader = ServingReader(store: fixture.store, table: "typed")
        let lookup = try await reader.getMany([["3"], ["19"], ["20"]])
        let row = try #require(lookup.rows[0])
        #expect(
            Dictionary(uniqueKeysWithValues: zip(lookup.columns, row)) == [
                "key": .integer(3), "small": .integer(3000), "flag": .integer(0), "ratio": .real(0.75),
                "price": .text("3.05"), "day": .text("2025-11-23T00:00:00.000000Z"),
                // CQL timestamps hold milliseconds: the 3 µs are floored away.
                "at": .text("2025-11-20T00:53:20.000000Z"), "raw": .blob([3, 0, 255]), "note": .null,
                "tags": .text("[\"a\",\"b3\"]"),
            ])
        #expect(lookup.rows[1] != nil)
        #expect(lookup.rows[2] == nil)
        await #expect(throws: ServingError.self) { try await reader.get(["three"]) }
    }

    @Test("names are checked and quoted: a table name cannot inject CQL, a column name can be anything")
    func names() async throws {
        let fixture = try await ServingFixture(.scylla)
        defer { fixture.remove() }
        let source = try await fixture.writeResult(keys: 0..<10) { Int64($0) }
        let injected = BlueGreenSwitch(
            store: fixture.store,
            spec: ServingTableSpec(table: "scores\" WITH x; DROP KEYSPACE k", key: ["key"], values: ["value"]),
            logger: ServingFixture.silent)
        await #expect {
            try await injected.save(source, wait: true)
        } throws: { error in
            guard case .invalidName(_, _, let rule) = error as? ServingError else { return false }
            return rule.contains("letters, digits or underscores")
        }

        let values = StringBuilder(capacity: 2)
        values.append("a")
        values.append("b")
        let keys = StringBuilder(capacity: 2)
        keys.append("k1")
        keys.append("k2")
        let odd = "Value \"quoted\"; DROP TABLE x"
        let batch = try RecordBatch(
            schema: Schema([Field("key", .string, nullable: false), Field(odd, .string)]),
            columns: [keys.finish(), values.finish()])
        let weird = BlueGreenSwitch(
            store: fixture.store, spec: ServingTableSpec(table: "odd", key: ["key"], values: [odd]),
            logger: ServingFixture.silent)
        _ = try await weird.save(try await fixture.writeResult(batch), wait: true)
        let lookup = try await ServingReader(store: fixture.store, table: "odd").get(["k2"])
        #expect(lookup.columns.sorted() == [odd, "key"].sorted())
        #expect(lookup.rows[0]?.contains(.text("b")) == true)
    }

    @Test("a loader whose lease is taken over stops before it writes more, and does not switch")
    func lostLease() async throws {
        let fixture = try await ServingFixture(.scylla) {
            $0.rowsPerSecond = 1_000
            $0.lockLease = 0.9
        }
        defer { fixture.remove() }
        let store = try #require(fixture.store as? ScyllaServingStore)
        let source = try await fixture.writeResult(keys: 0..<3_000, rowsPerPart: 500) { Int64($0) }
        // Once the loader holds its lock, another process takes the lease over.
        let takeOver = Task {
            let locks = "\"\(fixture.keyspace)\".sluice_locks"
            while true {
                let held = try? await store.client.query("SELECT owner FROM \(locks) WHERE name = 'scores'")
                if let held, !held.rows.isEmpty { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            _ = try await store.client.query("UPDATE \(locks) SET owner = 'another loader' WHERE name = 'scores'")
        }
        await #expect(throws: ServingError.lockLost(lock: "scores")) {
            try await fixture.switcher().save(source, wait: true)
        }
        try await takeOver.value
        #expect(try await fixture.store.pointer(of: "scores") == nil)
    }

    @Test("lookup keys of every key type parse from text, and contact points take IPv6 addresses")
    func keyTextAndContactPoints() throws {
        func key(_ text: String, _ type: CQLDataType) throws -> CQLBoundValue {
            try CQLServingValue.key(text, type: type, column: "k", table: "t")
        }
        #expect(
            try key("2025-11-20T00:53:20.003000Z", .timestamp)
                == .bytes(CQLValue.timestamp(1_763_600_000_003).serialized()))
        #expect(try key("2025-11-20", .timestamp) == .bytes(CQLValue.timestamp(1_763_596_800_000).serialized()))
        #expect(try key("12:00:00.5", .time) == .bytes(CQLValue.time(43_200_500_000_000).serialized()))
        #expect(
            try key("-3.05", .decimal)
                == .bytes(CQLValue.decimal(CQLDecimal(unscaled: CQLVarint(Int64(-305)), scale: 2)).serialized()))
        #expect(try key("0xff00", .blob) == .bytes([0xFF, 0x00]))
        #expect(throws: ServingError.self) { try key("2025-13-01", .date) }
        #expect(throws: ServingError.self) { try key("25:00:00", .time) }
        #expect(throws: ServingError.self) { try key("1.x", .decimal) }

        let (hosts, port) = try ScyllaServingStore.contactPoints(
            ["[::1]:9142", "10.0.0.1:9142", "[fe80::2]:9142"], store: "s")
        #expect(hosts == ["::1", "10.0.0.1", "fe80::2"])
        #expect(port == 9142)
        #expect(try ScyllaServingStore.contactPoints(["::1", "db1"], store: "s").1 == 9042)
        #expect(throws: ServingError.self) { try ScyllaServingStore.contactPoints(["a:1", "b:2"], store: "s") }
        #expect(throws: ServingError.self) { try ScyllaServingStore.contactPoints(["[::1]x"], store: "s") }
    }

    @Test("rows_per_second caps a load's rate")
    func rateCap() async throws {
        let fixture = try await ServingFixture(.scylla) { $0.rowsPerSecond = 2_000 }
        defer { fixture.remove() }
        let source = try await fixture.writeResult(keys: 0..<3_000, rowsPerPart: 1_000) { Int64($0) }
        let started = ContinuousClock.now
        _ = try await fixture.switcher().save(source, wait: true)
        let elapsed = ContinuousClock.now - started
        // 3,000 rows at 2,000 rows/s: at least 1.5 s (the first row of each batch goes at once).
        #expect(elapsed >= .milliseconds(1_400), "\(elapsed)")
        #expect(try await fixture.store.pointer(of: "scores")?.rowCount == 3_000)
    }

    @Test(
        "the store reports ScyllaDB's auto_snapshot, and refuses a keyspace that is missing or would ignore data centers"
    )
    func operatorNotesAndKeyspace() async throws {
        let fixture = try await ServingFixture(.scylla)
        defer { fixture.remove() }
        let notes = await fixture.store.operatorNotes()
        #expect(notes.count == 1)
        #expect(notes.first?.contains("auto_snapshot is on") == true)

        let server = try await SharedTestServer.oneNode.value
        var configuration = ScyllaConfiguration(contactPoints: ["127.0.0.1:\(server.port)"], keyspace: "absent_ks")
        configuration.timing = ServingFixture.quickTiming
        let store = try await ScyllaServingStore.connect(configuration, logger: ServingFixture.silent)
        await #expect {
            try await store.prepareMetadata()
        } throws: { error in
            "\(error)".contains("keyspace absent_ks") && "\(error)".contains("does not exist")
        }
        try await store.shutdown()

        // Two data centers: SimpleStrategy would ignore them, so the store will not create it.
        let twoDCs = try await CQLTestServer.start(.init(nodeCount: 2, dataCenterCount: 2))
        defer { Task { await twoDCs.stop() } }
        var simple = ScyllaConfiguration(contactPoints: ["127.0.0.1:\(twoDCs.port)"], keyspace: "simple_ks")
        simple.createKeyspace = .simple(factor: 1)
        let multiDC = try await ScyllaServingStore.connect(simple, logger: ServingFixture.silent)
        await #expect {
            try await multiDC.prepareMetadata()
        } throws: { error in
            "\(error)".contains("data centers datacenter1, datacenter2 and SimpleStrategy ignores them")
        }
        try await multiDC.shutdown()
    }
}
