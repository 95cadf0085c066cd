-- The SQL oracle corpus: Spark SQL 4 queries over the tables generate_data.py writes
-- (events, users, products, kv, empty, types). Each query follows a header line
--   -- name: NAME | ordered: true|false | spark_differs: REASON
-- `ordered: true` means the answer's row order is part of the answer (ORDER BY over a unique key).
-- `spark_differs` is empty when DuckDB computes what Spark 4 (ANSI mode, session time zone UTC)
-- computes; otherwise it says how DuckDB differs, and Spark decides.
-- An optional `-- duckdb: SQL` line right after the header is DuckDB's spelling of the same query
-- (Spark-only syntax and functions, or a cast that gives DuckDB's result Spark's type); it changes
-- spelling only, so such a query is marked only if the semantics still differ.
-- `-- duckdb_skip: WHY` means DuckDB cannot answer the query at all.
-- Names start with their category: proj, where, logic, in, exists, between, like, case, cast,
-- null, str, math, date, agg, group, having, distinct, empty, join, cte, subq, set, win, latest,
-- order, dec, div, types.

-- name: proj_columns | ordered: true | spark_differs:
SELECT event_id, user_id, event_type, amount, flag, day FROM events ORDER BY event_id LIMIT 20;

-- name: proj_star_types | ordered: true | spark_differs:
SELECT * FROM types ORDER BY id;

-- name: proj_expressions | ordered: true | spark_differs:
SELECT event_id, event_id * 2 + 1 AS odd, -user_id AS neg, amount * 2 AS doubled, value / 2 AS half
FROM events ORDER BY event_id LIMIT 15;

-- name: proj_backquoted_case_insensitive | ordered: true | spark_differs:
SELECT `Event_ID` AS `the id`, EVENT_TYPE AS `type` FROM events WHERE Event_Id <= 5 ORDER BY `the id`;

-- name: proj_literals | ordered: false | spark_differs:
-- duckdb: SELECT 1 AS i, 2.50 AS d, 'x' AS s, true AS b, NULL AS n, DATE '2026-02-28' AS dt, TIMESTAMPTZ '2026-02-28 12:34:56.5' AS ts, CAST(DATE '2026-02-28' + INTERVAL 3 DAYS AS DATE) AS later
SELECT 1 AS i, 2.50 AS d, 'x' AS s, true AS b, NULL AS n, DATE '2026-02-28' AS dt,
       TIMESTAMP '2026-02-28 12:34:56.5' AS ts, DATE '2026-02-28' + INTERVAL 3 DAYS AS later;

-- name: proj_qualified_alias | ordered: true | spark_differs:
SELECT e.event_id, e.amount AS amt FROM events AS e WHERE e.event_id BETWEEN 100 AND 110 ORDER BY e.event_id;

-- name: where_eq | ordered: false | spark_differs:
SELECT event_id, amount FROM events WHERE user_id = 777;

-- name: where_ne | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE event_type <> 'view';

-- name: where_ne_bang | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE event_type != 'view';

-- name: where_lt_le | ordered: false | spark_differs:
SELECT count(*) AS lt, sum(CASE WHEN amount <= 10 THEN 1 ELSE 0 END) AS le FROM events WHERE amount < 100;

-- name: where_gt_ge | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE value > 150 AND value >= 150.5;

-- name: where_double_eq | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE product_id == 7;

-- name: where_null_safe_eq | ordered: false | spark_differs:
-- duckdb: SELECT count(*) AS n FROM users u JOIN users v ON u.user_id = v.user_id AND u.country IS NOT DISTINCT FROM v.country
SELECT count(*) AS n FROM users u JOIN users v ON u.user_id = v.user_id AND u.country <=> v.country;

-- name: where_is_null | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE amount IS NULL;

-- name: where_is_not_null | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE user_id IS NOT NULL AND event_type IS NOT NULL;

-- name: where_timestamp_range | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE ts >= TIMESTAMP '2026-02-01 00:00:00' AND ts < TIMESTAMP '2026-02-02 00:00:00';

-- name: where_date_eq | ordered: false | spark_differs:
SELECT count(*) AS n, min(event_id) AS first_id FROM events WHERE day = DATE '2026-03-15';

-- name: where_string_compare | ordered: false | spark_differs:
SELECT s FROM types WHERE s > 'Z' AND s < 'zzz';

-- name: where_bool_column | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE flag;

-- name: where_not_bool | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE NOT flag;

-- name: logic_and_null | ordered: false | spark_differs:
SELECT flag AND (amount > 100) AS r, count(*) AS n FROM events GROUP BY flag AND (amount > 100);

-- name: logic_or_null | ordered: false | spark_differs:
SELECT flag OR (amount > 100) AS r, count(*) AS n FROM events GROUP BY 1;

-- name: logic_not_null | ordered: false | spark_differs:
SELECT NOT flag AS r, count(*) AS n FROM events GROUP BY 1;

-- name: logic_truth_table | ordered: true | spark_differs:
SELECT a.bool AS a, b.bool AS b, a.bool AND b.bool AS a_and, a.bool OR b.bool AS a_or, NOT a.bool AS not_a
FROM (SELECT DISTINCT bool FROM types) a CROSS JOIN (SELECT DISTINCT bool FROM types) b
ORDER BY a NULLS FIRST, b NULLS FIRST;

-- name: logic_where_null_is_false | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE NOT (amount > 100);

-- name: logic_precedence | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE event_type = 'view' OR event_type = 'click' AND amount > 1000;

-- name: in_list | ordered: false | spark_differs:
SELECT event_type, count(*) AS n FROM events WHERE event_type IN ('view', 'refund') GROUP BY event_type;

-- name: in_list_with_null | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE product_id IN (1, 2, NULL);

-- name: in_not_list | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE product_id NOT IN (1, 2, 3);

-- name: in_not_list_with_null | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE product_id NOT IN (1, 2, NULL);

-- name: in_subquery | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE user_id IN (SELECT user_id FROM users WHERE country = 'JP');

-- name: in_not_subquery | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE product_id NOT IN (SELECT product_id FROM products WHERE category = 'books');

-- name: in_not_subquery_with_null | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE user_id NOT IN (SELECT user_id FROM events WHERE event_id < 100);

-- name: in_subquery_empty | ordered: false | spark_differs:
SELECT count(*) AS n, count(CASE WHEN user_id NOT IN (SELECT value FROM empty) THEN 1 END) AS not_in FROM events
WHERE user_id IN (SELECT value FROM empty) OR true;

-- name: in_expression_list | ordered: false | spark_differs:
SELECT id FROM types WHERE i32 IN (0, 2147483647) OR i8 IN (-128);

-- name: exists_correlated | ordered: false | spark_differs:
SELECT count(*) AS n FROM users u WHERE EXISTS (SELECT 1 FROM events e WHERE e.user_id = u.user_id AND e.event_type = 'refund');

-- name: exists_not_correlated | ordered: false | spark_differs:
SELECT user_id FROM users u WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.user_id = u.user_id AND e.day = DATE '2026-01-05');

