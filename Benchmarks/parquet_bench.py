"""Parquet full-decode benchmark: Sluice against pyarrow, measured in the same run.

Usage: Benchmarks/parquet-read [--rows N] [--repeat K]
Creates Benchmarks/.data/kv<N>.parquet with pyarrow (key string 'user-%08d', value int64,
SNAPPY, pyarrow's default row groups) if missing, then times pyarrow.parquet.read_table and
`sluice bench parquet-read` with 1 and 2 threads (best of K), and reports ratios and peak RSS.
"""
import argparse
import os
import subprocess
import sys
import time

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_file(path, rows):
    if os.path.exists(path):
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ids = pa.array(range(rows), type=pa.int64())
    keys = pc.binary_join_element_wise(pa.scalar("user-"), pc.utf8_lpad(pc.cast(ids, pa.string()), 8, "0"), "")
    table = pa.table({"key": keys, "value": pc.multiply(ids, 7)})
    pq.write_table(table, path + ".tmp", compression="snappy")
    os.replace(path + ".tmp", path)


def run_child(argv):
    """Runs argv; returns (seconds, stdout)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = child.communicate()
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        sys.exit(f"{argv[0]} failed ({child.returncode}): {err.strip()}")
    return seconds, out


def pyarrow_read(path, threads, repeat):
    code = (
        "import sys,time,resource,pyarrow as pa,pyarrow.parquet as pq;"
        f"pa.set_cpu_count({threads});pa.set_io_thread_count({threads});best=1e9\n"
        f"for _ in range({repeat}):\n"
        f" s=time.perf_counter();t=pq.read_table(sys.argv[1],use_threads={threads > 1});best=min(best,time.perf_counter()-s)\n"
        "print(best, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss*1024, t.num_rows, t.nbytes)"
    )
    _, out = run_child([sys.executable, "-c", code, path])
    best, rss, rows, nbytes = out.split()
    return float(best), int(rss), int(rows), int(nbytes)


def sluice_read(binary, path, threads, repeat):
    best, rss = 1e9, 0
    for _ in range(repeat):
        code = (
            "import resource,subprocess,sys;"
            "r=subprocess.run(sys.argv[1:],capture_output=True,text=True);"
            "sys.stderr.write(r.stderr);print(r.returncode);print(r.stdout.strip());"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss*1024)"
        )
        _, out = run_child([sys.executable, "-c", code, binary, "bench", "parquet-read", path, "--threads", str(threads)])
        status, line, peak = out.strip().split("\n")
        if status != "0":
            sys.exit(f"sluice bench failed: {line}")
        fields = dict(item.split("=") for item in line.split())
        best = min(best, float(fields["seconds"]))
        rss = max(rss, int(peak))
        rows = int(fields["rows"])
    return best, rss, rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sluice", default=os.path.join(ROOT, ".build/release/sluice"))
    args = parser.parse_args()
    path = os.path.join(ROOT, "Benchmarks/.data", f"kv{args.rows // 1_000_000}m.parquet" if args.rows % 1_000_000 == 0 else f"kv{args.rows}.parquet")
    make_file(path, args.rows)
    meta = pq.ParquetFile(path).metadata
    print(f"file: {path}: {meta.num_rows} rows, {meta.num_row_groups} row groups, {os.path.getsize(path) / 1e6:.1f} MB")
    print(f"{'reader':8} {'threads':>7} {'seconds':>8} {'rows/s':>12} {'peak RSS':>10} {'vs pyarrow':>10}")
    for threads in (1, 2):
        pa_seconds, pa_rss, rows, decoded = pyarrow_read(path, threads, args.repeat)
        sl_seconds, sl_rss, sl_rows = sluice_read(args.sluice, path, threads, args.repeat)
        if sl_rows != rows:
            sys.exit(f"row count differs: sluice {sl_rows}, pyarrow {rows}")
        print(f"{'pyarrow':8} {threads:>7} {pa_seconds:>8.3f} {rows / pa_seconds:>12,.0f} {pa_rss / 2**20:>8.0f}Mi {'1.00x':>10}")
        print(f"{'sluice':8} {threads:>7} {sl_seconds:>8.3f} {rows / sl_seconds:>12,.0f} {sl_rss / 2**20:>8.0f}Mi {sl_seconds / pa_seconds:>9.2f}x")
    print(f"decoded size (pyarrow table.nbytes): {decoded / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
