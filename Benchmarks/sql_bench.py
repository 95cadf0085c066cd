"""Local SQL engine benchmarks: Sluice (`sluice query`, end to end) against DuckDB, same run.

Usage: Benchmarks/sql [--rows N] [--sales M] [--repeat K] [--only NAME] [--threads T] [--spark [sc://…]]

Creates with pyarrow, if missing (in Benchmarks/.data): kv<N>.parquet (as Benchmarks/parquet does)
and a star schema: sales<M>/ (M rows in 4 part files: sale_id, customer_id, product_id, day,
quantity, price), customers (1M rows: customer_id, name, region, segment) and products (10k rows:
product_id, category, brand).

Each query runs in DuckDB (threads=1 and threads=2, `read_parquet` views, in-process timing of the
query alone) and in `sluice query --format csv` (wall time of the whole command, process start
included). Answers must agree (floats to 1e-9 relative). Reports best of K seconds, the ratio to
DuckDB at the same thread count, and the peak RSS of each process.

With --spark, each query also runs on Apache Spark through pyspark's Connect client (temporary
views of the same files; in-process timing of `collect()` alone, after one warm-up run), on the
given server or on one started with scripts/spark-connect (pyspark's, local[2]: compare it with
the threads=2 rows). Its answers must agree too; reports Spark's time over Sluice's.
"""
import argparse
import csv
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parquet_bench import DATA, MEASURE_CHILD, ROOT, kv_table, name_for, run_child, write_once  # noqa: E402

CUSTOMERS = 1_000_000
PRODUCTS = 10_000

QUERIES = [
    ("scan-aggregate", "kv",
     "SELECT count(*) AS n, sum(value) AS s, min(key) AS lo, max(key) AS hi FROM kv"),
    ("group-by-1M", "kv",
     "SELECT count(*) AS groups, sum(n) AS rows, max(s) AS top FROM "
     "(SELECT value % 1000000 AS g, count(*) AS n, sum(value) AS s FROM kv GROUP BY value % 1000000)"),
    ("top-10", "kv",
     "SELECT key, value FROM kv ORDER BY value DESC LIMIT 10"),
    ("fact-dim-join", "star",
     "SELECT p.category, c.region, count(*) AS n, sum(s.quantity * s.price) AS revenue "
     "FROM sales s JOIN products p ON s.product_id = p.product_id "
     "JOIN customers c ON s.customer_id = c.customer_id "
     "WHERE c.segment <> 'closed' GROUP BY p.category, c.region ORDER BY p.category, c.region"),
    ("latest-per-key", "star",
     "SELECT count(*) AS n, sum(quantity) AS q, max(day) AS last_day FROM "
     "(SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY day DESC, sale_id DESC) AS rn "
     "FROM sales) WHERE rn = 1"),
]


def sales_table(first, rows):
    ids = pa.array(range(first, first + rows), type=pa.int64())
    mix = lambda n: pc.bit_wise_and(pc.multiply(ids, 2654435761), n)  # noqa: E731
    return pa.table({
        "sale_id": ids,
        "customer_id": pc.cast(pc.divide(mix(0xFFFFFF), 17), pa.int64()),
        "product_id": pc.cast(pc.bit_wise_and(pc.multiply(ids, 40503), 8191), pa.int32()),
        "day": pc.cast(pc.cast(pc.add(pc.bit_wise_and(mix(0xFFFF), 1023), 19_000), pa.int32()), pa.date32()),
        "quantity": pc.cast(pc.add(pc.bit_wise_and(ids, 7), 1), pa.int32()),
        "price": pc.divide(pc.cast(mix(0x3FFF), pa.float64()), 100.0),
    })


def customers_table():
    ids = pa.array(range(CUSTOMERS), type=pa.int64())
    regions = pa.array([f"region-{i:02d}" for i in range(20)])
    segments = pa.array(["retail", "business", "closed", "partner"])
    return pa.table({
        "customer_id": ids,
        "name": pc.binary_join_element_wise(pa.scalar("customer-"), pc.cast(ids, pa.string()), ""),
        "region": pc.take(regions, pc.bit_wise_and(pc.multiply(ids, 7919), 15)),
        "segment": pc.take(segments, pc.bit_wise_and(ids, 3)),
    })


