"""Parquet benchmarks: Sluice against pyarrow, measured in the same run.

Usage: Benchmarks/parquet [--rows N] [--mixed-rows M] [--repeat K] [--only read|mixed|write]

Creates, with pyarrow, if missing (in Benchmarks/.data):
- kv<N>.parquet: key string 'user-%08d', value int64, SNAPPY, pyarrow's default row groups;
- mixed<M>.parquet: int32, int64, double, string, bool, timestamp, date, decimal(18,2), a
  dictionary-heavy string and a nullable column, SNAPPY.
Then reports, best of K:
- read: pyarrow.parquet.read_table vs `sluice bench parquet-read`, 1 and 2 threads, peak RSS;
- write: pyarrow.parquet.write_table vs `sluice bench parquet-write` of the kv table (both
  read it into memory first, untimed; SNAPPY, default row groups); pyarrow reads Sluice's file
  back and the row count must match.
"""
import argparse
import datetime
import os
import subprocess
import sys

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Benchmarks/.data")


def name_for(prefix, rows):
    size = f"{rows // 1_000_000}m" if rows % 1_000_000 == 0 else str(rows)
    return os.path.join(DATA, f"{prefix}{size}.parquet")


def write_once(path, table):
    if os.path.exists(path):
        return
    os.makedirs(DATA, exist_ok=True)
    pq.write_table(table, path + ".tmp", compression="snappy")
    os.replace(path + ".tmp", path)


def kv_table(rows):
    ids = pa.array(range(rows), type=pa.int64())
    keys = pc.binary_join_element_wise(pa.scalar("user-"), pc.utf8_lpad(pc.cast(ids, pa.string()), 8, "0"), "")
    return pa.table({"key": keys, "value": pc.multiply(ids, 7)})


def mixed_table(rows):
    ids = pa.array(range(rows), type=pa.int64())
    mod = lambda n: pc.bit_wise_and(pc.multiply(ids, 2654435761), n)  # noqa: E731
    cities = pa.array(["Amsterdam", "Berlin", "Cairo", "Delhi", "Edinburgh", "Fes", "Geneva", "Hanoi"] * 4)
    start = datetime.datetime(2026, 1, 1)
    return pa.table({
        "i32": pc.cast(mod(0x7FFFFFFF), pa.int32()),
        "i64": pc.multiply(ids, 1_000_003),
        "f64": pc.divide(pc.cast(mod(0xFFFFF), pa.float64()), 7.0),
        "text": pc.binary_join_element_wise(pa.scalar("item-"), pc.cast(mod(0xFFFFFF), pa.string()), ""),
        "flag": pc.equal(pc.bit_wise_and(ids, 3), 0),
        "ts": pc.cast(pc.add(pc.multiply(ids, 1_000_000), int(start.timestamp() * 1_000_000)), pa.timestamp("us")),
        "day": pc.cast(pc.cast(pc.add(pc.bit_wise_and(ids, 1023), 20_000), pa.int32()), pa.date32()),
        "amount": pc.cast(pc.divide(pc.cast(mod(0xFFFFF), pa.float64()), 100.0), pa.decimal128(18, 2)),
        "city": pc.take(cities, pc.bit_wise_and(mod(0xFF), 31)),
        "maybe": pc.if_else(pc.equal(pc.bit_wise_and(ids, 7), 0), pa.scalar(None, pa.int64()), ids),
    })


def run_child(argv):
    """Runs argv; returns stdout, or exits with its stderr."""
    child = subprocess.run(argv, capture_output=True, text=True)
    if child.returncode != 0:
        sys.exit(f"{argv[0]} failed ({child.returncode}): {child.stderr.strip()}")
    return child.stdout


PYARROW_READ = """
import sys, time, resource, pyarrow as pa, pyarrow.parquet as pq
threads, repeat = int(sys.argv[2]), int(sys.argv[3])
pa.set_cpu_count(threads); pa.set_io_thread_count(threads); best = 1e9
for _ in range(repeat):
    s = time.perf_counter(); t = pq.read_table(sys.argv[1], use_threads=threads > 1)
    best = min(best, time.perf_counter() - s)
print(best, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, t.num_rows, t.nbytes)
"""

PYARROW_WRITE = """
import sys, time, resource, pyarrow as pa, pyarrow.parquet as pq
repeat = int(sys.argv[3]); pa.set_cpu_count(1); t = pq.read_table(sys.argv[1]); best = 1e9
for _ in range(repeat):
    s = time.perf_counter(); pq.write_table(t, sys.argv[2], compression="snappy")
    best = min(best, time.perf_counter() - s)
print(best, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, t.num_rows)
"""

# Runs a command and prints its exit status, stdout and peak RSS (the child's, not ours).
MEASURE_CHILD = """
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stderr.write(r.stderr); print(r.returncode); print(r.stdout.strip())
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
"""


