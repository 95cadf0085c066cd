"""ScyllaDB save benchmark: the whole `sluice run kv save-data` (connect, create the keyspace and
tables, claim, load, validate by token-range counts, flip) of kv5m.parquet into a cql-test-server,
against the raw SluiceCQL insert of the same rows (cql-load, the CQL driver benchmark's client)
and a Python loader (pyarrow batches through the DataStax driver's execute_concurrent_with_args),
each at 1,024 writes in flight into its own fresh server (one node, loopback), in the same run.

Usage: Benchmarks/scylla [--rows N] [--python-rows N] [--bin DIR]

The save is timed as the whole process, from start to exit; the raw insert and the Python loader
time their inserts only. The Python loader reads the first --python-rows rows (default 500k: its
rows/s do not depend on the count, and 5M rows take it about 15 minutes here). Reports seconds,
rows/s and server CPU, the save's time over the raw insert's (target <= 1.1) and the save's rows/s
over the Python loader's (target >= 5).
"""
import argparse
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cql_bench import PYTHON, run  # noqa: E402
from parquet_bench import DATA, ROOT, kv_table, name_for, write_once  # noqa: E402
from serving_bench import write_kv_project  # noqa: E402

PROJECT = os.path.join(DATA, "scylla-project")

PYTHON_LOADER = """
import sys, time, pyarrow.parquet as pq
from cassandra.cluster import Cluster
from cassandra.concurrent import execute_concurrent_with_args
port, path, rows, in_flight = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
cluster = Cluster(["127.0.0.1"], port=port, protocol_version=4, compression=False)
session = cluster.connect()
insert = session.prepare("INSERT INTO bench.kv (key, value) VALUES (?, ?)")
def arguments():
    left = rows
    for batch in pq.ParquetFile(path).iter_batches(batch_size=65_536, columns=["key", "value"]):
        columns = batch.to_pydict()
        for pair in zip(columns["key"][:left], columns["value"][:left]):
            yield pair
        left -= batch.num_rows
        if left <= 0:
            return
start = time.perf_counter()
cpu = time.process_time()
results = execute_concurrent_with_args(session, insert, arguments(), concurrency=in_flight,
                                       raise_on_first_error=True, results_generator=True)
written = sum(1 for ok, _ in results if ok)
print(f"rows={written} seconds={time.perf_counter() - start} cpu_s={time.process_time() - cpu}")
cluster.shutdown()
"""


def write_project(parquet_name, port):
    write_kv_project(PROJECT, parquet_name,
                     f"""{{ type: scylla, contact_points: ["127.0.0.1:{port}"], keyspace: bench, create_keyspace: true,
             replication_factor: 1, pointer_ttl: 0s, request_timeout: 0s, flip_margin: 0s }}""",
                     "scylla-results/kv/")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--python-rows", type=int, default=500_000)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release"))
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin)
    parquet = name_for("kv", args.rows)
    write_once(parquet, kv_table(args.rows))
    sluice = os.path.join(args.bin, "sluice")
    # The result run the save loads is prepared once, untimed; it needs no server.
    if os.path.isdir(PROJECT):
        shutil.rmtree(PROJECT)
    shutil.rmtree(os.path.join(DATA, "scylla-results"), ignore_errors=True)
    write_project(os.path.basename(parquet), 9042)
    subprocess.run([sluice, "run", "kv", "prepare-data", "--date", "2026-11-26", "--log-level", "error"], cwd=PROJECT,
                   check=True, stdout=subprocess.DEVNULL)
    print(f"{args.rows:,} rows of {os.path.basename(parquet)}, 1,024 writes in flight, a fresh cql-test-server "
          "(one node, loopback) each", flush=True)
    raw = run("raw insert (cql-load)", [os.path.join(args.bin, "cql-load"), "--port", "PORT", "--rows",
                                        str(args.rows), "--key-prefix", "user-", "--value-multiplier", "7"], args.bin)
    save = run("sluice run kv save-data", [sluice, "run", "kv", "save-data", "--date", "2026-11-26", "--log-level",
                                           "error"], args.bin,
               prepare=lambda port: write_project(os.path.basename(parquet), port), cwd=PROJECT, rows=args.rows)
    python = run("Python loader (pyarrow+driver)", [PYTHON, "-c", PYTHON_LOADER, "PORT", parquet,
                                                    str(args.python_rows), "1024"], args.bin)
    print(f"client CPU per row: the save {save['cpu_us_per_row']:.1f} us, the raw insert {raw['cpu_us_per_row']:.1f} us")
    print(f"the whole save takes {save['seconds'] / raw['seconds']:.2f}x the raw insert's time (target <= 1.1); "
          f"{save['rows_per_s'] / python['rows_per_s']:.1f}x the Python loader's rows/s (target >= 5)")


if __name__ == "__main__":
    main()
