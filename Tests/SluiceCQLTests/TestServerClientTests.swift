import CQLTestServer
import Foundation
import NIOCore
import Testing

@testable import SluiceCQL

/// `CQLClient` against `CQLTestServer` over loopback: schema, writes and reads, lightweight
/// transactions, paging, re-preparing, logins, token-aware routing, a node going down, and bulk
/// writes.
@Suite(.timeLimit(.minutes(10)))
struct TestServerClientTests {
    static func client(_ server: CQLTestServer, credentials: CQLConnectionStateMachine.Credentials? = nil)
        async throws -> CQLClient
    {
        try await CQLClient.connect(
            .init(
                contactPoints: ["127.0.0.1"], port: server.port, credentials: credentials,
                reconnectBackoff: (.milliseconds(50), .seconds(1))))
    }

    static func makeTable(_ client: CQLClient, _ definition: String) async throws {
        _ = try await client.query(
            "CREATE KEYSPACE IF NOT EXISTS ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}")
        _ = try await client.query("CREATE TABLE ks.\(definition)")
    }

    static func int(_ value: Int32) -> CQLBoundValue { .bytes(CQLValue.int(value).serialized()) }
    static func text(_ value: String) -> CQLBoundValue { .bytes(CQLValue.text(value).serialized()) }

    @Test func writesReadsAndConditionalWrites() async throws {
        let server = try await CQLTestServer.start()
        let client = try await Self.client(server)
        try await Self.makeTable(
            client, "events (day text, seq int, body text, PRIMARY KEY (day, seq)) WITH CLUSTERING ORDER BY (seq DESC)")
        let insert = try await client.prepare("INSERT INTO ks.events (day, seq, body) VALUES (?, ?, ?)")
        #expect(insert.statement.partitionKeyIndexes == [0])
        for seq in [3, 1, 2] {
            _ = try await client.execute(insert, [Self.text("mon"), Self.int(Int32(seq)), Self.text("e\(seq)")])
        }
        let rows = try await client.query("SELECT seq, body FROM ks.events WHERE day = 'mon'")
        #expect(try rows.rows.indices.map { try rows.value($0, "seq") } == [.int(3), .int(2), .int(1)])
        let ascending = try await client.query("SELECT seq FROM ks.events WHERE day = 'mon' ORDER BY seq ASC LIMIT 2")
        #expect(try ascending.rows.indices.map { try ascending.value($0, "seq") } == [.int(1), .int(2)])
        let range = try await client.query("SELECT seq FROM ks.events WHERE day = 'mon' AND seq >= 2")
        #expect(range.rows.count == 2)

        let lwt = "INSERT INTO ks.events (day, seq, body) VALUES ('mon', 1, 'again') IF NOT EXISTS"
        let refused = try await client.query(lwt)
        #expect(try refused.value(0, "[applied]") == .boolean(false))
        #expect(try refused.value(0, "body") == .text("e1"))
        let update = try await client.query(
            "UPDATE ks.events SET body = 'new' WHERE day = 'mon' AND seq = 1 IF body = 'e1'")
        #expect(try update.value(0, "[applied]") == .boolean(true))
        let stale = try await client.query(
            "UPDATE ks.events SET body = 'x' WHERE day = 'mon' AND seq = 1 IF body = 'e1'")
        #expect(try stale.value(0, "[applied]") == .boolean(false))
        #expect(try stale.value(0, "body") == .text("new"))

        _ = try await client.query("DELETE FROM ks.events WHERE day = 'mon' AND seq = 3")
        let count = try await client.query("SELECT COUNT(*) FROM ks.events")
        #expect(try count.value(0, "count") == .bigint(2))
        _ = try await client.query("TRUNCATE ks.events")
        #expect(try await client.query("SELECT * FROM ks.events").rows.isEmpty)

        await #expect(throws: CQLServerError.self) { _ = try await client.query("SELECT nope FROM ks.events") }
        await #expect(throws: CQLServerError.self) { _ = try await client.query("SELEKT 1") }
        await client.close()
        await server.stop()
    }

    @Test(arguments: [false, true])
    func pagesAreFetchedAsTheRowsAreRead(compression: Bool) async throws {
        let server = try await CQLTestServer.start()
        let client = try await CQLClient.connect(
            .init(contactPoints: ["127.0.0.1"], port: server.port, compression: compression))
        try await Self.makeTable(client, "paged (k int PRIMARY KEY, v text)")
        let insert = try await client.prepare("INSERT INTO ks.paged (k, v) VALUES (?, ?)")
        let report = await client.executeConcurrently(
            insert, rows: (0..<2_500).map { [Self.int(Int32($0)), Self.text("v\($0)")] }, maxInFlight: 64)
        #expect(report.written == 2_500 && report.failed == 0)
        var seen = Set<Int32>()
        var options = CQLStatementOptions()
        options.pageSize = 100
        for try await row in client.rows("SELECT k, v FROM ks.paged", options: options) {
            guard case .int(let key)? = try row["k"] else { continue }
            seen.insert(key)
        }
        #expect(seen.count == 2_500)
        let first = try await client.query("SELECT k FROM ks.paged", options: options)
        #expect(first.rows.count == 100 && first.pagingState != nil)
        await client.close()
        await server.stop()
    }