-- name: exists_uncorrelated_empty | ordered: false | spark_differs:
SELECT count(*) AS n FROM kv WHERE EXISTS (SELECT 1 FROM empty);

-- name: exists_uncorrelated | ordered: false | spark_differs:
SELECT count(*) AS n FROM kv WHERE EXISTS (SELECT 1 FROM users WHERE country = 'DE');

-- name: between_int | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE product_id BETWEEN 10 AND 20;

-- name: between_not | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE product_id NOT BETWEEN 10 AND 20;

-- name: between_dates | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE day BETWEEN DATE '2026-01-10' AND DATE '2026-01-12';

-- name: between_decimal | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE amount BETWEEN 10.5 AND 20.25;

-- name: between_strings | ordered: false | spark_differs:
SELECT count(*) AS n FROM kv WHERE key BETWEEN 'k100' AND 'k199';

-- name: like_prefix | ordered: false | spark_differs:
SELECT count(*) AS n FROM users WHERE name LIKE 'user-00%';

-- name: like_underscore | ordered: false | spark_differs:
SELECT name FROM users WHERE name LIKE 'user-01_0' ORDER BY name;

-- name: like_escape_chars | ordered: false | spark_differs:
-- duckdb: SELECT s FROM types WHERE s LIKE 'a\%b%' ESCAPE '\'
SELECT s FROM types WHERE s LIKE 'a\\%b%';

-- name: like_not | ordered: false | spark_differs:
SELECT count(*) AS n FROM products WHERE name NOT LIKE 'Product %';

-- name: like_unicode | ordered: false | spark_differs:
SELECT product_id, name FROM products WHERE name LIKE '%ü%✓';

-- name: like_rlike | ordered: false | spark_differs:
-- duckdb: SELECT count(*) AS n FROM kv WHERE regexp_matches(key, '^k[0-9]{2}7$')
SELECT count(*) AS n FROM kv WHERE key RLIKE '^k[0-9]{2}7$';

-- name: like_rlike_partial | ordered: false | spark_differs:
-- duckdb: SELECT s FROM types WHERE regexp_matches(s, 'b') ORDER BY s
SELECT s FROM types WHERE s RLIKE 'b' ORDER BY s;

-- name: case_searched | ordered: false | spark_differs:
SELECT CASE WHEN amount IS NULL THEN 'none' WHEN amount < 0 THEN 'negative' WHEN amount < 1000 THEN 'small' ELSE 'large' END AS bucket,
       count(*) AS n
FROM events GROUP BY 1;

-- name: case_simple | ordered: false | spark_differs:
SELECT CASE event_type WHEN 'view' THEN 1 WHEN 'click' THEN 2 END AS code, count(*) AS n FROM events GROUP BY 1;

-- name: case_no_else_null | ordered: true | spark_differs:
SELECT id, CASE WHEN i8 > 0 THEN 'pos' END AS sign FROM types ORDER BY id;

-- name: case_mixed_numeric | ordered: true | spark_differs:
SELECT id, CASE WHEN id % 2 = 0 THEN i8 ELSE dec_small END AS mixed FROM types ORDER BY id;

-- name: cast_int_to_string | ordered: true | spark_differs:
SELECT id, CAST(i64 AS STRING) AS s64, CAST(i8 AS STRING) AS s8 FROM types ORDER BY id;

-- name: cast_string_to_int | ordered: false | spark_differs:
SELECT CAST(substring(key, 2) AS INT) AS k, count(*) AS n FROM kv WHERE key IS NOT NULL GROUP BY 1 HAVING count(*) > 12;

-- name: cast_decimal_to_int | ordered: false | spark_differs: DuckDB rounds decimal to integer casts, Spark truncates toward zero
SELECT CAST(amount AS BIGINT) AS whole, count(*) AS n FROM events WHERE amount BETWEEN -3 AND 3 GROUP BY 1;

-- name: cast_double_to_int | ordered: true | spark_differs: DuckDB rounds double to integer casts, Spark truncates toward zero
SELECT event_id, CAST(value AS INT) AS v FROM events WHERE event_id <= 20 ORDER BY event_id;

-- name: cast_to_double | ordered: true | spark_differs:
SELECT id, CAST(i32 AS DOUBLE) AS d, CAST(dec_small AS DOUBLE) AS ds FROM types ORDER BY id;

-- name: cast_to_decimal | ordered: true | spark_differs:
SELECT event_id, CAST(value AS DECIMAL(12, 3)) AS v FROM events WHERE event_id <= 20 ORDER BY event_id;

-- name: cast_string_to_date | ordered: false | spark_differs:
-- duckdb: SELECT CAST('2026-02-28' AS DATE) AS d, CAST('2026-02-28 10:11:12' AS TIMESTAMPTZ) AS ts
SELECT CAST('2026-02-28' AS DATE) AS d, CAST('2026-02-28 10:11:12' AS TIMESTAMP) AS ts;

-- name: cast_date_to_string | ordered: true | spark_differs:
SELECT id, CAST(d AS STRING) AS ds FROM types WHERE d > DATE '1900-01-01' ORDER BY id;

-- name: cast_bool | ordered: true | spark_differs:
SELECT id, CAST(bool AS INT) AS bi, CAST(CAST(bool AS STRING) AS BOOLEAN) AS round_trip FROM types ORDER BY id;

-- name: cast_try_invalid | ordered: true | spark_differs:
SELECT id, TRY_CAST(s AS INT) AS i, TRY_CAST(s AS DATE) AS d FROM types ORDER BY id;

-- name: cast_try_overflow | ordered: true | spark_differs:
SELECT id, TRY_CAST(i64 AS INT) AS narrowed, TRY_CAST(i32 AS TINYINT) AS tiny FROM types ORDER BY id;

-- name: cast_timestamp_to_date | ordered: true | spark_differs:
SELECT event_id, CAST(ts AS DATE) AS d FROM events WHERE event_id <= 10 ORDER BY event_id;

-- name: null_coalesce | ordered: false | spark_differs:
SELECT coalesce(country, name, 'unknown') AS c, count(*) AS n FROM users GROUP BY 1 HAVING count(*) > 50;

-- name: null_nullif | ordered: false | spark_differs:
SELECT count(nullif(event_type, 'view')) AS non_views, count(*) AS n FROM events;

-- name: null_if | ordered: false | spark_differs:
SELECT if(flag, 'yes', 'no') AS answer, count(*) AS n FROM events GROUP BY 1;

-- name: null_nvl | ordered: false | spark_differs:
-- duckdb: SELECT ifnull(country, '??') AS c, count(*) AS n FROM users GROUP BY 1
SELECT nvl(country, '??') AS c, count(*) AS n FROM users GROUP BY 1;

-- name: null_arithmetic | ordered: true | spark_differs:
-- duckdb: SELECT id, i8 + i16 AS s, i8 * NULL AS z, s || NULL AS c FROM types ORDER BY id
SELECT id, i8 + i16 AS s, i8 * NULL AS z, concat(s, NULL) AS c FROM types ORDER BY id;

-- name: null_comparisons | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE amount = NULL OR amount <> NULL;

