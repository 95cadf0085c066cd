/// Realistic ETL queries in the shapes jobs use: latest record per key, star-schema joins, window
/// frames, CTE chains, set operations, IN/EXISTS subqueries. Each must parse and round-trip.
enum ETLQueries {
    static let all: [String] = [
        // Latest record per key with row_number, the most common ETL query.
        """
        SELECT user_id, score, updated_at FROM (
          SELECT *, row_number() OVER (PARTITION BY user_id ORDER BY updated_at DESC) AS rn
          FROM events
        ) t WHERE rn = 1
        """,
        """
        WITH ranked AS (
          SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e.user_id, e.device ORDER BY e.ts DESC NULLS LAST, e.seq DESC) rn
          FROM lake.events e WHERE e.dt = '2026-11-20'
        )
        SELECT user_id, device, payload FROM ranked WHERE rn = 1
        """,
        """
        SELECT * FROM (SELECT k, v, rank() OVER (PARTITION BY k ORDER BY v) AS r FROM kv) WHERE r <= 3
        """,
        "SELECT k, max_by(v, ts) AS latest_v FROM kv GROUP BY k",
        """
        SELECT user_id, first(score) AS score FROM (SELECT * FROM scores ORDER BY user_id, ts DESC) GROUP BY user_id
        """,
        // Star-schema joins.
        """
        SELECT d.year, p.category, sum(f.amount) AS revenue, count(DISTINCT f.customer_id) AS customers
        FROM sales f
        JOIN dim_date d ON f.date_key = d.date_key
        JOIN dim_product p ON f.product_key = p.product_key
        WHERE d.year >= 2024 AND p.category IN ('books', 'music')
        GROUP BY d.year, p.category
        ORDER BY revenue DESC
        LIMIT 100
        """,
        """
        SELECT c.country, s.name AS store, SUM(f.qty * f.price) total
        FROM fact_sales AS f
        INNER JOIN dim_customer AS c ON c.id = f.customer_id
        LEFT OUTER JOIN dim_store s ON s.id = f.store_id AND s.active = true
        GROUP BY 1, 2 HAVING SUM(f.qty * f.price) > 1000
        """,
        """
        SELECT f.*, c.segment FROM facts f LEFT JOIN customers c USING (customer_id)
        """,
        """
        SELECT o.order_id FROM orders o LEFT ANTI JOIN refunds r ON r.order_id = o.order_id
        """,
        """
        SELECT o.order_id FROM orders o LEFT SEMI JOIN shipments s ON s.order_id = o.order_id AND s.status <> 'lost'
        """,
        "SELECT a.id, b.id FROM a FULL OUTER JOIN b ON a.id = b.id WHERE a.id IS NULL OR b.id IS NULL",
        "SELECT * FROM a RIGHT JOIN b ON a.k = b.k",
        "SELECT d.day, h.hour FROM days d CROSS JOIN hours h",
        "SELECT * FROM a, b, c WHERE a.id = b.a_id AND b.id = c.b_id",
        """
        SELECT f.id, d1.name AS origin, d2.name AS destination
        FROM flights f JOIN airports d1 ON f.origin = d1.code JOIN airports d2 ON f.dest = d2.code
        """,
        "SELECT * FROM t1 JOIN (t2 JOIN t3 ON t2.id = t3.id) ON t1.id = t2.id",
        "SELECT * FROM a SEMI JOIN b ON a.x = b.x ANTI JOIN c ON a.y = c.y",
        // Window frames.
        """
        SELECT user_id, ts, sum(amount) OVER (PARTITION BY user_id ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
        FROM payments
        """,
        """
        SELECT ts, avg(price) OVER (ORDER BY ts ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS ma7 FROM prices
        """,
        """
        SELECT k, v, sum(v) OVER (PARTITION BY k ORDER BY v RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING) FROM kv
        """,
        """
        SELECT k, count(*) OVER (PARTITION BY k ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS remaining FROM kv
        """,
        "SELECT k, min(v) OVER (ORDER BY k ROWS 3 PRECEDING) FROM kv",
        """
        SELECT user_id, lag(ts, 1) OVER (PARTITION BY user_id ORDER BY ts) AS prev_ts,
               lead(ts) OVER (PARTITION BY user_id ORDER BY ts) AS next_ts,
               dense_rank() OVER (ORDER BY score DESC) AS place
        FROM sessions
        """,
        """
        SELECT k, sum(v) OVER w AS s, max(v) OVER w AS m FROM kv WINDOW w AS (PARTITION BY k ORDER BY ts)
        """,
        """
        SELECT day, revenue, revenue - lag(revenue, 7, 0) OVER (ORDER BY day) AS wow
        FROM daily ORDER BY day
        """,
        // CTE chains.
        """
        WITH base AS (SELECT * FROM events WHERE dt BETWEEN '2026-11-01' AND '2026-11-20'),
             daily AS (SELECT to_date(ts) AS day, count(*) AS n FROM base GROUP BY to_date(ts)),
             stats AS (SELECT avg(n) AS mean, stddev(n) AS sd FROM daily)
        SELECT d.day, d.n FROM daily d CROSS JOIN stats s WHERE d.n > s.mean + 3 * s.sd ORDER BY d.day
        """,
        """
        WITH a (x, y) AS (SELECT 1, 2), b AS (SELECT x + y AS z FROM a)
        SELECT z FROM b
        """,
        """
        WITH users_clean AS (
          SELECT CAST(id AS BIGINT) AS id, lower(trim(email)) AS email, coalesce(country, 'unknown') AS country
          FROM users WHERE id IS NOT NULL
        ), dedup AS (
          SELECT *, row_number() OVER (PARTITION BY email ORDER BY id) AS rn FROM users_clean
        )
        SELECT id, email, country FROM dedup WHERE rn = 1
        """,
        """
        WITH t AS (SELECT 1 AS a UNION ALL SELECT 2) SELECT sum(a) FROM t
        """,
        // Set operations.
        "SELECT id FROM a UNION SELECT id FROM b",
        "SELECT id FROM a UNION ALL SELECT id FROM b UNION ALL SELECT id FROM c ORDER BY id LIMIT 10",
        "SELECT id FROM a EXCEPT SELECT id FROM b",
        "SELECT id FROM a MINUS SELECT id FROM b",
        "SELECT id FROM a INTERSECT SELECT id FROM b UNION SELECT id FROM c",
        "SELECT id FROM a UNION SELECT id FROM b INTERSECT SELECT id FROM c",
        "(SELECT id FROM a UNION SELECT id FROM b) INTERSECT SELECT id FROM c",
        "SELECT id FROM a EXCEPT ALL SELECT id FROM b",
        "SELECT id FROM a INTERSECT ALL SELECT id FROM b",
        "SELECT id FROM a UNION DISTINCT SELECT id FROM b",
        "(SELECT id FROM a ORDER BY id LIMIT 5) UNION ALL (SELECT id FROM b ORDER BY id DESC LIMIT 5)",
        "SELECT a FROM x EXCEPT (SELECT a FROM y EXCEPT SELECT a FROM z)",
        // IN / EXISTS / scalar subqueries.
        "SELECT * FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE vip)",
        "SELECT * FROM orders WHERE customer_id NOT IN (SELECT id FROM blocked)",
        """
        SELECT * FROM orders o WHERE EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.amount > 0)
        """,
        "SELECT * FROM orders o WHERE NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id)",
        "SELECT * FROM events WHERE ts > (SELECT max(ts) FROM events) - INTERVAL 3 DAYS",
        "SELECT id, (SELECT count(*) FROM items i WHERE i.order_id = o.id) AS n_items FROM orders o",
        "SELECT * FROM t WHERE a IN (1, 2, 3) AND b NOT IN ('x', 'y') AND c IN (SELECT c FROM u WHERE u.d = t.d)",
        // Expressions users write.
        """
        SELECT CASE WHEN score >= 90 THEN 'A' WHEN score >= 80 THEN 'B' ELSE 'C' END AS grade,
               CASE status WHEN 1 THEN 'new' WHEN 2 THEN 'done' END AS status_name
        FROM results
        """,
        """
        SELECT TRY_CAST(amount AS DECIMAL(18, 2)) AS amount, CAST(ts AS TIMESTAMP) AS ts, CAST(flag AS BOOLEAN),
               CAST(tags AS ARRAY<STRING>), CAST(attrs AS MAP<STRING, INT>), CAST(s AS STRUCT<a: INT, b: STRING>)
        FROM raw
        """,
        """
        SELECT concat_ws('-', year(ts), lpad(month(ts), 2, '0')) AS ym, date_format(ts, 'yyyy-MM-dd HH:mm') AS t,
               date_add(dt, 1), datediff(current_date, dt), date_trunc('HOUR', ts), unix_timestamp(ts)
        FROM events
        """,
        """
        SELECT regexp_extract(url, '^https?://([^/]+)', 1) AS host, regexp_replace(phone, '[^0-9]', '') AS digits,
               split(path, '/')[1] AS first_segment, md5(email), sha2(email, 256)
        FROM visits WHERE url RLIKE '^https://' AND email LIKE '%@example.com' AND name NOT LIKE 'test\\_%'
        """,
        """
        SELECT k, count(*) AS n, count(v) AS nv, count(DISTINCT v) AS dv, approx_count_distinct(v) AS adv,
               collect_list(v) AS vs, avg(v), min(v), max(v), first(v), last(v)
        FROM kv GROUP BY k HAVING count(*) > 1
        """,
        """
        SELECT abs(x), round(x, 2), floor(x), ceil(x), pow(x, 2), sqrt(x), mod(x, 3), pmod(x, 3), greatest(x, y, 0),
               least(x, y), x DIV 2, x % 2, -x, +x, ~flags, flags & 4, flags | 8, flags ^ 1
        FROM nums
        """,
        """
        SELECT nvl(a, 0), nullif(b, ''), if(c > 0, 'pos', 'neg'), coalesce(d, e, 'none'), a || '-' || b
        FROM t WHERE a <=> b OR a == c OR a != d
        """,
        """
        SELECT * FROM events WHERE ts >= TIMESTAMP '2026-11-20 00:00:00' AND ts < TIMESTAMP '2026-11-21 00:00:00'
          AND dt = DATE '2026-11-20' AND ts > current_timestamp() - INTERVAL '3' DAY
        """,
        "SELECT 1L, 2S, 3Y, 1.5D, 2.5F, 1e3, 1BD, 1.50, .5, 0.001, 123456789012345 FROM dual",
        "SELECT `weird name`, `select`, `a``b` AS `from` FROM `my-table`",
        "SELECT items[0].sku, attrs['color'], s.inner.value FROM nested_data",
        "SELECT DISTINCT country FROM users ORDER BY country NULLS FIRST",
        "SELECT * FROM events WHERE amount BETWEEN 10 AND 20 AND qty NOT BETWEEN 1 AND 2",
        "SELECT x::INT, y::DECIMAL(10, 2) FROM t",
        "SELECT substring(name, 1, 3), upper(name), length(name), replace(name, 'a', 'b') FROM people",
        "SELECT from_unixtime(epoch), to_timestamp(s, 'yyyy-MM-dd'), add_months(d, -1), hour(ts) FROM t",
        "SELECT sum(CASE WHEN ok THEN 1 ELSE 0 END) / count(*) AS ok_ratio FROM checks",
        "SELECT user_id FROM events GROUP BY user_id HAVING max(ts) < current_date - INTERVAL 30 DAYS",
        """
        SELECT k FROM t WHERE a IS TRUE AND b IS NOT FALSE AND c IS DISTINCT FROM d AND e IS NOT DISTINCT FROM f
        """,
        """
        /* nightly scores */
        SELECT user_id, -- the key
               sum(points) AS score
        FROM points WHERE dt = '{{ ds }}' GROUP BY user_id;
        """,
        "SELECT count(1) FROM (SELECT DISTINCT user_id FROM events) AS u",
        "SELECT t.* FROM (SELECT 1 AS a, 'x' AS b) AS t(x, y)",
        "SELECT ntile(4) OVER (ORDER BY score) AS quartile, percent_rank() OVER (ORDER BY score) FROM scores",
        // Inline tables, OFFSET, aggregate filters and IGNORE NULLS.
        "SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, name) WHERE id > 1",
        "VALUES (1, 2), (3, 4) UNION ALL SELECT a, b FROM t",
        "SELECT topic, partition, offset, value FROM kafka_raw ORDER BY offset LIMIT 100 OFFSET 200",
        """
        SELECT k, count(*) FILTER (WHERE ok) AS ok_count, sum(v) FILTER (WHERE v > 0) AS positive
        FROM kv GROUP BY k
        """,
        """
        SELECT k, last(v) IGNORE NULLS OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS filled
        FROM kv
        """,
    ]
}