    @Test func valuesByNameAndBatchesWithinAPartition() async throws {
        let server = try await CQLTestServer.start()
        let client = try await Self.client(server)
        try await Self.makeTable(client, "events (day text, seq int, body text, PRIMARY KEY (day, seq))")
        _ = try await client.query(
            "INSERT INTO ks.events (day, seq, body) VALUES (:day, :seq, :body)",
            named: ["body": Self.text("first"), "day": Self.text("tue"), "seq": Self.int(1)])
        let insert = try await client.prepare("INSERT INTO ks.events (day, seq, body) VALUES (?, ?, ?)")
        _ = try await client.execute(insert, named: ["seq": Self.int(2), "day": Self.text("tue")])
        await #expect(throws: CQLClientError.self) {
            _ = try await client.execute(insert, named: ["nope": Self.int(2)])
        }
        try await client.batch([
            (insert, [Self.text("tue"), Self.int(3), Self.text("third")]),
            (insert, [Self.text("tue"), Self.int(4), Self.text("fourth")]),
        ])
        server.forgetPreparedStatements()
        try await client.batch([(insert, [Self.text("tue"), Self.int(5), Self.text("fifth")])])
        let rows = try await client.query("SELECT seq, body FROM ks.events WHERE day = 'tue'")
        #expect(try rows.rows.indices.map { try rows.value($0, "seq") } == (1...5).map { .int($0) })
        // The unnamed marker was left unset: the row has no body.
        #expect(try rows.value(0, "body") == .text("first") && rows.value(1, "body") == nil)
        await client.close()
        await server.stop()
    }

    @Test func aForgottenStatementIsPreparedAgain() async throws {
        let server = try await CQLTestServer.start()
        let client = try await Self.client(server)
        try await Self.makeTable(client, "kv (k text PRIMARY KEY, v int)")
        let insert = try await client.prepare("INSERT INTO ks.kv (k, v) VALUES (?, ?)")
        _ = try await client.execute(insert, [Self.text("a"), Self.int(1)])
        server.forgetPreparedStatements()
        _ = try await client.execute(insert, [Self.text("b"), Self.int(2)])
        server.forgetPreparedStatements()
        let report = await client.executeConcurrently(insert, rows: [[Self.text("c"), Self.int(3)]])
        #expect(report.written == 1)
        #expect(try await client.query("SELECT COUNT(*) FROM ks.kv").value(0, "count") == .bigint(3))
        await client.close()
        await server.stop()
    }

    @Test func loginsSucceedOrFailClearly() async throws {
        let server = try await CQLTestServer.start(.init(credentials: .init(username: "sluice", password: "pw")))
        let good = try await Self.client(server, credentials: .init(username: "sluice", password: "pw"))
        _ = try await good.query("SELECT * FROM system.local")
        await good.close()
        do {
            _ = try await Self.client(server, credentials: .init(username: "sluice", password: "wrong"))
            Issue.record("a wrong password connected")
        } catch {
            #expect("\(error)".contains("refused the credentials"))
        }
        await #expect(throws: CQLClientError.self) { _ = try await Self.client(server) }
        await server.stop()
    }

    @Test func writesGoToTheTokenOwnerAndAvoidADownNode() async throws {
        let server = try await CQLTestServer.start(.init(nodeCount: 3))
        let client = try await Self.client(server)
        #expect(Set(client.hosts.map(\.address)) == ["127.0.0.1", "127.0.0.2", "127.0.0.3"])
        try await Self.makeTable(client, "kv (k text PRIMARY KEY, v int)")
        let insert = try await client.prepare("INSERT INTO ks.kv (k, v) VALUES (?, ?)")
        let ring = CQLTokenRing(
            hosts: server.nodes.map { CQLHost(address: $0.address, port: server.port, tokens: $0.tokens) })
        for key in ["a", "b", "c", "d"] {
            let token = try #require(insert.token(for: [Self.text(key), Self.int(0)]))
            let owner = server.nodes[ring.replicas(for: token, count: 1)[0]].address
            #expect(client.plan(token: token).first?.host.address == owner)
        }
        await server.stopNode("127.0.0.2")
        var options = CQLStatementOptions()
        options.isIdempotent = true
        for index in 0..<50 {
            _ = try await client.execute(insert, [Self.text("k\(index)"), Self.int(Int32(index))], options: options)
        }
        let report = await client.executeConcurrently(
            insert, rows: (50..<500).map { [Self.text("k\($0)"), Self.int(Int32($0))] }, maxInFlight: 32)
        #expect(report.written == 450 && report.failed == 0, "\(report)")
        #expect(try await client.query("SELECT COUNT(*) FROM ks.kv").value(0, "count") == .bigint(500))
        await client.close()
        await server.stop()
    }

    @Test func aConnectionClosedMidStreamFailsOrRetriesWithoutHanging() async throws {
        let server = try await CQLTestServer.start(.init(nodeCount: 3))
        let client = try await Self.client(server)
        try await Self.makeTable(client, "kv (k text PRIMARY KEY, v int)")
        let insert = try await client.prepare("INSERT INTO ks.kv (k, v) VALUES (?, ?)")
        let rows = (0..<20_000).map { [Self.text("k\($0)"), Self.int(Int32($0))] }
        async let report = client.executeConcurrently(insert, rows: rows, maxInFlight: 256)
        try await Task.sleep(for: .milliseconds(50))
        await server.stopNode("127.0.0.3")
        let result = await report
        // Idempotent writes in flight on the closed node go to the next host.
        #expect(result.written + result.failed == 20_000)
        #expect(result.failed == 0, "\(result)")
        var plain = CQLStatementOptions()
        plain.isIdempotent = false
        plain.timeout = .seconds(2)
        // Not idempotent: a write that lost its connection fails, and says why.
        _ = try? await client.execute(insert, [Self.text("x"), Self.int(1)], options: plain)
        await client.close()
        await server.stop()
    }
}