def products_table():
    ids = pa.array(range(PRODUCTS), type=pa.int32())
    categories = pa.array([f"category-{i:02d}" for i in range(50)])
    return pa.table({
        "product_id": ids,
        "category": pc.take(categories, pc.bit_wise_and(pc.multiply(ids, 31), 31)),
        "brand": pc.binary_join_element_wise(pa.scalar("brand-"), pc.cast(pc.bit_wise_and(ids, 255), pa.string()), ""),
    })


def star_schema(sales_rows):
    """The star schema's folders, written once."""
    size = f"{sales_rows // 1_000_000}m" if sales_rows % 1_000_000 == 0 else str(sales_rows)
    folders = {"sales": os.path.join(DATA, f"sales{size}"), "customers": os.path.join(DATA, "customers"),
               "products": os.path.join(DATA, "products")}
    if not os.path.exists(folders["sales"]):
        os.makedirs(folders["sales"] + ".tmp", exist_ok=True)
        per_file = (sales_rows + 3) // 4
        for part in range(4):
            first = part * per_file
            rows = max(0, min(per_file, sales_rows - first))
            pq.write_table(sales_table(first, rows), os.path.join(folders["sales"] + ".tmp", f"part-{part}.parquet"))
        os.replace(folders["sales"] + ".tmp", folders["sales"])
    for name, make in (("customers", customers_table), ("products", products_table)):
        if not os.path.exists(folders[name]):
            os.makedirs(folders[name] + ".tmp", exist_ok=True)
            pq.write_table(make(), os.path.join(folders[name] + ".tmp", "part-0.parquet"))
            os.replace(folders[name] + ".tmp", folders[name])
    return folders


# Runs one query in DuckDB: best seconds over `repeat`, the peak RSS and the rows as CSV.
DUCKDB_QUERY = """
import csv, json, resource, sys, time, duckdb
views, sql, threads, repeat = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
con = duckdb.connect(); con.execute(f"SET threads={threads}"); con.execute("SET enable_progress_bar=false")
for name, path in views.items():
    pattern = path + "/*.parquet" if not path.endswith(".parquet") else path
    con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{pattern}')")
best = 1e9
for _ in range(repeat):
    s = time.perf_counter(); rows = con.execute(sql).fetchall(); best = min(best, time.perf_counter() - s)
print(best); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
w = csv.writer(sys.stdout); [w.writerow(r) for r in rows]
"""


# Runs one query on Spark through pyspark's Connect client: best seconds over `repeat` after a
# warm-up run (which also compiles the plan's code), and the rows as CSV.
SPARK_QUERY = """
import csv, json, sys, time
from pyspark.sql import SparkSession
remote, views, sql, repeat = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], int(sys.argv[4])
spark = SparkSession.builder.remote(remote).getOrCreate()
for name, path in views.items():
    spark.read.parquet(path).createOrReplaceTempView(name)
rows = spark.sql(sql).collect()
best = 1e9
for _ in range(repeat):
    s = time.perf_counter(); rows = spark.sql(sql).collect(); best = min(best, time.perf_counter() - s)
print(best)
w = csv.writer(sys.stdout); [w.writerow(r) for r in rows]
spark.stop()
"""


def spark_run(remote, views, sql, repeat):
    out = run_child([sys.executable, "-c", SPARK_QUERY, remote, json.dumps(views), sql, str(repeat)])
    seconds, rows = out.split("\n", 1)
    return float(seconds), list(csv.reader(io.StringIO(rows)))


def duckdb_run(views, sql, threads, repeat):
    out = run_child([sys.executable, "-c", DUCKDB_QUERY, json.dumps(views), sql, str(threads), str(repeat)])
    seconds, rss, rows = out.split("\n", 2)
    return float(seconds), int(rss), list(csv.reader(io.StringIO(rows)))


