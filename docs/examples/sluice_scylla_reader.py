#!/usr/bin/env python3
"""Reads a Sluice ScyllaDB serving table the way docs/readers.md specifies, with the DataStax driver
(pip install scylla-driver or cassandra-driver).

Usage: sluice_scylla_reader.py HOST[:PORT] KEYSPACE TABLE KEY...   (a key of several columns: its parts
joined by ","). Prints one JSON line per key (null when missing). Exit 0: all found, 1: some missing,
2: TABLE has no pointer row (never loaded), 3: any other error.
"""
import base64, datetime, decimal, json, math, sys, threading, time

from cassandra import ConsistencyLevel
from cassandra.cluster import Cluster, ExecutionProfile, EXEC_PROFILE_DEFAULT
from cassandra.policies import DCAwareRoundRobinPolicy, TokenAwarePolicy


class NotServing(Exception):
    """The table has no pointer row: it has never been loaded. Retry later; never guess a table."""


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


class SluiceScyllaReader:
    def __init__(self, session, keyspace, table, ttl=1.0, request_timeout=5.0):
        self.session, self.keyspace, self.table = session, keyspace, table
        self.ttl, self.request_timeout = ttl, request_timeout
        self._lock = threading.Lock()      # held for the whole refresh: one pointer read at a time
        self._cached, self._read_at = None, 0.0
        self._statements = {}              # active table -> (prepared SELECT, key column types)
        self._pointer_query = session.prepare(
            f"SELECT active_table, version FROM {quoted(keyspace)}.sluice_pointers WHERE table_name = ?")
        self._pointer_query.consistency_level = ConsistencyLevel.LOCAL_QUORUM

    def _pointer(self):
        """(version, active_table): cached for at most ttl from the read's start."""
        with self._lock:  # callers arriving during a refresh wait here, then find it cached
            if self._cached and time.monotonic() - self._read_at < self.ttl:
                return self._cached
            started = time.monotonic()
            row = self.session.execute(self._pointer_query, (self.table,), timeout=self.request_timeout).one()
            if row is None:
                raise NotServing(f"{self.table} has no pointer row: it has never been loaded")
            self._cached = (row.version, row.active_table)
            self._read_at = started
            return self._cached

    def _statement(self, active):
        """One prepared SELECT per physical table, on its partition key (every key column)."""
        if active not in self._statements:
            self.session.cluster.refresh_table_metadata(self.keyspace, active)
            keys = self.session.cluster.metadata.keyspaces[self.keyspace].tables[active].partition_key
            where = " AND ".join(f"{quoted(c.name)} = ?" for c in keys)
            statement = self.session.prepare(f"SELECT * FROM {quoted(self.keyspace)}.{quoted(active)} WHERE {where}")
            statement.consistency_level = ConsistencyLevel.LOCAL_QUORUM
            self._statements[active] = (statement, [c.cql_type for c in keys])
        return self._statements[active]

    def get(self, key):
        """(version, row as a dict or None). A key of several columns is a tuple in key order."""
        version, rows = self.get_many([key])
        return version, rows[0]

    def get_many(self, keys):
        """(version, [row or None]): every key read from the one table of one pointer version."""
        version, active = self._pointer()
        statement, types = self._statement(active)
        futures = [self.session.execute_async(statement, key_values(key, types), timeout=self.request_timeout)
                   for key in keys]
        return version, [row_dict(future.result().one()) for future in futures]


def key_values(key, types):
    parts = key if isinstance(key, tuple) else (key,)
    if len(parts) != len(types):
        raise ValueError(f"a key has {len(types)} parts, got {len(parts)}")
    integers = {"tinyint", "smallint", "int", "bigint", "varint"}
    return [int(part) if kind in integers else part for part, kind in zip(parts, types)]


def row_dict(row):
    return None if row is None else row._asdict()


def json_value(value):
    """As `sluice get` prints: blobs base64, timestamps ISO with microseconds, non-finite reals as strings."""
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode()
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value if value is None or isinstance(value, (int, float, str)) else str(value)


def main(argv):
    if len(argv) < 5:
        print(__doc__, file=sys.stderr)
        return 3
    host, _, port = argv[1].partition(":")
    profile = ExecutionProfile(load_balancing_policy=TokenAwarePolicy(DCAwareRoundRobinPolicy()))
    cluster = Cluster([host], port=int(port or 9042), protocol_version=4,
                      execution_profiles={EXEC_PROFILE_DEFAULT: profile})
    try:
        reader = SluiceScyllaReader(cluster.connect(), argv[2], argv[3])
        keys = [tuple(k.split(",")) if "," in k else k for k in argv[4:]]
        _, rows = reader.get_many(keys)
    except NotServing as error:
        print(error, file=sys.stderr)
        return 2
    except Exception as error:  # usage, connection, store error, timeout
        print(f"error: {error}", file=sys.stderr)
        return 3
    finally:
        cluster.shutdown()
    for row in rows:
        print("null" if row is None else
              json.dumps({name: json_value(value) for name, value in row.items()}, separators=(",", ":")))
    return 0 if all(row is not None for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
