import Testing

@testable import CQLTestServer

/// The test server's CQL parser: the statements drivers and tests send, and errors that point at
/// the offending text.
struct CQLParserTests {
    @Test func statementsParse() throws {
        let create = try CQLParser.parse(
            """
            CREATE TABLE IF NOT EXISTS ks."Mixed" (a int, b text, c frozen<map<text, list<int>>>, d tuple<int, text>,
              PRIMARY KEY ((a, b), d)) WITH CLUSTERING ORDER BY (d DESC) AND comment = 'x';
            """)
        guard case .createTable(let table) = create.statement else {
            Issue.record("not a CREATE TABLE")
            return
        }
        #expect(table.name == .init(keyspace: "ks", name: "Mixed"))
        #expect(table.partitionKey == ["a", "b"] && table.clusteringKey == ["d"] && table.descending == ["d"])

        let insert = try CQLParser.parse("INSERT INTO t (k, v) VALUES (?, :v) IF NOT EXISTS USING TTL 10")
        #expect(insert.markers == 2)
        let select = try CQLParser.parse(
            "SELECT k, COUNT(*) AS n FROM t WHERE k IN (1, 2) AND token(k) > ? AND v CONTAINS 'x' LIMIT ? ALLOW FILTERING"
        )
        #expect(select.markers == 2)
        let batch = try CQLParser.parse(
            "BEGIN UNLOGGED BATCH INSERT INTO t (k) VALUES (1); UPDATE t SET v = v + [1] WHERE k = 1; APPLY BATCH")
        guard case .batch(let statements) = batch.statement else {
            Issue.record("not a batch")
            return
        }
        #expect(statements.count == 2)
        _ = try CQLParser.parse("UPDATE t SET m = m + {'a': 1}, s = {}, u = {x: 1, y: 'two'} WHERE k = 0x00ff IF v = 2")
        _ = try CQLParser.parse("DELETE v FROM t WHERE k = 12345678-1234-5678-1234-567812345678 IF EXISTS")
        _ = try CQLParser.parse("INSERT INTO t (k, d, f) VALUES (1, 1h30m, -1.5e3) -- comment")
    }

    @Test func errorsSayWhere() {
        #expect {
            _ = try CQLParser.parse("SELECT * FROM t WHERE k = = 1")
        } throws: { error in
            guard let error = error as? CQLSyntaxError else { return false }
            return error.offset == 26 && error.message.contains("expected a value")
        }
        #expect(throws: CQLSyntaxError.self) { _ = try CQLParser.parse("INSERT INTO t (a, b) VALUES (1)") }
        #expect(throws: CQLSyntaxError.self) { _ = try CQLParser.parse("SELECT 'unterminated") }
    }
}
