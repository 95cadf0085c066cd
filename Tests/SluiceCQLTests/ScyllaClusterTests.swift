import Foundation
import SluiceCQL
import Testing

/// The interop exchange and the client's behaviours against a real ScyllaDB (or Cassandra)
/// cluster: set `SLUICE_SCYLLA_HOSTS=host[:port],…` (and `SLUICE_SCYLLA_USERNAME`/`_PASSWORD` for a
/// login). Skipped where no cluster is reachable, as on the build machines.
@Suite(
    .enabled(if: ScyllaCluster.hosts != nil, "set SLUICE_SCYLLA_HOSTS to run against a real cluster"),
    .timeLimit(.minutes(10)))
struct ScyllaClusterTests {
    @Test func rowsOfEveryTypeCrossBetweenTheDrivers() async throws {
        let (host, port) = try #require(ScyllaCluster.hosts?.first)
        try await InteropTests.crossDrivers(host: host, port: port, credentials: ScyllaCluster.credentials)
    }

    @Test func bulkWritesAndPagedReads() async throws {
        let hosts = try #require(ScyllaCluster.hosts)
        let client = try await CQLClient.connect(
            .init(contactPoints: hosts.map(\.0), port: hosts[0].1, credentials: ScyllaCluster.credentials))
        _ = try await client.query(
            "CREATE KEYSPACE IF NOT EXISTS sluice_test WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}"
        )
        _ = try await client.query("DROP TABLE IF EXISTS sluice_test.kv")
        _ = try await client.query("CREATE TABLE sluice_test.kv (k text PRIMARY KEY, v bigint)")
        let insert = try await client.prepare("INSERT INTO sluice_test.kv (k, v) VALUES (?, ?)")
        let rows = (0..<20_000).map {
            [CQLBoundValue.bytes(Array("k\($0)".utf8)), .bytes(CQLValue.bigint(Int64($0)).serialized())]
        }
        let report = await client.executeConcurrently(insert, rows: rows, maxInFlight: 1024)
        #expect(report.written == 20_000, "\(report)")
        var options = CQLStatementOptions()
        options.pageSize = 1000
        var count = 0
        for try await _ in client.rows("SELECT k FROM sluice_test.kv", options: options) { count += 1 }
        #expect(count == 20_000)
        await client.close()
    }
}

enum ScyllaCluster {
    /// `SLUICE_SCYLLA_HOSTS` as (host, port) pairs; port 9042 when left out.
    static var hosts: [(String, Int)]? {
        guard let value = ProcessInfo.processInfo.environment["SLUICE_SCYLLA_HOSTS"], !value.isEmpty else { return nil }
        return value.split(separator: ",").map { entry in
            let parts = entry.split(separator: ":")
            return (String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? 9042 : 9042)
        }
    }

    static var credentials: CQLConnectionStateMachine.Credentials? {
        let environment = ProcessInfo.processInfo.environment
        guard let username = environment["SLUICE_SCYLLA_USERNAME"], let password = environment["SLUICE_SCYLLA_PASSWORD"]
        else { return nil }
        return .init(username: username, password: password)
    }
}
