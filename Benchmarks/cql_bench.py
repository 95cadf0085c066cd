"""CQL bulk-load benchmark: SluiceCQL's executeConcurrently (`cql-load`) against the DataStax Python
driver's execute_concurrent_with_args and acsylla (ScyllaDB's C++ driver), each loading key-value
rows with a prepared INSERT at the same concurrency into the same CQLTestServer over loopback.

Usage: Benchmarks/cql [--rows N] [--python-rows N] [--in-flight K] [--bin DIR]

For each client in turn it starts a fresh `cql-test-server` (release build in DIR, default
.build/release; fresh, because freeing millions of rows after a TRUNCATE stalls the server's
allocator for seconds), creates bench.kv (key text PRIMARY KEY, value bigint) and times the load.
Reports rows/s, client CPU seconds and CPU microseconds per row, and the server's CPU seconds for
the same load (from /proc). SluiceCQL and acsylla load --rows rows (default 5M); the Python driver
loads --python-rows (default 500k): its rows/s do not depend on the count, and 5M rows through it
take about 20 minutes here.
"""
import argparse
import os
import re
import resource
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = os.path.join(ROOT, ".venv", "bin", "python")

PYTHON_DRIVER = """
import sys, time
from cassandra.cluster import Cluster
from cassandra.concurrent import execute_concurrent_with_args
port, rows, in_flight = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
cluster = Cluster(["127.0.0.1"], port=port, protocol_version=4, compression=False)  # as cql-load: no LZ4
session = cluster.connect()
insert = session.prepare("INSERT INTO bench.kv (key, value) VALUES (?, ?)")
args = (("k%08d" % i, i) for i in range(rows))
start = time.perf_counter()
cpu = time.process_time()
results = execute_concurrent_with_args(session, insert, args, concurrency=in_flight, raise_on_first_error=True,
                                       results_generator=True)
written = sum(1 for ok, _ in results if ok)
print(f"rows={written} seconds={time.perf_counter() - start} cpu_s={time.process_time() - cpu}")
cluster.shutdown()
"""

ACSYLLA = """
import asyncio, sys, time
import acsylla
port, rows, in_flight = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
async def main():
    cluster = acsylla.create_cluster(["127.0.0.1"], port=port, protocol_version=4, core_connections_per_host=1)
    session = await cluster.create_session(keyspace="bench")
    insert = await session.create_prepared("INSERT INTO kv (key, value) VALUES (?, ?)")
    rows_left = iter(range(rows))
    written = 0
    async def worker():
        nonlocal written
        for i in rows_left:
            statement = insert.bind()
            statement.bind_list(["k%08d" % i, i])
            await session.execute(statement)
            written += 1
    start = time.perf_counter()
    cpu = time.process_time()
    await asyncio.gather(*(worker() for _ in range(in_flight)))
    print(f"rows={written} seconds={time.perf_counter() - start} cpu_s={time.process_time() - cpu}")
    await session.close()
asyncio.run(main())
"""

SETUP = """
import sys
from cassandra.cluster import Cluster
cluster = Cluster(["127.0.0.1"], port=int(sys.argv[1]), protocol_version=4)
session = cluster.connect()
session.execute("CREATE KEYSPACE IF NOT EXISTS bench WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}")
session.execute("CREATE TABLE IF NOT EXISTS bench.kv (key text PRIMARY KEY, value bigint)")
cluster.shutdown()
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(directory):
    port = free_port()
    server = subprocess.Popen([os.path.join(directory, "cql-test-server"), "--port", str(port)],
                              stdout=subprocess.DEVNULL)
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return server, port


def create_bench_table(port):
    subprocess.run([PYTHON, "-c", SETUP, str(port)], check=True)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(name, command, directory, prepare=create_bench_table, cwd=None, rows=None):
    """Runs COMMAND (PORT replaced) against a fresh server after PREPARE(port). The client reports
    rows=, seconds= and cpu_s= on stdout, or its wall time and CPU (from rusage) count, for ROWS rows."""
    server, port = start_server(directory)
    try:
        prepare(port)
        before = server_cpu(server.pid)
        cpu_before = children_cpu()
        start = time.perf_counter()
        finished = subprocess.run([part.replace("PORT", str(port)) for part in command], capture_output=True,
                                  text=True, cwd=cwd)
        wall = time.perf_counter() - start
        server_seconds = server_cpu(server.pid) - before
        child_cpu = children_cpu() - cpu_before
    finally:
        server.terminate()
        server.wait()
    if finished.returncode != 0:
        sys.exit(f"{name} failed (exit {finished.returncode}):\n{finished.stderr[-3000:]}")
    values = dict(re.findall(r"^(rows|seconds|cpu_s)=([\d.e+-]+)", finished.stdout.replace(" ", "\n"), re.M))
    rows = int(values.get("rows", rows))
    seconds = float(values.get("seconds", wall))
    cpu = float(values.get("cpu_s", child_cpu))
    result = {"name": name, "rows": rows, "seconds": seconds, "rows_per_s": rows / seconds, "cpu_s": cpu,
              "cpu_us_per_row": cpu / rows * 1e6, "server_cpu_s": server_seconds,
              "server_cpu_us_per_row": server_seconds / rows * 1e6}
    print(f"{name:<30} {rows:>9} rows {seconds:8.2f} s {result['rows_per_s']:>10.0f} rows/s  client CPU "
          f"{cpu:7.2f} s ({result['cpu_us_per_row']:5.1f} us/row)  server CPU {server_seconds:7.2f} s "
          f"({result['server_cpu_us_per_row']:5.1f} us/row)", flush=True)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--python-rows", type=int, default=500_000)
    parser.add_argument("--in-flight", type=int, default=1024)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release"))
    args = parser.parse_args()
    print(f"loading key-value rows with {args.in_flight} requests in flight into a fresh cql-test-server "
          "(one node, loopback) per client", flush=True)
    sluice = run("SluiceCQL", [os.path.join(args.bin, "cql-load"), "--port", "PORT", "--rows", str(args.rows),
                               "--in-flight", str(args.in_flight)], args.bin)
    python = run("Python driver", [PYTHON, "-c", PYTHON_DRIVER, "PORT", str(args.python_rows), str(args.in_flight)],
                 args.bin)
    acsylla = run("acsylla", [PYTHON, "-c", ACSYLLA, "PORT", str(args.rows), str(args.in_flight)], args.bin)
    print(f"throughput: {sluice['rows_per_s'] / python['rows_per_s']:.1f}x the Python driver, "
          f"{sluice['rows_per_s'] / acsylla['rows_per_s']:.2f}x acsylla; client CPU per row: "
          f"{sluice['cpu_us_per_row'] / python['cpu_us_per_row']:.3f} of the Python driver's, "
          f"{sluice['cpu_us_per_row'] / acsylla['cpu_us_per_row']:.2f} of acsylla's")


if __name__ == "__main__":
    main()
