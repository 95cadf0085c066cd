import Foundation
import SluiceCore
import SluiceSQL
import Testing

/// The same queries run by Sluice and by DuckDB over the same parquet files. Queries whose order is
/// not fixed by ORDER BY are compared as multisets. DuckDB's NULL ordering differs from Spark's, so
/// these queries spell it out.
@Suite struct DuckDBComparisonTests {
    static let queries: [(sql: String, ordered: Bool)] = [
        ("SELECT customer, count(*), sum(qty), min(price), max(amount) FROM orders GROUP BY customer", false),
        ("SELECT id, qty * 2, price + qty, id / 2, id % 4 FROM orders WHERE qty > 2 OR customer IS NULL", false),
        (
            "SELECT count(DISTINCT customer), count(qty), avg(price), sum(amount), round(avg(amount), 6) FROM orders",
            false
        ),
        ("SELECT DISTINCT day FROM orders", false),
        ("SELECT id, price FROM orders ORDER BY price DESC NULLS LAST, id LIMIT 4", true),
        ("SELECT id, price FROM orders ORDER BY price ASC NULLS FIRST, id", true),
        ("SELECT id, CASE WHEN qty > 3 THEN 'big' WHEN qty IS NULL THEN 'none' ELSE 'small' END FROM orders", false),
        (
            "SELECT id % 3, sum(amount), count(*) FROM orders WHERE day BETWEEN DATE '2026-01-02' AND DATE '2026-01-04' GROUP BY 1",
            false
        ),
        ("SELECT customer, sum(price) FROM orders GROUP BY customer HAVING sum(price) > 2", false),
        (
            "SELECT coalesce(customer, 'x'), length(customer), upper(customer) FROM orders WHERE id NOT IN (1, 2, 3)",
            false
        ),
        ("SELECT id FROM orders WHERE customer IN ('bob', 'carol') OR price < 1", false),
        ("SELECT count(*), max(n) FROM big WHERE n > 0", false),
        ("SELECT customer, count(*) FROM nothing GROUP BY customer", false),
        ("SELECT * FROM nothing WHERE id > 1 ORDER BY id LIMIT 3", true),
        ("SELECT s, count(*), sum(k), max(k) FROM wide WHERE k % 7 = 3 GROUP BY s", false),
        ("SELECT k, s FROM wide ORDER BY s DESC, k LIMIT 20", true),
        ("SELECT DISTINCT customer, qty + 1 FROM nothing", false),
        (
            "SELECT customer, count(*) AS n FROM orders GROUP BY customer HAVING n >= 2 ORDER BY n DESC, customer NULLS FIRST",
            true
        ),
        ("SELECT id, customer LIKE '%o%', customer || 'x', nullif(qty, 5) FROM orders", false),
        ("SELECT id FROM orders WHERE customer LIKE '_o%' OR customer LIKE '%ce' OR customer ILIKE 'D%'", false),
        ("SELECT abs(price - 3), CAST(qty AS DOUBLE) / 4, amount * 2, amount + 1 FROM orders", false),
        (
            "WITH t AS (SELECT customer, sum(qty) AS q FROM orders GROUP BY customer) SELECT a.customer, a.q AS qa, b.q AS qb FROM t a JOIN t b ON a.customer = b.customer",
            false
        ),
        ("SELECT t.c, t.n FROM (SELECT customer, count(*) FROM orders GROUP BY customer) AS t (c, n)", false),
        ("WITH big AS (SELECT id AS n FROM orders) SELECT max(n), count(*) FROM big", false),
        ("SELECT o.id, c.tier, c.region FROM orders o JOIN customers c ON o.customer = c.name", false),
        (
            "SELECT o.id, c.tier, c.region FROM orders o LEFT JOIN customers c ON o.customer = c.name AND c.tier < 3",
            false
        ),
        ("SELECT o.id, c.name FROM orders o RIGHT JOIN customers c ON o.customer = c.name AND o.qty > 4", false),
        ("SELECT o.id, c.name, c.tier FROM orders o FULL OUTER JOIN customers c ON c.name = o.customer", false),
        ("SELECT id, customer FROM orders o SEMI JOIN customers c ON o.customer = c.name AND c.tier > 1", false),
        ("SELECT id, customer FROM orders o ANTI JOIN customers c ON o.customer = c.name", false),
        ("SELECT count(*), sum(o.id * c.tier) FROM orders o, customers c", false),
        ("SELECT o.id, c.name FROM orders o CROSS JOIN customers c WHERE o.qty > c.tier + 4", false),
        (
            "SELECT customer, o.id, c.tier FROM orders o FULL JOIN (SELECT name AS customer, tier FROM customers) c USING (customer)",
            false
        ),
        ("SELECT a.id AS x, b.id AS y FROM orders a JOIN orders b ON a.qty = b.id AND a.price > b.price", false),
        ("SELECT o.id FROM orders o, customers c WHERE o.customer = c.name AND c.tier = 3", false),
        (
            "SELECT a.k, count(*) AS n, max(b.s) AS s FROM wide a JOIN wide b ON a.k = b.k AND a.s = b.s GROUP BY a.k",
            false
        ),
        ("SELECT o.id, n.id AS other FROM orders o FULL JOIN nothing n ON o.id = n.id", false),
        ("SELECT a.id AS x, b.amount FROM orders a LEFT JOIN orders b ON a.amount = b.qty", false),
    ]

    @Test(arguments: 0..<queries.count)
    func matchesDuckDB(_ index: Int) async throws {
        let (sql, ordered) = Self.queries[index]
        try await DuckDBOracle.expectEngineAgrees(sql, ordered: ordered)
    }
}