def sluice_run(argv, repeat):
    """Best seconds, peak RSS and the `key=value` fields of `sluice bench …` over `repeat` runs."""
    best, rss, fields = 1e9, 0, {}
    for _ in range(repeat):
        status, line, peak = run_child([sys.executable, "-c", MEASURE_CHILD] + argv).strip().split("\n")
        if status != "0":
            sys.exit(f"sluice failed: {line}")
        fields = dict(item.split("=") for item in line.split())
        best = min(best, float(fields["seconds"]))
        rss = max(rss, int(peak))
    return best, rss, fields


def row(who, threads, seconds, rows, rss, ratio):
    print(f"{who:8} {threads:>7} {seconds:>8.3f} {rows / seconds:>12,.0f} {rss / 2**20:>8.0f}Mi {ratio:>9.2f}x")


def bench_read(sluice, path, repeat):
    meta = pq.ParquetFile(path).metadata
    print(f"\nread {os.path.basename(path)}: {meta.num_rows} rows, {meta.num_columns} columns, "
          f"{meta.num_row_groups} row groups, {os.path.getsize(path) / 1e6:.1f} MB")
    print(f"{'reader':8} {'threads':>7} {'seconds':>8} {'rows/s':>12} {'peak RSS':>10} {'vs pyarrow':>10}")
    for threads in (1, 2):
        out = run_child([sys.executable, "-c", PYARROW_READ, path, str(threads), str(repeat)])
        pa_seconds, pa_rss, rows, decoded = out.split()
        pa_seconds, pa_rss, rows = float(pa_seconds), int(pa_rss), int(rows)
        seconds, rss, fields = sluice_run([sluice, "bench", "parquet-read", path, "--threads", str(threads)], repeat)
        if int(fields["rows"]) != rows:
            sys.exit(f"row count differs: sluice {fields['rows']}, pyarrow {rows}")
        row("pyarrow", threads, pa_seconds, rows, pa_rss, 1.0)
        row("sluice", threads, seconds, rows, rss, seconds / pa_seconds)
    print(f"decoded size (pyarrow table.nbytes): {int(decoded) / 2**20:.0f} MiB")


def bench_write(sluice, path, repeat):
    out_pa = os.path.join(DATA, "write-pyarrow.parquet")
    out_sl = os.path.join(DATA, "write-sluice.parquet")
    print(f"\nwrite {os.path.basename(path)} (SNAPPY, default row groups, 1 thread; input read first, untimed)")
    print(f"{'writer':8} {'threads':>7} {'seconds':>8} {'rows/s':>12} {'peak RSS':>10} {'vs pyarrow':>10} {'file MB':>8}")
    pa_seconds, pa_rss, rows = run_child([sys.executable, "-c", PYARROW_WRITE, path, out_pa, str(repeat)]).split()
    pa_seconds, pa_rss, rows = float(pa_seconds), int(pa_rss), int(rows)
    seconds, rss, _ = sluice_run([sluice, "bench", "parquet-write", path, out_sl], repeat)
    written = pq.ParquetFile(out_sl).metadata
    if written.num_rows != rows:
        sys.exit(f"pyarrow reads {written.num_rows} rows from Sluice's file, expected {rows}")
    print(f"{'pyarrow':8} {1:>7} {pa_seconds:>8.3f} {rows / pa_seconds:>12,.0f} {pa_rss / 2**20:>8.0f}Mi "
          f"{1.0:>9.2f}x {os.path.getsize(out_pa) / 1e6:>8.1f}")
    print(f"{'sluice':8} {1:>7} {seconds:>8.3f} {rows / seconds:>12,.0f} {rss / 2**20:>8.0f}Mi "
          f"{seconds / pa_seconds:>9.2f}x {os.path.getsize(out_sl) / 1e6:>8.1f}")
    for out in (out_pa, out_sl):
        os.remove(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000_000)
    parser.add_argument("--mixed-rows", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=["read", "mixed", "write"])
    parser.add_argument("--sluice", default=os.path.join(ROOT, ".build/release/sluice"))
    args = parser.parse_args()
    kv = name_for("kv", args.rows)
    if not os.path.exists(kv):
        write_once(kv, kv_table(args.rows))
    if args.only in (None, "read"):
        bench_read(args.sluice, kv, args.repeat)
    if args.only in (None, "mixed"):
        mixed = name_for("mixed", args.mixed_rows)
        if not os.path.exists(mixed):
            write_once(mixed, mixed_table(args.mixed_rows))
        bench_read(args.sluice, mixed, args.repeat)
    if args.only in (None, "write"):
        bench_write(args.sluice, kv, args.repeat)


if __name__ == "__main__":
    main()