-- name: str_concat | ordered: true | spark_differs:
-- duckdb: SELECT user_id, name || '/' || country AS c FROM users WHERE user_id <= 10 ORDER BY user_id, c
SELECT user_id, concat(name, '/', country) AS c FROM users WHERE user_id <= 10 ORDER BY user_id, c;

-- name: str_concat_ws | ordered: true | spark_differs:
SELECT user_id, concat_ws('|', name, country, 'x') AS c FROM users WHERE user_id <= 10 ORDER BY user_id, c;

-- name: str_pipes | ordered: true | spark_differs:
SELECT product_id, name || '#' || category AS c FROM products ORDER BY product_id;

-- name: str_lower_upper | ordered: true | spark_differs:
SELECT id, lower(s) AS lo, upper(s) AS up FROM types ORDER BY id;

-- name: str_trim | ordered: true | spark_differs:
SELECT id, trim(s) AS t, ltrim(s) AS l, rtrim(s) AS r FROM types ORDER BY id;

-- name: str_substring | ordered: true | spark_differs:
SELECT id, substring(s, 2) AS from2, substring(s, 1, 3) AS first3, substr(s, 2, 2) AS mid FROM types ORDER BY id;

-- name: str_substring_negative | ordered: true | spark_differs:
SELECT id, substring(s, -3) AS last3, substring(s, -3, 2) AS two FROM types ORDER BY id;

-- name: str_length | ordered: true | spark_differs:
SELECT id, length(s) AS chars FROM types ORDER BY id;

-- name: str_lpad_rpad | ordered: true | spark_differs:
SELECT product_id, lpad(CAST(product_id AS STRING), 5, '0') AS l, rpad(category, 8, '.') AS r, lpad(category, 3, 'x') AS cut
FROM products ORDER BY product_id;

-- name: str_replace | ordered: true | spark_differs:
SELECT product_id, replace(name, 'Product', 'P') AS n FROM products ORDER BY product_id;

-- name: str_split | ordered: true | spark_differs:
-- duckdb: SELECT id, string_split(s, 'a') AS parts FROM types WHERE s IS NOT NULL ORDER BY id
SELECT id, split(s, 'a') AS parts FROM types WHERE s IS NOT NULL ORDER BY id;

-- name: str_regexp_extract | ordered: false | spark_differs:
SELECT regexp_extract(key, 'k([0-9])([0-9]+)', 1) AS first_digit, count(*) AS n FROM kv GROUP BY 1;

-- name: str_regexp_extract_no_match | ordered: true | spark_differs:
SELECT id, regexp_extract(s, '([0-9]+)', 1) AS digits FROM types ORDER BY id;

-- name: str_regexp_replace | ordered: true | spark_differs:
-- duckdb: SELECT product_id, regexp_replace(name, '[0-9]', '#', 'g') AS masked FROM products ORDER BY product_id
SELECT product_id, regexp_replace(name, '[0-9]', '#') AS masked FROM products ORDER BY product_id;

-- name: str_md5 | ordered: true | spark_differs:
SELECT product_id, md5(name) AS h FROM products ORDER BY product_id;

-- name: str_sha2 | ordered: true | spark_differs:
-- duckdb: SELECT product_id, sha256(name) AS h FROM products ORDER BY product_id
SELECT product_id, sha2(name, 256) AS h FROM products ORDER BY product_id;

-- name: str_group_by_expression | ordered: false | spark_differs:
SELECT upper(substring(key, 1, 2)) AS prefix, count(*) AS n FROM kv GROUP BY upper(substring(key, 1, 2));

-- name: math_abs | ordered: true | spark_differs:
SELECT id, abs(i16) AS a16, abs(f64) AS af, abs(dec_small) AS ad FROM types WHERE id > 5 ORDER BY id;

-- name: math_round_decimal | ordered: true | spark_differs:
SELECT event_id, round(amount, 1) AS r1, round(amount) AS r0, round(amount, -2) AS rm2 FROM events WHERE event_id <= 20 ORDER BY event_id;

-- name: math_round_double | ordered: true | spark_differs: rounding of doubles near .5 may differ (Spark rounds the decimal text HALF_UP)
SELECT event_id, round(value, 2) AS r FROM events WHERE event_id <= 20 ORDER BY event_id;

-- name: math_floor_ceil | ordered: true | spark_differs:
-- duckdb: SELECT event_id, CAST(floor(value) AS BIGINT) AS f, CAST(ceil(value) AS BIGINT) AS c FROM events WHERE event_id <= 20 ORDER BY event_id
SELECT event_id, floor(value) AS f, ceil(value) AS c FROM events WHERE event_id <= 20 ORDER BY event_id;

-- name: math_floor_decimal | ordered: true | spark_differs:
SELECT event_id, floor(amount) AS f, ceil(amount) AS c FROM events WHERE event_id <= 20 ORDER BY event_id;

-- name: math_pow_sqrt | ordered: true | spark_differs:
SELECT product_id, pow(product_id, 2) AS sq, sqrt(product_id) AS root, power(2, product_id) AS p2 FROM products ORDER BY product_id;

-- name: math_mod | ordered: true | spark_differs:
SELECT id, i16 % 7 AS m, mod(i16, 7) AS m2 FROM types ORDER BY id;

-- name: math_pmod | ordered: true | spark_differs:
-- duckdb: SELECT id, ((i16 % 7) + 7) % 7 AS p FROM types ORDER BY id
SELECT id, pmod(i16, 7) AS p FROM types ORDER BY id;

-- name: math_greatest_least | ordered: true | spark_differs:
SELECT id, greatest(i8, i16, i32) AS g, least(i8, i16, i32) AS l FROM types ORDER BY id;

-- name: math_unary_minus | ordered: true | spark_differs:
SELECT id, -i16 AS n16, -f64 AS nf, -dec AS nd FROM types WHERE id > 5 ORDER BY id;

-- name: math_double_arith | ordered: true | spark_differs:
SELECT event_id, value * 1.5e0 + 2 AS v, value / 3 AS third FROM events WHERE event_id <= 20 ORDER BY event_id;

-- name: math_special_floats | ordered: true | spark_differs:
SELECT id, f64 + 1 AS plus, f64 * 0 AS times0, f64 > 0 AS pos FROM types ORDER BY id;

-- name: div_int_slash_double | ordered: true | spark_differs:
SELECT product_id, product_id / 4 AS q FROM products ORDER BY product_id;

-- name: div_integer_div | ordered: true | spark_differs:
-- duckdb: SELECT id, i16 // 7 AS q, i64 // 1000 AS q64 FROM types ORDER BY id
SELECT id, i16 div 7 AS q, i64 div 1000 AS q64 FROM types ORDER BY id;

-- name: div_negative_int | ordered: false | spark_differs:
-- duckdb: SELECT -7 // 2 AS a, 7 // -2 AS b, -7 % 2 AS c, -7 / 2 AS d
SELECT -7 div 2 AS a, 7 div -2 AS b, -7 % 2 AS c, -7 / 2 AS d;

