"""S3 object-store benchmark: `sluice bench s3` against boto3, same run, same SeaweedFS on loopback.

Usage: Benchmarks/s3 [--keys N] [--size-mb M] [--ranged N] [--range-kb K] [--put-mb P]
                     [--repeat R] [--rounds T] [--only list,get,ranged,put] [--sluice PATH]

Starts SeaweedFS with scripts/s3-servers (into Benchmarks/.data/s3-servers, empty each run) and
stops it at the end. Creates, untimed, bucket `bench` with N small keys under `list/` (default
10,000) and one M MB object `get/object.bin` (default 100). Then times each op T times in turn
(default 3) for boto3 and for Sluice, each turn the best of R runs (default 3), and keeps each
side's best:
- list: ListObjectsV2 over the `list/` prefix, paginated (1,000 keys a page), keys/s;
- get: GET the whole M MB object into memory, MB/s;
- ranged: N (default 1,000) GETs of K KiB (default 64) at random offsets of that object, one after
  the other on one client, MB/s and requests/s;
- put: a P MB (default 200) multipart PUT from a file, 8 MiB parts sent concurrently (boto3:
  upload_file with TransferConfig 8 MiB parts, 10 threads), MB/s.
The Sluice side runs `sluice bench s3 s3://bench/PREFIX --endpoint E --op OP [--key K] [--size BYTES]
[--count N] [--range-size N]` with the keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, which
prints one line `OP seconds=S bytes=B count=N`. Without a release `sluice` binary, or when it
fails, only boto3's figures are printed.
The ratio is sluice's throughput over boto3's (above 1: sluice is faster).
"""
import argparse
import concurrent.futures
import os
import random
import subprocess
import sys
import time

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parquet_bench import DATA, ROOT  # noqa: E402

SERVERS = os.path.join(DATA, "s3-servers")
BUCKET = "bench"
OBJECT = "get/object.bin"
PART = 8 * 2**20


def read_env(path):
    """The `export NAME=value` lines of scripts/s3-servers' env file, as a dict."""
    with open(path) as f:
        return dict(line.split(None, 1)[1].strip().split("=", 1) for line in f if line.startswith("export "))


def boto3_client(env):
    """A boto3 client for the SeaweedFS of the env file; no retries, so failures show."""
    return boto3.client(
        "s3", endpoint_url=env["SLUICE_TEST_S3_ENDPOINT"], aws_access_key_id=env["SLUICE_TEST_S3_ACCESS_KEY"],
        aws_secret_access_key=env["SLUICE_TEST_S3_SECRET_KEY"], region_name="us-east-1",
        config=Config(max_pool_connections=16, retries={"total_max_attempts": 1}))


def set_up(client, keys, size):
    """The bucket, the listing keys and the GET object, untimed."""
    client.create_bucket(Bucket=BUCKET)
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda i: client.put_object(Bucket=BUCKET, Key=f"list/key-{i:08d}", Body=b"x"), range(keys)))
    path = os.path.join(DATA, f"s3-object-{size}.bin")
    if not os.path.exists(path) or os.path.getsize(path) != size:
        with open(path + ".tmp", "wb") as f:
            for _ in range(0, size, 2**20):
                f.write(os.urandom(min(2**20, size - f.tell())))
        os.replace(path + ".tmp", path)
    client.upload_file(path, BUCKET, OBJECT, Config=TransferConfig(multipart_chunksize=PART))


def offsets(count, size, range_size):
    """The same random range starts for both sides."""
    rng = random.Random(7)
    return [rng.randrange(0, size - range_size) for _ in range(count)]


def boto3_op(client, op, args, object_size, put_path):
    """Runs one op with boto3; returns (seconds, bytes or keys moved)."""
    started = time.perf_counter()
    if op == "list":
        amount = 0
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix="list/"):
            amount += len(page.get("Contents", []))
    elif op == "get":
        amount = len(client.get_object(Bucket=BUCKET, Key=OBJECT)["Body"].read())
    elif op == "ranged":
        amount = 0
        size = args.range_kb * 1024
        for start in offsets(args.ranged, object_size, size):
            body = client.get_object(Bucket=BUCKET, Key=OBJECT, Range=f"bytes={start}-{start + size - 1}")["Body"]
            amount += len(body.read())
    else:
        client.upload_file(put_path, BUCKET, "put/boto3.bin",
                           Config=TransferConfig(multipart_threshold=PART, multipart_chunksize=PART, max_concurrency=10))
        amount = os.path.getsize(put_path)
    return time.perf_counter() - started, amount


