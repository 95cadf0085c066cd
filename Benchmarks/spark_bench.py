"""The Spark engine against pyspark's Spark Connect client, same server, same run.

Usage: Benchmarks/spark [--events N] [--repeat K] [--remote sc://host:port] [--decode-rows M] [--decode-only]

1. job1's prepare on Spark. Writes with pyarrow, if missing (in Benchmarks/.data/spark-lake): a
   day of N events (default 20M, in 8 part files, the demo's columns) and 100k users. Then, K
   times each, alternating: `sluice run job1 prepare-data` on a project with `engine: spark` (wall
   time of the whole command), and a Python process that runs the same SQL through pyspark's
   Connect client (temporary views of the same paths, `spark.sql(...).write.parquet`), wall time
   of the whole process too. Both results must have the same rows. Reports best of K and Sluice's
   overhead over pyspark in percent.
2. Arrow decoding: pyarrow writes a result of M rows (bigint, bigint, string, timestamp) in 10k-row
   batches, once as one IPC stream and once as Spark Connect sends a collected result, a stream
   per response message; `sluice bench arrow-read` and pyarrow (`ipc.open_stream` over the bytes
   in memory, batches gathered into a table) each decode both at least 20 times. Reports best of
   each.

Without --remote it starts a Spark Connect server with scripts/spark-connect (pyspark's, local[2]).
--decode-only runs part 2 alone (no server).
"""
import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Benchmarks", ".data")
SLUICE = os.path.abspath(os.environ.get("SLUICE_BIN", os.path.join(ROOT, ".build", "release", "sluice")))
DAY = "2026-11-20"
USERS = 100_000

PYSPARK = """
import sys, time
started = time.monotonic()
from pyspark.sql import SparkSession
remote, events, users, out, sql = sys.argv[1:6]
spark = SparkSession.builder.remote(remote).getOrCreate()
spark.conf.set("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
spark.read.parquet(events).createOrReplaceTempView("events")
spark.read.parquet(users).createOrReplaceTempView("users")
spark.sql(sql).write.mode("error").option("compression", "snappy").parquet(out)
spark.stop()
"""


def lake(events):
    folder = os.path.join(DATA, f"spark-lake-{events}")
    marker = os.path.join(folder, "complete")
    if os.path.exists(marker):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    day_folder = os.path.join(folder, "events", f"dt={DAY}")
    os.makedirs(day_folder)
    os.makedirs(os.path.join(folder, "users"))
    start = int(datetime.datetime(2026, 11, 20, tzinfo=datetime.timezone.utc).timestamp() * 1_000_000)
    types = pa.array(["view", "view", "view", "click", "click", "purchase"])
    parts = 8
    per_part = events // parts
    for part in range(parts):
        ids = pa.array(range(part * per_part, (part + 1) * per_part), pa.int64())
        mixed = pc.bit_wise_and(pc.multiply(ids, 2654435761), 0xFFFFFFFF)
        table = pa.table({
            "event_id": pc.binary_join_element_wise(pa.scalar("e"), pc.cast(ids, pa.string()), ""),
            "user_id": pc.cast(pc.divide(pc.bit_wise_and(mixed, 0xFFFFF), 11), pa.int64()),
            "event_type": pc.take(types, pc.remainder(mixed, 6)),
            "event_time": pc.cast(
                pc.add(pc.remainder(pc.multiply(mixed, 20_117), 86_400_000_000), start), pa.timestamp("us", tz="UTC")),
            "amount": pa.nulls(per_part, pa.decimal128(10, 2)),
        })
        pq.write_table(table, os.path.join(day_folder, f"part-{part:05d}.parquet"))
    uids = pa.array(range(USERS), pa.int64())
    pq.write_table(pa.table({
        "user_id": uids,
        "name": pc.binary_join_element_wise(pa.scalar("user "), pc.cast(uids, pa.string()), ""),
        "country": pa.array(["NL"] * USERS),
        "active": pc.not_equal(pc.bit_wise_and(uids, 7), 0),
        "signup_date": pa.array([datetime.date(2026, 1, 1)] * USERS, pa.date32()),
    }), os.path.join(folder, "users", "part-00000.parquet"))
    open(marker, "w").close()
    return folder


def project(folder, lake_root, remote):
    """`sluice init`'s example project, with its lake at `lake_root` and `engine: spark`; returns
    job1's SQL for the benchmark's day, which pyspark runs too."""
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([SLUICE, "init", folder], check=True, stdout=subprocess.DEVNULL)
    config = os.path.join(folder, "sluice.yaml")
    with open(config) as f:
        text = f.read()
    for old, new in (("root: ./lake", f"root: {lake_root}"), ("engine: { type: local }", f'engine: {{ type: spark, remote: "{remote}" }}')):
        assert old in text, f"sluice init's sluice.yaml no longer has {old!r}"
        text = text.replace(old, new)
    with open(config, "w") as f:
        f.write(text)
    with open(os.path.join(folder, "jobs", "job1", "prepare.sql")) as f:
        return f.read().replace("{{ ds }}", DAY)


def timed(command, **kwargs):
    started = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kwargs)
    return time.monotonic() - started


def rows_of(folder):
    table = pq.read_table(folder).sort_by("user_id")
    return table.to_pylist()


