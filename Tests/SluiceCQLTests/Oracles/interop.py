"""Interop checks against a running CQL server with the DataStax Python driver.

    interop.py write HOST PORT   creates interop.py_types and writes PY_ROWS with prepared INSERTs
    interop.py check HOST PORT   reads interop.swift_types (written by SluiceCQL) and compares it
                                 with PY_ROWS, printing "ok" or each difference
    interop.py acsylla HOST PORT the same check through ScyllaDB's C++ driver (acsylla) for the
                                 columns it decodes, then writes row 3 of swift_types with it
    interop.py tls HOST PORT CA  connects with TLS, trusting the certificate in CA, and reads
                                 system.local, printing "ok"

Both sides declare the same rows in their own language (here PY_ROWS, in Swift InteropTests), so
each compares values natively rather than through a shared text format.
"""
import datetime
import os
import sys
import uuid
from decimal import Decimal

from cassandra.auth import PlainTextAuthProvider
from cassandra.cluster import Cluster
from cassandra.util import Date, Duration, Time

KEYSPACE = "interop"
TYPES = [
    ("a_ascii", "ascii"), ("a_text", "text"), ("a_blob", "blob"), ("a_boolean", "boolean"),
    ("a_tinyint", "tinyint"), ("a_smallint", "smallint"), ("a_int", "int"), ("a_bigint", "bigint"),
    ("a_varint", "varint"), ("a_decimal", "decimal"), ("a_float", "float"), ("a_double", "double"),
    ("a_date", "date"), ("a_time", "time"), ("a_timestamp", "timestamp"), ("a_uuid", "uuid"),
    ("a_timeuuid", "timeuuid"), ("a_inet", "inet"), ("a_duration", "duration"), ("a_list", "list<int>"),
    ("a_set", "set<text>"), ("a_map", "map<text, bigint>"), ("a_tuple", "tuple<int, text, boolean>"),
    ("a_udt", "frozen<point>"), ("a_nested", "map<text, frozen<list<int>>>"),
]
COLUMNS = "k int PRIMARY KEY, " + ", ".join(f"{name} {type}" for name, type in TYPES)


class Point:
    def __init__(self, x=None, label=None):
        self.x = x
        self.label = label

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.label) == (other.x, other.label)

    def __repr__(self):
        return f"Point({self.x!r}, {self.label!r})"


PY_ROWS = {
    1: dict(
        a_ascii="abc", a_text="h\u00e9llo \u2603", a_blob=b"\x00\xff\x10", a_boolean=True, a_tinyint=-2,
        a_smallint=-300, a_int=258, a_bigint=-(2**40), a_varint=2**100, a_decimal=Decimal("-123.45"),
        a_float=1.5, a_double=-2.25, a_date=Date(datetime.date(2024, 5, 1)), a_time=Time(45296789000000),
        a_timestamp=datetime.datetime(2024, 5, 1, 12, 30, 0, 123000),
        a_uuid=uuid.UUID("12345678-1234-5678-1234-567812345678"),
        a_timeuuid=uuid.UUID("e1a6c2f0-0f6b-11ef-8000-000000000001"), a_inet="10.0.0.1",
        a_duration=Duration(1, 2, 3), a_list=[3, 1, 2], a_set={"b", "a"}, a_map={"x": 1, "y": -1},
        a_tuple=(7, None, True), a_udt=Point(5, "five"), a_nested={"p": [1, 2], "q": []},
    ),
    2: {},
}


def credentials():
    """A login for a real cluster (ScyllaClusterTests), from the environment."""
    username, password = os.environ.get("SLUICE_SCYLLA_USERNAME"), os.environ.get("SLUICE_SCYLLA_PASSWORD")
    return (username, password) if username and password else None


def connect(host, port):
    login = credentials()
    auth = PlainTextAuthProvider(*login) if login else None
    cluster = Cluster([host], port=int(port), protocol_version=4, auth_provider=auth)
    session = cluster.connect()
    session.execute(
        f"CREATE KEYSPACE IF NOT EXISTS {KEYSPACE} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}"
    )
    session.execute(f"CREATE TYPE IF NOT EXISTS {KEYSPACE}.point (x int, label text)")
    cluster.register_user_type(KEYSPACE, "point", Point)
    return cluster, session


