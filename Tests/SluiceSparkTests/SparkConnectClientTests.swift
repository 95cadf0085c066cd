import Foundation
import SluiceCore
import SluiceSpark
import SluiceTestSupport
import Testing

/// The client against a real Spark Connect server (pyspark's, started by scripts/test).
@Suite("Spark Connect client on a real Spark", .timeLimit(.minutes(10)))
struct SparkConnectClientTests {
    @Test("the server's version, and session config set and read back")
    func versionAndConfig() async throws {
        guard let client = try SparkServer.client() else { return }
        let version = try await client.sparkVersion()
        #expect(version.hasPrefix("4."), "\(version)")
        try await client.setConfig([("spark.sql.shuffle.partitions", "3")])
        let values = try await client.config(["spark.sql.shuffle.partitions", "spark.sluice.unset"])
        #expect(values["spark.sql.shuffle.partitions"] == .some("3"))
        #expect(values["spark.sluice.unset"] == .some(nil))
        await client.close()
    }

    @Test("SQL returning every type Sluice maps comes back through Arrow as Spark printed it")
    func everyType() async throws {
        guard let client = try SparkServer.client() else { return }
        let query = """
            SELECT CAST(1 AS TINYINT) AS b, CAST(-2 AS SMALLINT) AS s, 3 AS i, 4000000000L AS l,
                   CAST(1.5 AS FLOAT) AS f, 2.25D AS d, CAST('12.345' AS DECIMAL(10, 3)) AS dec,
                   'héllo' AS str, X'CAFE' AS bin, true AS flag, DATE'2026-11-20' AS day,
                   TIMESTAMP_NTZ'2026-11-20 10:30:00.123456' AS ntz, TIMESTAMP'2026-11-20 10:30:00Z' AS ts,
                   array(1, NULL, 3) AS arr, map('a', 1, 'b', NULL) AS m, named_struct('x', 1, 'y', 'z') AS st,
                   NULL AS nothing, CAST(NULL AS INT) AS no_int
            """
        let result = try await client.execute(SparkPlan.sql(query))
        #expect(result.rowCount == 1)
        let types = result.schema.fields.map(\.dataType)
        #expect(
            Array(types.prefix(12)) == [
                .int8, .int16, .int32, .int64, .float32, .float64, .decimal(precision: 10, scale: 3), .string,
                .binary, .boolean, .date32, .timestamp(.microsecond),
            ])
        #expect(types[12] == .timestamp(.microsecond, timezone: "UTC"))
        let batch = try #require(result.batches.first)
        #expect(
            RecordBatchJSONLines.line(batch, row: 0)
                == #"{"b":1,"s":-2,"i":3,"l":4000000000,"f":1.5,"d":2.25,"dec":"12.345","str":"héllo","bin":"yv4=","#
                + #""flag":true,"day":"2026-11-20","ntz":"2026-11-20T10:30:00.123456","ts":"2026-11-20T10:30:00.000000Z","#
                + #""arr":[1,null,3],"m":[{"key":"a","value":1},{"key":"b","value":null}],"st":{"x":1,"y":"z"},"#
                + #""nothing":null,"no_int":null}"#)
        await client.close()
    }

    @Test("a million rows arrive in many batches, each row once")
    func largeResult() async throws {
        guard let client = try SparkServer.client() else { return }
        let result = try await client.execute(
            SparkPlan.sql("SELECT id, id * 2 AS twice, concat('row ', id) AS label FROM range(1000000)"))
        #expect(result.rowCount == 1_000_000)
        #expect(result.batches.count > 1)
        // scripts/spark-connect ends a result stream after 4 MiB; about 25 MiB of Arrow come back.
        #expect(result.reattachments >= 3, "\(result.reattachments) reattachments")
        var sum: Int64 = 0
        for batch in result.batches {
            let ids = try #require(batch.column(at: 0) as? Int64Array)
            ids.withUnsafeValues { for value in $0 { sum &+= value } }
        }
        #expect(sum == 999_999 * 1_000_000 / 2)
        await client.close()
    }

    @Test("connections cut mid-stream, during the first stream and during a reattach, lose and repeat no row")
    func cutConnections() async throws {
        guard let remote = SparkServer.remote else { return }
        let server = try SparkConnectURL(remote)
        // The first two connections through the proxy are reset after 2 MiB from the server: halfway
        // through ExecutePlan's stream (the server ends streams at 4 MiB), then halfway through the
        // reattach that follows on the next connection.
        let proxy = try await ScriptProcess.start(
            "cutting_proxy.py", [server.host, "\(server.port)", "\(2 << 20)", "2"])
        defer { proxy.stop() }
        let client = try SparkConnectClient(
            try SparkConnectURL("sc://127.0.0.1:\(proxy.port)"),
            retry: .init(initialBackoff: .milliseconds(50), maxBackoff: .milliseconds(500)))
        let result = try await client.execute(
            SparkPlan.sql("SELECT id, concat('row ', id) AS label FROM range(1000000)"))
        #expect(result.rowCount == 1_000_000)
        var sum: Int64 = 0
        for batch in result.batches {
            let ids = try #require(batch.column(at: 0) as? Int64Array)
            ids.withUnsafeValues { for value in $0 { sum &+= value } }
        }
        #expect(sum == 999_999 * 1_000_000 / 2)
        #expect(result.reattachments >= 2, "\(result.reattachments) reattachments")
        await client.close()
    }

    @Test("a SQL error surfaces Spark's error class, message and position")
    func sqlError() async throws {
        guard let client = try SparkServer.client() else { return }
        let error = await #expect(throws: SparkError.self) {
            _ = try await client.execute(SparkPlan.sql("SELECT a FROM sluice_no_such_table"))
        }
        guard case .server(let server)? = error else {
            Issue.record("expected a server error, got \(String(describing: error))")
            return
        }
        #expect(server.errorClass == "TABLE_OR_VIEW_NOT_FOUND")
        #expect(server.fragment == "sluice_no_such_table")
        #expect(server.sqlRange == 14..<34)
        #expect("\(error!)".contains("sluice_no_such_table"))
        await client.close()
    }

    @Test(
        "a result column of a type Sluice does not map is refused by name, with rows or without",
        arguments: ["", " WHERE false"])
    func unmappedType(filter: String) async throws {
        guard let client = try SparkServer.client() else { return }
        let error = await #expect(throws: (any Error).self) {
            _ = try await client.execute(SparkPlan.sql("SELECT 1 AS n, INTERVAL '3' DAY AS wait" + filter))
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("'wait'"), "\(String(describing: error))")
        await client.close()
    }

    @Test("an unreachable server is retried with backoff, then reported by address")
    func unreachable() async throws {
        let client = try SparkConnectClient(
            try SparkConnectURL("sc://127.0.0.1:9"),
            retry: .init(
                attempts: 3, initialBackoff: .milliseconds(50), maxBackoff: .milliseconds(100)))
        let error = await #expect(throws: SparkError.self) { _ = try await client.sparkVersion() }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.hasPrefix("cannot reach Spark Connect at sc://127.0.0.1:9 (3 attempts)"), "\(text)")
        await client.close()
    }
}