def start_server(folder):
    """Starts scripts/spark-connect's server (pyspark's, local[2]) in `folder`; returns its sc:// URL."""
    subprocess.run([os.path.join(ROOT, "scripts", "spark-connect"), "start", folder], check=True)
    with open(os.path.join(folder, "env")) as f:
        for line in f:
            if "SLUICE_TEST_SPARK_REMOTE=" in line:
                return line.strip().split("=", 1)[1]
    raise SystemExit("spark-connect wrote no remote")


def stop_server(folder):
    if os.path.exists(folder):
        subprocess.run([os.path.join(ROOT, "scripts", "spark-connect"), "stop", folder])


def decode_bench(rows, repeat, scratch):
    """Decodes a 1M-row result two ways, each by pyarrow and by `sluice bench arrow-read`, best of
    `repeat`: as one IPC stream of 10k-row batches, and as Spark Connect sends it, one IPC stream
    (schema and one batch) per response message, which pyspark's client opens one by one and
    gathers into a table."""
    ids = pa.array(range(rows), pa.int64())
    table = pa.table({
        "id": ids,
        "twice": pc.multiply(ids, 2),
        "label": pc.binary_join_element_wise(pa.scalar("row "), pc.cast(ids, pa.string()), ""),
        "at": pc.cast(pc.multiply(ids, 1_000_003), pa.timestamp("us", tz="UTC")),
    })
    batches = table.to_batches(max_chunksize=10_000)

    def write(path, parts):
        with pa.OSFile(path, "wb") as sink, pa.ipc.new_stream(sink, table.schema) as writer:
            for batch in parts:
                writer.write_batch(batch)
        return path

    one = [write(os.path.join(scratch, "result.arrows"), batches)]
    per_message = [write(os.path.join(scratch, f"message-{i:04d}.arrows"), [b]) for i, b in enumerate(batches)]
    print(f"arrow decode, {rows:,} rows in {len(batches)} batches of 10k, best of {repeat}:")
    for shape, paths in (("one stream", one), ("a stream per message", per_message)):
        blobs = [pa.py_buffer(open(path, "rb").read()) for path in paths]
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            gathered = []
            for blob in blobs:
                with pa.ipc.open_stream(blob) as reader:
                    gathered.extend(reader)
            decoded = pa.Table.from_batches(gathered)
            best = min(best, time.perf_counter() - started)
        assert decoded.num_rows == rows
        line = subprocess.run([SLUICE, "bench", "arrow-read", *paths, "--repeats", str(repeat)], check=True,
                              capture_output=True, text=True).stdout.strip()
        fields = dict(part.split("=") for part in line.split())
        assert int(fields["rows"]) == rows, line
        sluice = float(fields["seconds"])
        mb = sum(len(blob) for blob in blobs) / 1e6
        print(f"  {shape} ({mb:.1f} MB): pyarrow {best * 1000:6.2f} ms, sluice {sluice * 1000:6.2f} ms "
              f"({best / sluice:.2f}x pyarrow's speed)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--remote")
    parser.add_argument("--decode-rows", type=int, default=1_000_000)
    parser.add_argument("--decode-only", action="store_true")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="sluice-spark-bench-")
    if args.decode_only:
        try:
            decode_bench(args.decode_rows, max(args.repeat, 20), scratch)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return
    remote = args.remote
    try:
        if remote is None:
            remote = start_server(os.path.join(scratch, "server"))
        lake_root = lake(args.events)
        sluice_best = pyspark_best = float("inf")
        sluice_rows = pyspark_rows = None
        for attempt in range(args.repeat):
            folder = os.path.join(scratch, "project")
            sql = project(folder, lake_root, remote)
            # The lake's results folder is the project's own: runs go under results/job1/.
            shutil.rmtree(os.path.join(lake_root, "results"), ignore_errors=True)
            seconds = timed([SLUICE, "run", "job1", "prepare-data", "--date", DAY, "--log-level", "error"], cwd=folder)
            sluice_best = min(sluice_best, seconds)
            runs = os.path.join(lake_root, "results", "job1")
            run = [d for d in os.listdir(runs) if os.path.exists(os.path.join(runs, d, "_SUCCESS"))]
            sluice_rows = rows_of(os.path.join(runs, run[0]))
            out = os.path.join(scratch, f"pyspark-{attempt}")
            seconds = timed([sys.executable, "-c", PYSPARK, remote, os.path.join(lake_root, "events", f"dt={DAY}"),
                             os.path.join(lake_root, "users"), out, sql])
            pyspark_best = min(pyspark_best, seconds)
            pyspark_rows = rows_of(out)
            print(f"  run {attempt + 1}: sluice {sluice_best:.2f} s best so far, pyspark {pyspark_best:.2f} s")
        assert sluice_rows == pyspark_rows, "the two results differ"
        print(f"job1 prepare on Spark, {args.events:,} events, {len(sluice_rows):,} result rows (best of {args.repeat}):")
        print(f"  pyspark connect client  {pyspark_best:7.2f} s")
        print(f"  sluice                  {sluice_best:7.2f} s   ({(sluice_best / pyspark_best - 1) * 100:+.1f}% wall time)")
        decode_bench(args.decode_rows, max(args.repeat, 20), scratch)
    finally:
        if args.remote is None:
            stop_server(os.path.join(scratch, "server"))
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