-- name: div_by_zero_error | ordered: false | spark_differs: DuckDB gives Infinity for x / 0; Spark (ANSI) fails with DIVIDE_BY_ZERO
SELECT count(*) AS n, sum(product_id / (product_id - product_id)) AS s FROM products;

-- name: dec_add_sub | ordered: true | spark_differs:
SELECT event_id, amount + 1.05 AS plus, amount - amount AS zero FROM events WHERE event_id <= 20 ORDER BY event_id;

-- name: dec_multiply | ordered: true | spark_differs:
SELECT e.event_id, e.amount * p.price AS product FROM events e JOIN products p ON e.product_id = p.product_id
WHERE e.event_id <= 30 ORDER BY e.event_id;

-- name: dec_divide | ordered: true | spark_differs: DuckDB divides decimals as doubles; Spark keeps a decimal with its precision rules
SELECT product_id, price / 3 AS third FROM products ORDER BY product_id;

-- name: dec_sum_avg | ordered: false | spark_differs: DuckDB's avg of a decimal is a DOUBLE; Spark's a decimal(p+4, s+4)
SELECT sum(amount) AS total, avg(amount) AS mean, min(amount) AS lo, max(amount) AS hi FROM events;

-- name: dec_wide | ordered: true | spark_differs: Spark types dec + dec as decimal(38,9) (rounding the last digit), DuckDB as decimal(38,10)
SELECT id, dec, dec + dec AS twice, dec_small * dec_small AS sq FROM types ORDER BY id;

-- name: dec_compare_int | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE amount > 4000 AND amount < 4001;

-- name: date_parts | ordered: true | spark_differs:
SELECT event_id, year(ts) AS y, month(ts) AS m, day(ts) AS d, hour(ts) AS h FROM events WHERE event_id <= 20 ORDER BY event_id;

-- name: date_parts_of_date | ordered: true | spark_differs:
SELECT id, year(d) AS y, month(d) AS m, day(d) AS dd FROM types ORDER BY id;

-- name: date_add_sub | ordered: true | spark_differs:
-- duckdb: SELECT user_id, signup_date, CAST(signup_date + INTERVAL 10 DAYS AS DATE) AS plus10, CAST(signup_date - INTERVAL 40 DAYS AS DATE) AS minus40 FROM users WHERE user_id <= 10 ORDER BY user_id, signup_date
SELECT user_id, signup_date, date_add(signup_date, 10) AS plus10, date_sub(signup_date, 40) AS minus40
FROM users WHERE user_id <= 10 ORDER BY user_id, signup_date;

-- name: date_datediff | ordered: false | spark_differs:
-- duckdb: SELECT datediff('day', DATE '2024-01-01', signup_date) // 100 AS bucket, count(*) AS n FROM users GROUP BY 1
SELECT datediff(signup_date, DATE '2024-01-01') div 100 AS bucket, count(*) AS n FROM users GROUP BY 1;

-- name: date_add_months | ordered: true | spark_differs:
-- duckdb: SELECT d, CAST(d + INTERVAL 1 MONTH AS DATE) AS next_month FROM (SELECT DISTINCT day AS d FROM events WHERE day >= DATE '2026-01-28' AND day <= DATE '2026-02-01') t ORDER BY d
SELECT d, add_months(d, 1) AS next_month FROM (SELECT DISTINCT day AS d FROM events WHERE day >= DATE '2026-01-28' AND day <= DATE '2026-02-01') t ORDER BY d;

-- name: date_to_date | ordered: false | spark_differs:
-- duckdb: SELECT CAST('2026-03-01' AS DATE) AS d, CAST(strptime('01/03/2026', '%d/%m/%Y') AS DATE) AS dmy
SELECT to_date('2026-03-01') AS d, to_date('01/03/2026', 'dd/MM/yyyy') AS dmy;

-- name: date_to_timestamp | ordered: false | spark_differs:
-- duckdb: SELECT CAST(strptime('2026-03-01 12:30:00', '%Y-%m-%d %H:%M:%S') AS TIMESTAMPTZ) AS ts
SELECT to_timestamp('2026-03-01 12:30:00') AS ts;

-- name: date_trunc_ts | ordered: false | spark_differs:
SELECT date_trunc('MONTH', ts) AS m, count(*) AS n FROM events GROUP BY 1;

-- name: date_trunc_hour | ordered: true | spark_differs:
SELECT event_id, date_trunc('HOUR', ts) AS h, date_trunc('DAY', ts) AS d FROM events WHERE event_id <= 10 ORDER BY event_id;

-- name: date_format | ordered: true | spark_differs:
-- duckdb: SELECT event_id, strftime(ts, '%Y-%m-%d %H:%M:%S') AS f, strftime(day, '%Y/%m') AS ym FROM events WHERE event_id <= 10 ORDER BY event_id
SELECT event_id, date_format(ts, 'yyyy-MM-dd HH:mm:ss') AS f, date_format(day, 'yyyy/MM') AS ym FROM events WHERE event_id <= 10 ORDER BY event_id;

-- name: date_unix_timestamp | ordered: true | spark_differs:
-- duckdb: SELECT event_id, CAST(floor(epoch(ts)) AS BIGINT) AS secs FROM events WHERE event_id <= 10 ORDER BY event_id
SELECT event_id, unix_timestamp(ts) AS secs FROM events WHERE event_id <= 10 ORDER BY event_id;

-- name: date_from_unixtime | ordered: false | spark_differs:
-- duckdb: SELECT strftime(make_timestamp(CAST(1767225600 AS BIGINT) * 1000000), '%Y-%m-%d %H:%M:%S') AS s
SELECT from_unixtime(1767225600) AS s;

-- name: date_current | ordered: false | spark_differs:
SELECT current_date > DATE '2020-01-01' AS after_2020, current_timestamp > TIMESTAMP '2020-01-01 00:00:00' AS ts_after;

-- name: date_interval_arith | ordered: true | spark_differs:
SELECT event_id, ts + INTERVAL 2 HOURS AS later, ts - INTERVAL 1 DAYS AS earlier FROM events WHERE event_id <= 10 ORDER BY event_id;

-- name: date_compare_ts_date | ordered: false | spark_differs:
SELECT count(*) AS n FROM events WHERE CAST(ts AS DATE) <> day;

-- name: date_ntz | ordered: true | spark_differs:
SELECT id, ts_ntz, hour(ts_ntz) AS h, CAST(ts_ntz AS DATE) AS d FROM types ORDER BY id;

-- name: agg_count_star | ordered: false | spark_differs:
SELECT count(*) AS n FROM events;

-- name: agg_count_column | ordered: false | spark_differs:
SELECT count(amount) AS amounts, count(user_id) AS users, count(1) AS ones FROM events;

-- name: agg_count_distinct | ordered: false | spark_differs:
SELECT count(DISTINCT user_id) AS users, count(DISTINCT event_type) AS types FROM events;

-- name: agg_sum_int | ordered: false | spark_differs:
SELECT sum(product_id) AS s, sum(event_id) AS se FROM events;

-- name: agg_avg_double | ordered: false | spark_differs:
SELECT avg(value) AS mean, sum(value) AS total FROM events;