def write(host, port):
    cluster, session = connect(host, port)
    session.execute(f"CREATE TABLE IF NOT EXISTS {KEYSPACE}.py_types ({COLUMNS})")
    for key, row in PY_ROWS.items():
        names = ["k"] + list(row)
        insert = session.prepare(
            f"INSERT INTO {KEYSPACE}.py_types ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        )
        session.execute(insert, [key] + list(row.values()))
    cluster.shutdown()
    print("ok")


def normalized(name, value):
    """The driver reads collections as its own types; compare them as plain Python values."""
    if value is None:
        return None
    if name == "a_set":
        return set(value)
    if name in ("a_map", "a_nested"):
        return {k: list(v) if isinstance(v, list) else v for k, v in dict(value).items()}
    if name == "a_list":
        return list(value)
    return value


def check(host, port):
    cluster, session = connect(host, port)
    rows = {row.k: row for row in session.execute(f"SELECT * FROM {KEYSPACE}.swift_types")}
    problems = []
    for key, expected in PY_ROWS.items():
        row = rows.get(key)
        if row is None:
            problems.append(f"row {key} is missing")
            continue
        for name, _ in TYPES:
            want = normalized(name, expected.get(name))
            got = normalized(name, getattr(row, name))
            # An empty collection reads back as null, as Cassandra stores it.
            if want in ([], set(), {}):
                want = None
            if got != want:
                problems.append(f"row {key} {name}: expected {want!r}, read {got!r}")
    cluster.shutdown()
    print("\n".join(problems) if problems else "ok")


# acsylla 1.2.0 cannot decode decimals, and reads uuids as text and dates, times, durations,
# tuples and user types in its own forms: compare the columns it reads as plain Python values.
ACSYLLA_COLUMNS = ["a_ascii", "a_text", "a_blob", "a_boolean", "a_tinyint", "a_smallint", "a_int", "a_bigint",
                   "a_float", "a_double", "a_list", "a_set", "a_map"]


def check_with_acsylla(host, port):
    import asyncio

    import acsylla

    async def run():
        login = credentials()
        extra = {"username": login[0], "password": login[1]} if login else {}
        cluster = acsylla.create_cluster([host], port=int(port), protocol_version=4, **extra)
        session = await cluster.create_session(keyspace=KEYSPACE)
        query = f"SELECT {', '.join(ACSYLLA_COLUMNS)} FROM swift_types WHERE k = 1"
        rows = [row.as_dict() for row in await session.execute(acsylla.create_statement(query))]
        problems = []
        if len(rows) != 1:
            problems.append(f"read {len(rows)} rows for k = 1")
        for name in ACSYLLA_COLUMNS if rows else []:
            want, got = normalized(name, PY_ROWS[1][name]), normalized(name, rows[0][name])
            if got != want:
                problems.append(f"acsylla: {name}: expected {want!r}, read {got!r}")
        insert = await session.create_prepared("INSERT INTO swift_types (k, a_int, a_text, a_list) VALUES (?, ?, ?, ?)")
        statement = insert.bind()
        statement.bind_list([3, 33, "three", [3, 3]])
        await session.execute(statement)
        await session.close()
        return problems

    problems = asyncio.run(run())
    print("\n".join(problems) if problems else "ok")


def check_tls(host, port, certificate):
    import ssl

    context = ssl.create_default_context(cafile=certificate)
    cluster = Cluster([host], port=int(port), protocol_version=4, ssl_context=context)
    session = cluster.connect()
    row = session.execute("SELECT release_version FROM system.local WHERE key = 'local'").one()
    cluster.shutdown()
    print("ok" if row and row.release_version else f"no system.local row: {row!r}")


if __name__ == "__main__":
    command, host, port = sys.argv[1:4]
    if command == "tls":
        check_tls(host, port, sys.argv[4])
    else:
        {"write": write, "check": check, "acsylla": check_with_acsylla}[command](host, port)