def sluice_run(sluice, views, sql, threads, repeat):
    argv = [sluice, "query", sql, "--format", "csv", "--threads", str(threads)]
    for name, path in views.items():
        argv += ["--view", f"{name}={path}"]
    best, rss, rows = 1e9, 0, []
    for _ in range(repeat):
        start = time.perf_counter()
        output, peak = measure_sluice(argv)
        best = min(best, time.perf_counter() - start)
        rss = max(rss, peak)
        rows = list(csv.reader(io.StringIO(output)))[1:]
    return best, rss, rows


def measure_sluice(argv):
    """The output and peak RSS of `sluice …`; exits with its stderr when it fails."""
    child = subprocess.run([sys.executable, "-c", MEASURE_CHILD] + argv, capture_output=True, text=True)
    lines = child.stdout.rstrip("\n").split("\n")
    if lines[0] != "0":
        sys.exit(f"sluice failed: {child.stderr.strip()}")
    return "\n".join(lines[1:-1]), int(lines[-1])


def same(a, b):
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return a in ("", "None") and b in ("", "None")
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def check(name, sluice_rows, duck_rows):
    if len(sluice_rows) != len(duck_rows) or not all(
            len(r) == len(d) and all(same(x, y) for x, y in zip(r, d)) for r, d in zip(sluice_rows, duck_rows)):
        sys.exit(f"{name}: answers differ\n sluice {sluice_rows[:5]}\n duckdb {duck_rows[:5]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000_000)
    parser.add_argument("--sales", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=[q[0] for q in QUERIES])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--sluice", default=os.path.join(ROOT, ".build/release/sluice"))
    parser.add_argument("--spark", nargs="?", const="start", metavar="sc://HOST:PORT",
                        help="also run each query on Spark (on this server, or on one started here)")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="sluice-sql-bench-")
    try:
        remote = None
        if args.spark == "start":
            from spark_bench import start_server  # noqa: E402 (pyspark is needed only here)
            remote = start_server(os.path.join(scratch, "spark"))
        elif args.spark:
            remote = args.spark
        run_queries(args, remote)
    finally:
        if args.spark == "start":
            from spark_bench import stop_server  # noqa: E402
            stop_server(os.path.join(scratch, "spark"))
        shutil.rmtree(scratch, ignore_errors=True)


def run_queries(args, remote):
    kv = name_for("kv", args.rows)
    write_once(kv, kv_table(args.rows))
    views = {"kv": {"kv": kv}, "star": {k: v for k, v in star_schema(args.sales).items()}}
    print(f"kv: {args.rows:,} rows; sales: {args.sales:,} rows, customers: {CUSTOMERS:,}, products: {PRODUCTS:,}")
    spark_header = f" {'spark s':>9} {'spark/sluice':>12}" if remote else ""
    print(f"{'query':16} {'threads':>7} {'duckdb s':>9} {'sluice s':>9} {'ratio':>7} {'duckdb RSS':>11} {'sluice RSS':>11}"
          + spark_header)
    for name, dataset, sql in QUERIES:
        if args.only and args.only != name:
            continue
        for threads in args.threads:
            d_seconds, d_rss, d_rows = duckdb_run(views[dataset], sql, threads, args.repeat)
            s_seconds, s_rss, s_rows = sluice_run(args.sluice, views[dataset], sql, threads, args.repeat)
            expected = [[("" if v is None else str(v)) for v in r] for r in d_rows]
            check(name, s_rows, expected)
            spark_column = ""
            if remote and threads == 2:
                p_seconds, p_rows = spark_run(remote, views[dataset], sql, args.repeat)
                check(f"{name} on spark", p_rows, expected)
                spark_column = f" {p_seconds:>9.3f} {p_seconds / s_seconds:>11.1f}x"
            print(f"{name:16} {threads:>7} {d_seconds:>9.3f} {s_seconds:>9.3f} {s_seconds / d_seconds:>6.2f}x "
                  f"{d_rss / 2**20:>9.0f}Mi {s_rss / 2**20:>9.0f}Mi" + spark_column, flush=True)


if __name__ == "__main__":
    main()
