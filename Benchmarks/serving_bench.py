"""Serving save benchmark: `sluice run kv save-data` (truncate, load, validate, flip) of kv20m into
SQLite, against Python's sqlite3.executemany into the same table layout, same run.

Usage: Benchmarks/serving [--rows N] [--repeat K] [--serve SECONDS]

Sets up Benchmarks/.data/serving-project (lake = Benchmarks/.data, serving = serving.db there) with
one job: prepare copies kv<N>.parquet into a result run, save loads the newest result into the
serving table `kv` (WITHOUT ROWID, key TEXT primary key, value INTEGER). Each repeat prepares a new
result (untimed) and times the whole `sluice run kv save-data` command; from the third repeat on the
load also empties a 20M-row table first. The anchor reads the same parquet with pyarrow and inserts
with executemany (journal off) into a fresh database. Reports seconds, rows/s, peak RSS and the ratio.

With --serve, it then starts `sluice serve` on the loaded table and runs wrk (1 thread, 8
connections, random keys) for SECONDS while a reload runs (pointer TTL 1 s), and reports wrk's
latency percentiles and requests/s, and the pointer reads the server made per TTL.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parquet_bench import DATA, MEASURE_CHILD, ROOT, kv_table, name_for, run_child, write_once  # noqa: E402

PROJECT = os.path.join(DATA, "serving-project")

PYTHON_SQLITE = """
import os, resource, sqlite3, sys, time, pyarrow.parquet as pq
path, db = sys.argv[1], sys.argv[2]
if os.path.exists(db): os.remove(db)
start = time.perf_counter()
con = sqlite3.connect(db); con.execute("PRAGMA journal_mode=OFF")
con.execute("CREATE TABLE kv (key TEXT NOT NULL, value INTEGER, PRIMARY KEY (key)) WITHOUT ROWID")
rows = 0
for batch in pq.ParquetFile(path).iter_batches(batch_size=100_000):
    d = batch.to_pydict(); con.executemany("INSERT INTO kv VALUES (?, ?)", zip(d["key"], d["value"]))
    rows += batch.num_rows
con.commit(); con.close()
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, rows)
"""


def write_kv_project(project, parquet_name, serving, results):
    """A project with one job, kv: prepare copies PARQUET_NAME into a result run under RESULTS, save loads
    the newest result into the serving table `kv` of the SERVING connection (its YAML mapping)."""
    os.makedirs(os.path.join(project, "jobs/kv"), exist_ok=True)
    with open(os.path.join(project, "sluice.yaml"), "w") as f:
        f.write(f"""project: kv-bench
connections:
  lake: {{ type: file, root: {DATA} }}
  serving: {serving}
engine: {{ type: local }}
""")
    with open(os.path.join(project, "jobs/kv/job.yaml"), "w") as f:
        f.write(f"""tasks:
  prepare-data:
    kind: prepare
    sources: {{ kv: {{ connection: lake, path: "{parquet_name}" }} }}
    sql: prepare.sql
    output: {{ connection: lake, path: "{results}" }}
  save-data:
    kind: save
    after: [prepare-data]
    input: {{ connection: lake, path: "{results}" }}
    target: {{ connection: serving, table: kv, key: [key], values: [value] }}
    validate: {{ min_rows: 1 }}
    keep_results: 2