-- name: agg_min_max_types | ordered: false | spark_differs:
SELECT min(i8) AS a, max(i64) AS b, min(dec) AS c, max(s) AS d, min(d) AS e, max(ts) AS f, min(bool) AS g, max(b) AS h FROM types;

-- name: agg_min_max_nan | ordered: false | spark_differs:
SELECT min(f64) AS lo, max(f64) AS hi, count(f64) AS n FROM types;

-- name: agg_sum_nan | ordered: false | spark_differs:
SELECT sum(f64) AS s FROM types WHERE id > 3;

-- name: agg_first_last_single | ordered: false | spark_differs:
SELECT user_id, first(name) AS f, last(name) AS l FROM users WHERE user_id IN (1, 2, 3) AND user_id NOT IN (SELECT user_id FROM users GROUP BY user_id HAVING count(*) > 1)
GROUP BY user_id;

-- name: agg_collect_list | ordered: false | spark_differs:
-- duckdb: SELECT user_id, list_sort(list(tier)) AS tiers FROM users WHERE user_id <= 20 GROUP BY user_id
SELECT user_id, sort_array(collect_list(tier)) AS tiers FROM users WHERE user_id <= 20 GROUP BY user_id;

-- name: agg_approx_count_distinct | ordered: false | spark_differs: approximate: HyperLogLog estimates differ between engines
SELECT approx_count_distinct(user_id) AS users FROM events;

-- name: agg_multiple_distinct | ordered: false | spark_differs:
SELECT event_type, count(DISTINCT user_id) AS users, count(DISTINCT product_id) AS products, count(*) AS n FROM events GROUP BY event_type;

-- name: agg_conditional | ordered: false | spark_differs:
SELECT sum(CASE WHEN flag THEN amount ELSE 0 END) AS flagged, count(CASE WHEN flag IS NULL THEN 1 END) AS unknown FROM events;

-- name: agg_expression_of_aggregates | ordered: false | spark_differs: DuckDB divides decimal by bigint as doubles; Spark keeps a decimal
SELECT sum(amount) / count(amount) AS manual_mean, max(value) - min(value) AS spread FROM events;

-- name: group_by_column | ordered: false | spark_differs:
SELECT event_type, count(*) AS n, sum(amount) AS total FROM events GROUP BY event_type;

-- name: group_by_two_columns | ordered: false | spark_differs:
SELECT event_type, flag, count(*) AS n FROM events GROUP BY event_type, flag;

-- name: group_by_ordinal | ordered: false | spark_differs:
SELECT country, tier, count(*) AS n FROM users GROUP BY 1, 2;

-- name: group_by_expression | ordered: false | spark_differs:
SELECT month(day) AS m, event_id % 3 AS r, count(*) AS n FROM events GROUP BY month(day), event_id % 3;

-- name: group_by_skewed_key | ordered: false | spark_differs:
SELECT user_id, count(*) AS n, sum(amount) AS total FROM events WHERE user_id <= 10 OR user_id IS NULL GROUP BY user_id;

-- name: group_by_many_groups | ordered: false | spark_differs:
SELECT count(*) AS groups, sum(n) AS rows, max(n) AS biggest FROM (SELECT user_id, product_id, count(*) AS n FROM events GROUP BY user_id, product_id) g;

-- name: group_by_null_key | ordered: false | spark_differs:
SELECT key, count(*) AS n, sum(value) AS s FROM kv WHERE key IS NULL OR key = 'k001' GROUP BY key;

-- name: group_by_bool | ordered: false | spark_differs:
SELECT flag, min(event_id) AS first_id, max(event_id) AS last_id FROM events GROUP BY flag;

-- name: group_by_date | ordered: false | spark_differs:
SELECT day, count(*) AS n FROM events WHERE day < DATE '2026-01-08' GROUP BY day;

-- name: group_by_decimal | ordered: false | spark_differs:
SELECT price, count(*) AS n FROM products GROUP BY price HAVING count(*) >= 1 AND price > 500;

-- name: group_by_double_negative_zero | ordered: false | spark_differs:
SELECT f64, count(*) AS n FROM types GROUP BY f64;

-- name: group_by_string_unicode | ordered: false | spark_differs:
SELECT s, count(*) AS n FROM types GROUP BY s;

-- name: having_count | ordered: false | spark_differs:
SELECT user_id, count(*) AS n FROM events GROUP BY user_id HAVING count(*) > 1000;

-- name: having_without_select_aggregate | ordered: false | spark_differs:
SELECT country FROM users GROUP BY country HAVING max(tier) = 3 AND min(tier) = 1;

-- name: having_alias | ordered: false | spark_differs:
SELECT event_type, sum(amount) AS total FROM events GROUP BY event_type HAVING total > 0;

-- name: distinct_single | ordered: false | spark_differs:
SELECT DISTINCT event_type FROM events;

-- name: distinct_multi | ordered: false | spark_differs:
SELECT DISTINCT country, tier FROM users;

-- name: distinct_with_nulls | ordered: false | spark_differs:
SELECT DISTINCT flag FROM events;

-- name: distinct_count_rows | ordered: false | spark_differs:
SELECT count(*) AS n FROM (SELECT DISTINCT user_id, event_type FROM events) d;

-- name: empty_count | ordered: false | spark_differs:
SELECT count(*) AS n, count(value) AS nv, count(DISTINCT key) AS nk FROM empty;

-- name: empty_sum_avg | ordered: false | spark_differs:
SELECT sum(value) AS s, avg(value) AS a, min(key) AS lo, max(value) AS hi FROM empty;

-- name: empty_group_by | ordered: false | spark_differs:
SELECT key, count(*) AS n FROM empty GROUP BY key;

-- name: empty_filtered_aggregate | ordered: false | spark_differs:
SELECT count(*) AS n, sum(amount) AS s FROM events WHERE event_id < 0;

-- name: empty_join | ordered: false | spark_differs:
SELECT k.key, e.value FROM kv k JOIN empty e ON k.key = e.key;

-- name: empty_left_join | ordered: false | spark_differs:
SELECT count(*) AS n, count(e.value) AS matched FROM kv k LEFT JOIN empty e ON k.key = e.key;

-- name: empty_order_limit | ordered: true | spark_differs:
SELECT key, value FROM empty ORDER BY value LIMIT 5;

-- name: empty_union | ordered: false | spark_differs:
SELECT count(*) AS n FROM (SELECT key FROM empty UNION ALL SELECT key FROM kv WHERE value > 999000) u;

-- name: join_inner | ordered: false | spark_differs:
SELECT p.category, count(*) AS n, sum(e.amount) AS total FROM events e JOIN products p ON e.product_id = p.product_id GROUP BY p.category;

-- name: join_inner_explicit | ordered: true | spark_differs:
SELECT e.event_id, p.name FROM events e INNER JOIN products p ON p.product_id = e.product_id WHERE e.event_id <= 25 ORDER BY e.event_id;

