#!/usr/bin/env python3
"""Reads a Sluice SQLite serving table the way docs/readers.md specifies. Standard library only.

Usage: sluice_reader.py DB TABLE KEY...   (a key of several columns: its parts joined by ",")
Prints one JSON line per key (null when missing). Exit 0: all found, 1: some missing,
2: TABLE has no pointer row (never loaded), 3: any other error.
"""
import base64, json, math, pathlib, sqlite3, sys, threading, time


class NotServing(Exception):
    """The table has no pointer row: it has never been loaded. Retry later; never guess a table."""


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


class SluiceReader:
    def __init__(self, db_path, table, ttl=1.0, request_timeout=5.0):
        self.db_path, self.table = db_path, table
        self.ttl, self.request_timeout = ttl, request_timeout
        self._lock = threading.Lock()      # held for the whole refresh: one pointer read at a time
        self._cached, self._read_at = None, 0.0
        self._local = threading.local()    # one open connection per thread

    def _connection(self):
        if not hasattr(self._local, "db"):
            uri = pathlib.Path(self.db_path).absolute().as_uri() + "?mode=ro"  # read-only is enough
            self._local.db = sqlite3.connect(uri, uri=True, timeout=self.request_timeout, isolation_level=None)
        return self._local.db

    def _pointer(self):
        """(version, active_table, key_columns, columns): cached for at most ttl from the read's start."""
        with self._lock:  # callers arriving during a refresh wait here, then find it cached
            if self._cached and time.monotonic() - self._read_at < self.ttl:
                return self._cached
            started = time.monotonic()
            db = self._connection()
            try:
                row = db.execute("SELECT active_table, version FROM sluice_pointers WHERE table_name = ?",
                                 (self.table,)).fetchone()
            except sqlite3.OperationalError:  # no pointer table yet: no table was ever loaded here
                if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sluice_pointers'").fetchone():
                    raise
                row = None
            if row is None:
                raise NotServing(f"{self.table} has no pointer row: it has never been loaded")
            active, version = row
            info = db.execute("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", (active,)).fetchall()
            if not info:
                raise RuntimeError(f"the pointer of {self.table} names {active}, which does not exist")
            keys = [name for name, pk in sorted((c for c in info if c[1] > 0), key=lambda c: c[1])]
            self._cached = (version, active, keys, [name for name, _ in info])
            self._read_at = started
            return self._cached

    def get(self, key):
        """(version, row as a dict or None). A key of several columns is a tuple in key order."""
        version, rows = self.get_many([key])
        return version, rows[0]

    def get_many(self, keys):
        """(version, [row dict or None per key]), every key answered from one pointer version."""
        deadline = time.monotonic() + self.request_timeout
        version, active, key_columns, columns = self._pointer()
        sql = (f"SELECT {', '.join(map(quoted, columns))} FROM {quoted(active)} WHERE "
               + " AND ".join(f"{quoted(k)} = ?" for k in key_columns))
        db, rows = self._connection(), []
        for key in keys:
            parts = tuple(key) if isinstance(key, (tuple, list)) else (key,)
            if len(key_columns) > 1 and isinstance(key, str):  # "7,2026-11-20", as `sluice get` takes
                parts = tuple(key.split(",", len(key_columns) - 1))
            if len(parts) != len(key_columns):
                raise ValueError(f"a key of {self.table} has {len(key_columns)} parts ({', '.join(key_columns)})")
            if time.monotonic() > deadline:  # past it, the loader may already be emptying this table
                raise TimeoutError(f"lookup in {active} took longer than {self.request_timeout}s")
            row = db.execute(sql, parts).fetchone()
            rows.append(dict(zip(columns, row)) if row else None)
        return version, rows


def json_value(value):
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return str(value) if isinstance(value, float) and not math.isfinite(value) else value


def main(argv):
    if len(argv) < 3:
        print("usage: sluice_reader.py DB TABLE KEY...", file=sys.stderr)
        return 3
    db_path, table, keys = argv[0], argv[1], argv[2:]
    try:
        _, rows = SluiceReader(db_path, table).get_many(keys)
    except NotServing as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (sqlite3.Error, RuntimeError, TimeoutError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 3
    for row in rows:
        print(json.dumps(row and {k: json_value(v) for k, v in row.items()}, ensure_ascii=False,
                         separators=(",", ":")))
    return 1 if None in rows else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