def sluice_op(sluice, env, op, args, put_path):
    """Runs one op with `sluice bench s3`; returns (seconds, bytes or keys moved)."""
    # The location is the prefix the op works under; --key is relative to it.
    location, extra = {
        "list": ("s3://bench/list/", []),
        "get": ("s3://bench/get/", ["--key", "object.bin"]),
        "ranged": ("s3://bench/get/", ["--key", "object.bin", "--count", str(args.ranged),
                                       "--range-size", str(args.range_kb * 1024)]),
        "put": ("s3://bench/put/", ["--key", "sluice.bin", "--size", str(os.path.getsize(put_path))]),
    }[op]
    argv = [sluice, "bench", "s3", location, "--endpoint", env["SLUICE_TEST_S3_ENDPOINT"], "--op", op,
            "--repeat", str(args.repeat)] + extra
    child_env = dict(os.environ, AWS_ACCESS_KEY_ID=env["SLUICE_TEST_S3_ACCESS_KEY"],
                     AWS_SECRET_ACCESS_KEY=env["SLUICE_TEST_S3_SECRET_KEY"], AWS_REGION="us-east-1")
    child = subprocess.run(argv, capture_output=True, text=True, env=child_env)
    lines = child.stdout.strip().splitlines()
    if child.returncode != 0 or not lines or not lines[-1].startswith(op + " "):
        message = " ".join((child.stderr or child.stdout).split())
        raise RuntimeError(f"exit {child.returncode}: {message[:200]}")
    # `OP seconds=S bytes=B count=N`; a listing moves keys (count), the others bytes.
    fields = dict(item.split("=", 1) for item in lines[-1].split()[1:])
    return float(fields["seconds"]), int(fields["count"] if op == "list" else fields["bytes"])


def peak_rss(pidfile):
    """The peak RSS (VmHWM) of the process in pidfile, in bytes."""
    with open(pidfile) as f, open(f"/proc/{f.read().strip()}/status") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))


def best(run, repeat):
    """The fastest of `repeat` runs: (seconds, amount)."""
    return min(run() for _ in range(repeat))


def rate(op, seconds, amount):
    """keys/s for a listing, MB/s otherwise."""
    return amount / seconds if op == "list" else amount / seconds / 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=10_000)
    parser.add_argument("--size-mb", type=int, default=100)
    parser.add_argument("--ranged", type=int, default=1_000)
    parser.add_argument("--range-kb", type=int, default=64)
    parser.add_argument("--put-mb", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="list,get,ranged,put")
    parser.add_argument("--sluice", default=os.path.join(ROOT, ".build/release/sluice"))
    args = parser.parse_args()
    ops = args.only.split(",")
    have_sluice = os.access(args.sluice, os.X_OK)

    servers = os.path.join(ROOT, "scripts/s3-servers")
    os.makedirs(DATA, exist_ok=True)
    subprocess.run([servers, "start", SERVERS], check=True, stdout=subprocess.DEVNULL)
    try:
        env = read_env(os.path.join(SERVERS, "env"))
        client = boto3_client(env)
        object_size = args.size_mb * 10**6
        set_up(client, args.keys, object_size)
        put_path = os.path.join(DATA, f"s3-put-{args.put_mb}.bin")
        if "put" in ops and (not os.path.exists(put_path) or os.path.getsize(put_path) != args.put_mb * 10**6):
            with open(put_path, "wb") as f:
                for _ in range(args.put_mb):
                    f.write(os.urandom(10**6))

        print(f"S3 on SeaweedFS (loopback), best of {args.rounds} turns of {args.repeat} runs each side: "
              f"{args.keys:,} keys listed, "
              f"{args.size_mb} MB GET, {args.ranged:,} x {args.range_kb} KiB ranged GETs, {args.put_mb} MB multipart PUT\n")
        print(f"{'op':7} {'who':7} {'seconds':>8} {'rate':>14} {'sluice/boto3':>13}")
        for op in ops:
            unit = "keys/s" if op == "list" else "MB/s"
            # The two sides take turns, ROUNDS times, and each keeps its best: a slow spell of the
            # shared machine (SeaweedFS compacting, another process) then hits both alike.
            boto3_best, sluice_best, sluice_error = None, None, None
            for _ in range(args.rounds):
                measured = best(lambda: boto3_op(client, op, args, object_size, put_path), args.repeat)
                boto3_best = min(boto3_best or measured, measured)
                if have_sluice and sluice_error is None:
                    try:
                        # `sluice bench s3 --repeat R` keeps its best in one process, as boto3's runs
                        # share one client and its warm connections.
                        measured = sluice_op(args.sluice, env, op, args, put_path)
                        sluice_best = min(sluice_best or measured, measured)
                    except RuntimeError as error:
                        sluice_error = error
            seconds, amount = boto3_best
            boto3_rate = rate(op, seconds, amount)
            print(f"{op:7} {'boto3':7} {seconds:>8.3f} {boto3_rate:>9,.1f} {unit}")
            if op == "ranged":
                print(f"{'':7} {'':7} {'':>8} {args.ranged / seconds:>9,.0f} req/s")
            if sluice_error is not None:
                print(f"{op:7} {'sluice':7} failed, skipped: {sluice_error}")
            elif sluice_best is not None:
                seconds, amount = sluice_best
                sluice_rate = rate(op, seconds, amount)
                print(f"{op:7} {'sluice':7} {seconds:>8.3f} {sluice_rate:>9,.1f} {unit:4} {sluice_rate / boto3_rate:>12.2f}x")
        print(f"\nSeaweedFS peak RSS: {peak_rss(os.path.join(SERVERS, 'seaweedfs.pid')) / 2**20:.0f}Mi")
        if not have_sluice:
            print(f"\nsluice skipped: no executable at {args.sluice} (swift build -c release --product sluice)")
    finally:
        subprocess.run([servers, "stop", SERVERS], check=False)


if __name__ == "__main__":
    main()