-- name: join_left | ordered: false | spark_differs:
SELECT p.category, count(*) AS n FROM events e LEFT JOIN products p ON e.product_id = p.product_id GROUP BY p.category;

-- name: join_left_outer_keyword | ordered: false | spark_differs:
SELECT count(*) AS n, count(u.user_id) AS matched FROM events e LEFT OUTER JOIN users u ON e.user_id = u.user_id;

-- name: join_right | ordered: false | spark_differs:
SELECT p.product_id, count(e.event_id) AS n FROM events e RIGHT JOIN products p ON e.product_id = p.product_id AND e.event_type = 'refund' AND e.day = DATE '2026-01-01'
GROUP BY p.product_id;

-- name: join_full | ordered: false | spark_differs:
SELECT a.key AS a_key, b.key AS b_key, a.n AS an, b.n AS bn
FROM (SELECT key, count(*) AS n FROM kv WHERE value < 100000 GROUP BY key) a
FULL OUTER JOIN (SELECT key, count(*) AS n FROM kv WHERE value > 900000 GROUP BY key) b ON a.key = b.key;

-- name: join_full_no_outer | ordered: false | spark_differs:
SELECT count(*) AS n, count(p.product_id) AS products, count(t.id) AS types_rows FROM products p FULL JOIN types t ON p.product_id = t.id;

-- name: join_left_semi | ordered: false | spark_differs:
-- duckdb: SELECT u.user_id, u.name FROM users u SEMI JOIN events e ON u.user_id = e.user_id AND e.amount > 4990
SELECT u.user_id, u.name FROM users u LEFT SEMI JOIN events e ON u.user_id = e.user_id AND e.amount > 4990;

-- name: join_left_anti | ordered: false | spark_differs:
-- duckdb: SELECT u.user_id FROM users u ANTI JOIN events e ON u.user_id = e.user_id AND e.event_type = 'refund' AND e.day <= DATE '2026-01-20'
SELECT u.user_id FROM users u LEFT ANTI JOIN events e ON u.user_id = e.user_id AND e.event_type = 'refund' AND e.day <= DATE '2026-01-20';

-- name: join_anti_products | ordered: false | spark_differs:
-- duckdb: SELECT DISTINCT e.product_id FROM events e ANTI JOIN products p ON e.product_id = p.product_id
SELECT DISTINCT e.product_id FROM events e LEFT ANTI JOIN products p ON e.product_id = p.product_id;

-- name: join_cross | ordered: false | spark_differs:
SELECT a.category, b.tier, count(*) AS n FROM products a CROSS JOIN (SELECT DISTINCT tier FROM users) b GROUP BY a.category, b.tier;

-- name: join_comma | ordered: false | spark_differs:
SELECT count(*) AS n FROM products p, users u WHERE p.product_id = u.tier;

-- name: join_residual_inner | ordered: false | spark_differs:
SELECT count(*) AS n FROM events e JOIN products p ON e.product_id = p.product_id AND e.amount > p.price;

-- name: join_residual_left | ordered: false | spark_differs:
SELECT count(*) AS n, count(p.product_id) AS matched FROM events e LEFT JOIN products p ON e.product_id = p.product_id AND p.category = 'books' AND e.amount < p.price;

-- name: join_non_equi | ordered: false | spark_differs:
SELECT a.product_id, count(*) AS cheaper FROM products a JOIN products b ON b.price < a.price GROUP BY a.product_id;

-- name: join_null_keys_never_match | ordered: false | spark_differs:
SELECT count(*) AS n FROM kv a JOIN kv b ON a.key = b.key WHERE a.key IS NULL;

-- name: join_duplicates_multiply | ordered: false | spark_differs:
SELECT count(*) AS n FROM users a JOIN users b ON a.user_id = b.user_id;

-- name: join_star_schema | ordered: false | spark_differs:
SELECT u.country, p.category, count(*) AS n, sum(e.amount) AS revenue
FROM events e JOIN users u ON e.user_id = u.user_id JOIN products p ON e.product_id = p.product_id
WHERE e.event_type = 'purchase' AND u.tier = 2
GROUP BY u.country, p.category;

-- name: join_using | ordered: false | spark_differs:
SELECT count(*) AS n FROM events JOIN products USING (product_id);

-- name: join_self_different_columns | ordered: true | spark_differs:
SELECT a.id, b.id AS other FROM types a JOIN types b ON a.i8 = b.i8 AND a.id < b.id ORDER BY a.id, other;

-- name: join_on_expression | ordered: false | spark_differs:
SELECT count(*) AS n FROM events e JOIN users u ON e.user_id = u.user_id + 1000;

-- name: join_mixed_types | ordered: false | spark_differs:
SELECT count(*) AS n FROM events e JOIN products p ON e.user_id = p.product_id;

-- name: join_three_way_left | ordered: false | spark_differs:
SELECT count(*) AS n, count(u.user_id) AS users, count(p.product_id) AS products
FROM events e LEFT JOIN users u ON e.user_id = u.user_id LEFT JOIN products p ON e.product_id = p.product_id
WHERE e.event_id % 10 = 0;

-- name: join_dictionary_group_outer | ordered: false | spark_differs:
SELECT u.country, p.category, count(*) AS n, count(u.user_id) AS matched, sum(e.value) AS total
FROM events e LEFT JOIN users u ON e.user_id = u.user_id LEFT JOIN products p ON e.product_id = p.product_id
GROUP BY u.country, p.category;

-- name: join_dictionary_group_right | ordered: false | spark_differs:
SELECT u.country, count(e.event_id) AS n
FROM events e RIGHT JOIN users u ON e.user_id = u.user_id AND e.event_type = 'refund'
GROUP BY u.country;

-- name: join_dictionary_group_mixed_keys | ordered: false | spark_differs:
SELECT u.country, e.event_type, upper(p.category) AS category, count(*) AS n,
       count(DISTINCT p.category) AS categories, max(u.country) AS top
FROM events e JOIN users u ON e.user_id = u.user_id JOIN products p ON e.product_id = p.product_id
GROUP BY u.country, e.event_type, upper(p.category);

-- name: join_dictionary_filter_after_join | ordered: false | spark_differs:
SELECT p.category, count(*) AS n
FROM events e JOIN users u ON e.user_id = u.user_id JOIN products p ON e.product_id = p.product_id
WHERE coalesce(u.country, 'none') <> upper(substring(p.category, 1, 2))
GROUP BY p.category HAVING count(*) > 10;

-- name: join_dictionary_build_with_nulls | ordered: false | spark_differs:
SELECT b.key, count(*) AS n, min(a.key) AS first_key FROM kv a JOIN kv b ON a.value = b.value GROUP BY b.key;

-- name: join_dictionary_through_subquery | ordered: false | spark_differs:
SELECT region, count(*) AS n
FROM (SELECT coalesce(u.country, '?') AS region, u.country, e.event_id FROM events e JOIN users u ON e.user_id = u.user_id
      WHERE e.flag) t
GROUP BY region, country;

-- name: join_dictionary_below_window | ordered: false | spark_differs:
SELECT country, count(*) AS n
FROM (SELECT u.country, row_number() OVER (PARTITION BY u.country ORDER BY e.event_id) AS rn
      FROM events e JOIN users u ON e.user_id = u.user_id) t