""")
    with open(os.path.join(project, "jobs/kv/prepare.sql"), "w") as f:
        f.write("SELECT key, value FROM kv\n")


def write_project(parquet_name, ttl="0s"):
    write_kv_project(PROJECT, parquet_name,
                     f"{{ type: sqlite, path: ./serving.db, pointer_ttl: {ttl}, request_timeout: 0s, flip_margin: 0s }}",
                     "serving-results/kv/")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sluice", default=os.path.join(ROOT, ".build/release/sluice"))
    parser.add_argument("--serve", type=int, default=0, help="seconds of wrk load during a reload (0: skip)")
    args = parser.parse_args()
    path = name_for("kv", args.rows)
    write_once(path, kv_table(args.rows))
    write_project(os.path.basename(path))
    for name in ["serving.db", "serving.db-wal", "serving.db-shm"]:
        if os.path.exists(os.path.join(PROJECT, name)):
            os.remove(os.path.join(PROJECT, name))
    base = [args.sluice, "run", "kv", "--project", PROJECT, "--date", "2026-11-20", "--log-level", "warning"]

    db = os.path.join(DATA, "python-sqlite.db")
    seconds, rss, rows = run_child([sys.executable, "-c", PYTHON_SQLITE, path, db]).split()
    python_seconds = float(seconds)
    os.remove(db)
    print(f"save {os.path.basename(path)} ({rows} rows) into SQLite, release build\n")
    print(f"{'who':28} {'seconds':>8} {'rows/s':>12} {'peak RSS':>9} {'vs python':>9}")
    print(f"{'python sqlite3.executemany':28} {python_seconds:>8.2f} {int(rows) / python_seconds:>12,.0f} "
          f"{int(rss) / 2**20:>8.0f}Mi {1:>8.2f}x")
    for attempt in range(args.repeat):
        run_child(base[:3] + ["prepare-data"] + base[3:])
        started = time.perf_counter()
        lines = run_child([sys.executable, "-c", MEASURE_CHILD] + base[:3] + ["save-data"] + base[3:]).strip().split("\n")
        status, peak = lines[0], lines[-1]
        seconds = time.perf_counter() - started
        if status != "0":
            sys.exit(f"sluice save failed with exit {status}")
        label = "sluice save" + (" (first load)" if attempt == 0 else " (table 2)" if attempt == 1 else " (truncate+load)")
        print(f"{label:28} {seconds:>8.2f} {int(rows) / seconds:>12,.0f} {int(peak) / 2**20:>8.0f}Mi "
              f"{seconds / python_seconds:>8.2f}x")
    if args.serve:
        bench_serve(args, path, base, args.serve)


WRK_SCRIPT = """
math.randomseed(7)
request = function()
  return wrk.format("GET", string.format("/v1/kv/user-%08d", math.random(0, ROWS - 1)))
end
"""


def bench_serve(args, path, base, seconds):
    """wrk against `sluice serve` while the table reloads; the pointer TTL is 1 s."""
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk)")
    write_project(os.path.basename(path), ttl="1s")
    run_child(base[:3] + ["prepare-data"] + base[3:])
    server = subprocess.Popen([args.sluice, "serve", "--project", PROJECT, "--port", "0", "--log-level", "warning"],
                              stdout=subprocess.PIPE, text=True)
    try:
        port = re.search(r":(\d+)$", server.stdout.readline().strip()).group(1)
        script = os.path.join(DATA, "wrk-kv.lua")
        with open(script, "w") as f:
            f.write(WRK_SCRIPT.replace("ROWS", str(args.rows)))
        wrk = subprocess.Popen(["wrk", "-t1", "-c8", f"-d{seconds}s", "--latency", "-s", script,
                                f"http://127.0.0.1:{port}"], stdout=subprocess.PIPE, text=True)
        time.sleep(2)
        started = time.perf_counter()
        run_child(base[:3] + ["save-data"] + base[3:])
        reload_seconds = time.perf_counter() - started
        report = wrk.communicate()[0]
        metrics = subprocess.run(["curl", "-s", f"http://127.0.0.1:{port}/metrics"], capture_output=True,
                                 text=True).stdout
    finally:
        server.terminate()
        server.wait()
    refreshes = re.search(r'sluice_pointer_refreshes_total\{table="kv"\} (\d+)', metrics)
    print(f"\nsluice serve under wrk for {seconds} s (1 thread, 8 connections, random keys), "
          f"a {reload_seconds:.1f} s reload in the middle:")
    for line in report.splitlines():
        if re.match(r"\s+(50|90|99)%|Requests/sec|\s+Latency|Non-2xx|Socket errors", line):
            print("  " + line.strip())
    if refreshes:
        print(f"  pointer reads: {refreshes.group(1)} in about {seconds + 1} s with a 1 s TTL")


if __name__ == "__main__":
    main()
