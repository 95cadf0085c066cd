import SluiceSQL
import Testing

/// Aggregations and top-Ns over scans cut into slices give what one pass gives, in the same order;
/// the memory limit stops a query with a message.
@Suite struct ParallelExecutionTests {
    static let queries = [
        "SELECT k, count(*) AS n, sum(k) AS s, min(s) AS lo, max(s) AS hi FROM wide GROUP BY k",
        "SELECT k % 7 AS r, first(s) AS f, last(s) AS l, collect_list(k) AS ks FROM wide WHERE k < 40 GROUP BY k % 7",
        "SELECT count(*) AS n, avg(k) AS a, approx_count_distinct(s) AS d, bool_or(k = 1499) AS b FROM wide",
        "SELECT customer, sum(amount) AS total, avg(amount) AS mean, count(qty) AS n FROM orders GROUP BY customer",
        "SELECT k, s FROM wide ORDER BY k DESC, s LIMIT 7",
        "SELECT id, qty FROM orders WHERE qty > 1 ORDER BY qty LIMIT 3",
        "SELECT count(*) AS n FROM nothing",
        "SELECT customer, count(*) AS n FROM orders WHERE id > 100 GROUP BY customer",
        "SELECT count(DISTINCT k) AS d FROM wide",
        // Slices whose rows the WHERE drops must not pass on a null pick.
        "SELECT first(id) AS f, last(id) AS l, first(customer) AS c FROM orders WHERE id >= 9",
        "SELECT first(id) AS f, last(id) AS l, last(customer) AS c FROM orders WHERE id <= 2",
        "SELECT c.region, count(*) AS n, sum(o.qty) AS q FROM orders o JOIN customers c ON o.customer = c.name GROUP BY c.region",
        "SELECT o.id, c.tier FROM orders o LEFT JOIN customers c ON o.customer = c.name ORDER BY o.id DESC, c.tier LIMIT 8",
        "SELECT count(*) AS n, sum(id) AS s FROM orders WHERE customer IN (SELECT name FROM customers)",
        "SELECT count(*) AS n, sum(id) AS s FROM orders WHERE customer NOT IN (SELECT name FROM customers WHERE name IS NOT NULL)",
        "SELECT count(*) AS n, sum(v.k) AS s FROM wide w JOIN wide v ON w.k = v.k WHERE w.k < 700",
        "SELECT w.k % 3 AS r, count(*) AS n FROM wide w FULL JOIN orders o ON w.k = o.id GROUP BY w.k % 3",
    ]

    @Test(arguments: [2, 3, 16])
    func slicesAgreeWithOnePass(threads: Int) async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        for sql in Self.queries {
            let single = try await fixture.rows(sql, options: QueryOptions(threads: 1))
            let sliced = try await fixture.rows(sql, options: QueryOptions(threads: threads))
            #expect(sliced == single, "\(sql) with \(threads) threads")
            #expect(!single.isEmpty || sql.contains("id > 100"), "\(sql)")
        }
    }

    @Test func theMemoryLimitStopsAQueryWithAMessage() async throws {
        let fixture = try await EngineFixture.make()
        defer { fixture.remove() }
        for threads in [1, 2] {
            let error = await #expect(throws: QueryMemoryError.self) {
                _ = try await fixture.rows(
                    "SELECT k, count(*) FROM wide GROUP BY k",
                    options: QueryOptions(threads: threads, memoryLimit: 1024))
            }
            #expect(error?.holder == "HashAggregate")
            #expect(error?.description.contains("memory limit of 1.02 kB") == true, "\(String(describing: error))")
        }
        await #expect(throws: QueryMemoryError.self) {
            _ = try await fixture.rows("SELECT * FROM wide ORDER BY s", options: QueryOptions(memoryLimit: 1024))
        }
        // A generous limit changes nothing.
        let rows = try await fixture.rows(
            "SELECT count(*) AS n FROM wide GROUP BY k % 2", options: QueryOptions(memoryLimit: 1 << 40))
        #expect(rows == [#"{"n":2500}"#, #"{"n":2500}"#])
    }
}