WHERE rn <= 3 GROUP BY country;

-- name: cte_simple | ordered: false | spark_differs:
WITH purchases AS (SELECT * FROM events WHERE event_type = 'purchase')
SELECT count(*) AS n, sum(amount) AS total FROM purchases;

-- name: cte_chain | ordered: false | spark_differs:
WITH daily AS (SELECT day, sum(amount) AS total FROM events GROUP BY day),
     weekly AS (SELECT date_trunc('WEEK', day) AS week, sum(total) AS total FROM daily GROUP BY 1)
SELECT count(*) AS weeks, sum(total) AS total FROM weekly;

-- name: cte_used_twice | ordered: false | spark_differs:
WITH counts AS (SELECT user_id, count(*) AS n FROM events GROUP BY user_id)
SELECT a.user_id, a.n FROM counts a JOIN (SELECT max(n) AS top FROM counts) b ON a.n = b.top;

-- name: cte_column_list | ordered: false | spark_differs:
WITH t(k, v) AS (SELECT key, value FROM kv WHERE value < 0)
SELECT count(*) AS n, min(v) AS lo FROM t;

-- name: subq_from | ordered: false | spark_differs:
SELECT t.category, t.n FROM (SELECT category, count(*) AS n FROM products GROUP BY category) t WHERE t.n >= 10;

-- name: subq_from_nested | ordered: false | spark_differs:
SELECT max(n) AS most FROM (SELECT user_id, n FROM (SELECT user_id, count(*) AS n FROM events GROUP BY user_id) a WHERE user_id IS NOT NULL) b;

-- name: subq_scalar_where | ordered: false | spark_differs:
SELECT product_id, price FROM products WHERE price > (SELECT avg(price) FROM products) * 1.5;

-- name: subq_scalar_select | ordered: true | spark_differs:
SELECT product_id, price - (SELECT min(price) FROM products) AS above_min FROM products ORDER BY product_id;

-- name: subq_scalar_correlated | ordered: false | spark_differs:
SELECT p.product_id, (SELECT count(*) FROM events e WHERE e.product_id = p.product_id AND e.event_type = 'refund') AS refunds FROM products p;

-- name: subq_scalar_empty_is_null | ordered: false | spark_differs:
SELECT (SELECT max(value) FROM empty) AS m, (SELECT count(*) FROM empty) AS c;

-- name: subq_unaliased_from | ordered: false | spark_differs:
SELECT count(*) AS n FROM (SELECT DISTINCT country FROM users);

-- name: set_union_all | ordered: false | spark_differs:
SELECT key FROM kv WHERE value > 999000 UNION ALL SELECT key FROM kv WHERE value < -990;

-- name: set_union_distinct | ordered: false | spark_differs:
SELECT country FROM users WHERE tier = 1 UNION SELECT country FROM users WHERE tier = 2;

-- name: set_union_types | ordered: false | spark_differs:
SELECT product_id AS x FROM products WHERE product_id < 3 UNION ALL SELECT event_id FROM events WHERE event_id < 3;

-- name: set_except | ordered: false | spark_differs:
SELECT product_id FROM events EXCEPT SELECT product_id FROM products;

-- name: set_intersect | ordered: false | spark_differs:
SELECT product_id FROM products INTERSECT SELECT product_id FROM events WHERE event_type = 'refund' AND day = DATE '2026-02-14';

-- name: set_union_nulls_distinct | ordered: false | spark_differs:
SELECT flag FROM events UNION SELECT bool FROM types;

-- name: set_union_order_limit | ordered: true | spark_differs:
SELECT key, value FROM kv WHERE value > 998000 UNION ALL SELECT key, value FROM kv WHERE value < -995 ORDER BY value, key LIMIT 8;

-- name: set_except_empty | ordered: false | spark_differs:
SELECT DISTINCT category FROM products EXCEPT SELECT key FROM empty;

-- name: set_intersect_empty | ordered: false | spark_differs:
SELECT key FROM kv INTERSECT SELECT key FROM empty;

-- name: win_row_number | ordered: true | spark_differs:
SELECT event_id, user_id, row_number() OVER (PARTITION BY user_id ORDER BY event_id) AS rn FROM events WHERE user_id = 42 ORDER BY event_id;

-- name: win_rank_dense_rank | ordered: true | spark_differs:
SELECT product_id, category, price, rank() OVER (PARTITION BY category ORDER BY price DESC) AS r,
       dense_rank() OVER (ORDER BY category) AS dr
FROM products ORDER BY product_id;

-- name: win_rank_ties | ordered: true | spark_differs:
SELECT id, i8, rank() OVER (ORDER BY i8) AS r, dense_rank() OVER (ORDER BY i8) AS dr, row_number() OVER (ORDER BY i8, id) AS rn FROM types ORDER BY id;

-- name: win_lag_lead | ordered: true | spark_differs:
SELECT event_id, amount, lag(amount) OVER (ORDER BY event_id) AS prev, lead(amount, 2) OVER (ORDER BY event_id) AS next2
FROM events WHERE user_id = 7 ORDER BY event_id;

-- name: win_lag_default | ordered: true | spark_differs:
SELECT product_id, lag(price, 1, 0) OVER (PARTITION BY category ORDER BY product_id) AS prev FROM products ORDER BY product_id;

-- name: win_sum_partition | ordered: true | spark_differs:
SELECT product_id, category, sum(price) OVER (PARTITION BY category) AS category_total FROM products ORDER BY product_id;

-- name: win_running_sum | ordered: true | spark_differs:
SELECT product_id, sum(price) OVER (PARTITION BY category ORDER BY product_id) AS running FROM products ORDER BY product_id;

-- name: win_rows_frame | ordered: true | spark_differs:
SELECT product_id, sum(price) OVER (ORDER BY product_id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS moving,
       avg(product_id) OVER (ORDER BY product_id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS centred
FROM products ORDER BY product_id;

-- name: win_unbounded_frame | ordered: true | spark_differs:
SELECT product_id, max(price) OVER (ORDER BY product_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS top,
       min(price) OVER (ORDER BY product_id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS rest_min
FROM products ORDER BY product_id;

-- name: win_range_frame | ordered: true | spark_differs:
SELECT id, i8, count(*) OVER (ORDER BY i8 RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto FROM types ORDER BY id;

-- name: win_count_partition | ordered: false | spark_differs:
SELECT country, tier, count(*) OVER (PARTITION BY country) AS in_country FROM users WHERE user_id < 40;

-- name: win_avg_min_max | ordered: false | spark_differs: DuckDB's avg of a decimal is a DOUBLE; Spark's a decimal(p+4, s+4)
SELECT event_type, avg(amount) OVER (PARTITION BY event_type) AS mean, min(value) OVER (PARTITION BY event_type) AS lo, max(ts) OVER (PARTITION BY event_type) AS last_ts
FROM events WHERE event_id <= 50;

-- name: win_rank_filter_top3 | ordered: false | spark_differs:
SELECT key, value FROM (SELECT key, value, rank() OVER (PARTITION BY key ORDER BY value DESC) AS r FROM kv WHERE key < 'k010') t WHERE r <= 3;

-- name: win_over_aggregate | ordered: false | spark_differs:
SELECT event_type, count(*) AS n, sum(count(*)) OVER () AS total FROM events GROUP BY event_type;

-- name: win_null_partition | ordered: false | spark_differs:
SELECT key, value, row_number() OVER (PARTITION BY key ORDER BY value NULLS LAST) AS rn FROM kv WHERE key IS NULL;

-- name: latest_per_key | ordered: false | spark_differs:
SELECT user_id, name, country, updated_at FROM (
  SELECT *, row_number() OVER (PARTITION BY user_id ORDER BY updated_at DESC) AS rn FROM users
) t WHERE rn = 1 AND user_id <= 50;

-- name: latest_per_key_count | ordered: false | spark_differs:
SELECT count(*) AS n, count(DISTINCT user_id) AS users FROM (
  SELECT user_id, row_number() OVER (PARTITION BY user_id ORDER BY updated_at DESC) AS rn FROM users
) t WHERE rn = 1;

-- name: latest_event_per_user | ordered: false | spark_differs:
WITH ranked AS (
  SELECT e.*, row_number() OVER (PARTITION BY e.user_id ORDER BY e.ts DESC, e.event_id DESC) AS rn FROM events e
)
SELECT count(*) AS n, sum(amount) AS total, max(ts) AS newest, min(ts) AS oldest FROM ranked WHERE rn = 1;

-- name: latest_per_key_with_ties_broken | ordered: false | spark_differs:
SELECT key, value FROM (SELECT key, value, row_number() OVER (PARTITION BY key ORDER BY value DESC NULLS LAST) AS rn FROM kv) t
WHERE rn = 1 AND (key < 'k020' OR key IS NULL);

-- name: latest_per_key_join_dimension | ordered: false | spark_differs:
WITH latest AS (SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY user_id ORDER BY updated_at DESC) AS rn FROM users) WHERE rn = 1)
SELECT l.country, count(*) AS n FROM events e JOIN latest l ON e.user_id = l.user_id GROUP BY l.country;

-- name: order_asc_default_nulls_first | ordered: true | spark_differs:
SELECT id, i16 FROM types ORDER BY i16, id;

-- name: order_desc_default_nulls_last | ordered: true | spark_differs:
SELECT id, i16 FROM types ORDER BY i16 DESC, id;

-- name: order_nulls_last_asc | ordered: true | spark_differs:
SELECT id, s FROM types ORDER BY s ASC NULLS LAST, id;

-- name: order_nulls_first_desc | ordered: true | spark_differs:
SELECT id, d FROM types ORDER BY d DESC NULLS FIRST, id;

-- name: order_double_nan | ordered: true | spark_differs:
SELECT id, f64 FROM types ORDER BY f64, id;

-- name: order_strings_binary | ordered: true | spark_differs:
SELECT id, s FROM types WHERE s IS NOT NULL ORDER BY s, id;

-- name: order_binary_column | ordered: true | spark_differs:
SELECT id, b FROM types ORDER BY b, id;

-- name: order_top_n | ordered: true | spark_differs:
SELECT event_id, amount FROM events WHERE amount IS NOT NULL ORDER BY amount DESC, event_id LIMIT 10;

-- name: order_top_n_skewed | ordered: true | spark_differs:
SELECT user_id, count(*) AS n FROM events GROUP BY user_id ORDER BY n DESC, user_id LIMIT 7;

-- name: order_by_ordinal | ordered: true | spark_differs:
SELECT category, count(*) AS n FROM products GROUP BY category ORDER BY 2 DESC, 1;

-- name: order_by_alias_expression | ordered: true | spark_differs:
SELECT product_id, price * 2 AS double_price FROM products ORDER BY double_price DESC, product_id LIMIT 5;

-- name: order_by_unselected | ordered: true | spark_differs:
SELECT name FROM products ORDER BY price, product_id LIMIT 5;

-- name: order_limit_zero | ordered: true | spark_differs:
SELECT event_id FROM events ORDER BY event_id LIMIT 0;

-- name: order_timestamp_desc | ordered: true | spark_differs:
SELECT event_id, ts FROM events ORDER BY ts DESC, event_id LIMIT 5;

-- name: order_limit_no_order | ordered: false | spark_differs:
SELECT count(*) AS n FROM (SELECT * FROM events LIMIT 1234) t;

-- name: order_date_multi_key | ordered: true | spark_differs:
SELECT day, event_type, count(*) AS n FROM events WHERE day <= DATE '2026-01-03' GROUP BY day, event_type ORDER BY day DESC, event_type NULLS LAST;

-- name: types_int8_arith | ordered: true | spark_differs:
SELECT id, i8, i8 + 1 AS plus FROM types WHERE i8 > -128 AND i8 < 127 ORDER BY id;

-- name: types_int_widening | ordered: true | spark_differs:
SELECT id, i8 + i16 + i32 AS s, i32 * 2 AS twice FROM types WHERE id >= 6 ORDER BY id;

-- name: types_float32 | ordered: true | spark_differs:
SELECT id, f32, f32 * 2 AS twice, CAST(f32 AS DOUBLE) AS widened FROM types ORDER BY id;

-- name: types_binary_length | ordered: true | spark_differs:
-- duckdb: SELECT id, octet_length(b) AS n FROM types ORDER BY id
SELECT id, length(b) AS n FROM types ORDER BY id;

-- name: types_binary_eq | ordered: false | spark_differs:
SELECT a.id, b.id AS other FROM types a JOIN types b ON a.b = b.b AND a.id < b.id;

-- name: types_string_unicode_length | ordered: false | spark_differs:
SELECT s, length(s) AS n FROM types WHERE s IN ('日本語', 'emoji 🎉', 'Zürich');

-- name: types_date_extremes | ordered: true | spark_differs:
SELECT id, d, date_add(d, 1) AS next FROM types ORDER BY id;

-- name: types_timestamp_extremes | ordered: true | spark_differs:
SELECT id, ts, CAST(ts AS DATE) AS d FROM types ORDER BY id;

-- name: types_bool_aggregates | ordered: false | spark_differs:
SELECT bool_and(bool) AS all_true, bool_or(bool) AS any_true, count(bool) AS n FROM types;

-- name: types_decimal_precision_38 | ordered: true | spark_differs:
SELECT id, dec, CAST(dec AS DECIMAL(20, 2)) AS narrowed FROM types WHERE id < 12 ORDER BY id;

-- name: types_int64_extremes | ordered: true | spark_differs:
SELECT id, i64, CAST(i64 AS DOUBLE) AS d FROM types WHERE id < 6 ORDER BY id;

-- name: types_is_nan | ordered: true | spark_differs: DuckDB gives isnan(NULL) NULL; Spark gives false (IsNaN is not nullable)
SELECT id, f64 = f64 AS self_equal, isnan(f64) AS nan FROM types ORDER BY id;
