"""Writes the deterministic parquet tables the SQL oracle corpus (queries.sql) runs over.

Usage: generate_data.py OUTPUT_FOLDER

Every table is one folder of parquet files, `OUTPUT_FOLDER/<table>/part-N.parquet`, so engines
register a table by its folder. The data is a small star schema plus corner cases:
  events    fact, 200k rows in two files of several row groups: skewed user_id (a few hot
            users, some ids missing from users, some nulls), nullable decimals, doubles,
            booleans and strings, UTC timestamps and dates.
  users     dimension, 1k rows, a few user_ids duplicated (older and newer versions), null
            countries and names.
  products  dimension, 50 rows; events also reference products that do not exist.
  kv        5k rows of string keys (duplicates, nulls) and int64 values (nulls, negatives).
  empty     0 rows, the schema of kv.
  types     one column per type (int8..int64, float, double with NaN/±Infinity/-0.0,
            decimal(38,10), decimal(5,2), unicode string, binary, date, UTC timestamp,
            timestamp without timezone, bool), every column with nulls.
The fixed seed makes every run write the same values.
"""

import datetime
import decimal
import random
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

SEED = 20261125
UTC = datetime.timezone.utc
START = datetime.datetime(2026, 1, 1, tzinfo=UTC)
COUNTRIES = ["DE", "FR", "US", "JP", "BR", "IN", "ZA"]
EVENT_TYPES = ["view", "click", "purchase", "refund"]
CATEGORIES = ["books", "music", "games", "garden", "tools"]


def write(folder, table, parts=1, row_group_size=None):
    folder.mkdir(parents=True, exist_ok=True)
    rows = table.num_rows
    size = (rows + parts - 1) // parts if rows else 0
    for part in range(parts):
        piece = table.slice(part * size, size) if rows else table
        pq.write_table(piece, folder / f"part-{part}.parquet", row_group_size=row_group_size or max(1, size))


def events(rng):
    rows = 200_000
    hot_users = [1, 2, 3, 4, 5]
    columns = {name: [] for name in [
        "event_id", "user_id", "product_id", "event_type", "ts", "amount", "value", "flag", "day"]}
    for event_id in range(1, rows + 1):
        draw = rng.random()
        if draw < 0.02:
            user = None
        elif draw < 0.32:
            user = rng.choice(hot_users)  # skew: 30% of the rows belong to five users
        else:
            user = rng.randint(1, 1100)  # ids above 1000 have no users row
        ts = START + datetime.timedelta(microseconds=rng.randrange(90 * 86_400 * 1_000_000))
        columns["event_id"].append(event_id)
        columns["user_id"].append(user)
        columns["product_id"].append(None if rng.random() < 0.01 else rng.randint(1, 55))
        columns["event_type"].append(None if rng.random() < 0.01 else rng.choice(EVENT_TYPES))
        columns["ts"].append(ts)
        columns["amount"].append(
            None if rng.random() < 0.05 else decimal.Decimal(rng.randint(-5_000, 500_000)).scaleb(-2))
        columns["value"].append(None if rng.random() < 0.05 else round(rng.gauss(100.0, 40.0), 6))
        columns["flag"].append(None if rng.random() < 0.03 else rng.random() < 0.4)
        columns["day"].append(ts.date())
    schema = pa.schema([
        ("event_id", pa.int64()), ("user_id", pa.int64()), ("product_id", pa.int32()),
        ("event_type", pa.string()), ("ts", pa.timestamp("us", tz="UTC")), ("amount", pa.decimal128(10, 2)),
        ("value", pa.float64()), ("flag", pa.bool_()), ("day", pa.date32())])
    return pa.table(columns, schema=schema)


def users(rng):
    columns = {name: [] for name in ["user_id", "name", "country", "tier", "signup_date", "updated_at"]}
    ids = list(range(1, 981)) + [rng.randint(1, 980) for _ in range(20)]  # 20 duplicated ids
    for position, user in enumerate(ids):
        columns["user_id"].append(user)
        columns["name"].append(None if position % 97 == 0 else f"user-{user:04d}")
        columns["country"].append(None if rng.random() < 0.1 else rng.choice(COUNTRIES))
        columns["tier"].append(rng.randint(1, 3))
        columns["signup_date"].append(datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(700)))
        # Later positions are newer versions, so "latest per key" has one answer per user.
        columns["updated_at"].append(START + datetime.timedelta(seconds=position * 61))
    schema = pa.schema([
        ("user_id", pa.int64()), ("name", pa.string()), ("country", pa.string()), ("tier", pa.int32()),
        ("signup_date", pa.date32()), ("updated_at", pa.timestamp("us", tz="UTC"))])
    return pa.table(columns, schema=schema)


def products(rng):
    ids = list(range(1, 51))
    return pa.table({
        "product_id": pa.array(ids, pa.int32()),
        "category": pa.array([CATEGORIES[i % len(CATEGORIES)] for i in ids], pa.string()),
        "price": pa.array([decimal.Decimal(rng.randint(100, 99_999)).scaleb(-2) for _ in ids], pa.decimal128(10, 2)),
        "name": pa.array([f"Product {i}" if i % 7 else f"Prodüct {i} ✓" for i in ids], pa.string()),
    })


def kv(rng):
    keys, values = [], []
    for row in range(5000):
        keys.append(None if row % 251 == 0 else f"k{rng.randint(0, 700):03d}")
        values.append(None if row % 113 == 0 else rng.randint(-1000, 1_000_000))
    return pa.table({"key": pa.array(keys, pa.string()), "value": pa.array(values, pa.int64())})


def types_table(rng):
    floats = [0.0, -0.0, 1.5, -2.25, float("nan"), float("inf"), float("-inf"), 1e-300, 1e300, 3.141592653589793]
    strings = ["", "a", "A", "abc", "Zürich", "日本語", "emoji 🎉", "  padded  ", "a%b_c", "O'Reilly", "tab\tx"]
    rows = 40
    columns = {name: [] for name in [
        "id", "i8", "i16", "i32", "i64", "f32", "f64", "dec", "dec_small", "s", "b", "d", "ts", "ts_ntz", "bool"]}
    for row in range(rows):
        null = row % 9 == 8  # every ninth row is null in every column but id
        columns["id"].append(row)
        columns["i8"].append(None if null else [-128, 127, 0, -1, 1][row % 5] if row < 10 else rng.randint(-128, 127))
        columns["i16"].append(None if null else rng.randint(-32768, 32767))
        columns["i32"].append(None if null else [-(2**31), 2**31 - 1, 0][row % 3] if row < 6 else rng.randint(-10**6, 10**6))
        columns["i64"].append(None if null else [-(2**63), 2**63 - 1, 0][row % 3] if row < 6 else rng.randint(-10**12, 10**12))
        columns["f32"].append(None if null else [0.5, -1.25, 3.0, 1e10][row % 4])
        columns["f64"].append(None if null else floats[row % len(floats)])
        columns["dec"].append(None if null else decimal.Decimal(rng.randint(-10**20, 10**20)).scaleb(-10))
        columns["dec_small"].append(None if null else decimal.Decimal(rng.randint(-99_999, 99_999)).scaleb(-2))
        columns["s"].append(None if null else strings[row % len(strings)])
        columns["b"].append(None if null else bytes([row % 256, 0, 255, row * 7 % 256])[: row % 5])
        columns["d"].append(None if null else datetime.date(1970, 1, 1) + datetime.timedelta(days=rng.randint(-50_000, 50_000)))
        columns["ts"].append(None if null else START + datetime.timedelta(microseconds=rng.randint(-10**15, 10**15)))
        columns["ts_ntz"].append(None if null else datetime.datetime(2026, 3, 1) + datetime.timedelta(seconds=rng.randint(-10**8, 10**8)))
        columns["bool"].append(None if null else row % 2 == 0)
    schema = pa.schema([
        ("id", pa.int32()), ("i8", pa.int8()), ("i16", pa.int16()), ("i32", pa.int32()), ("i64", pa.int64()),
        ("f32", pa.float32()), ("f64", pa.float64()), ("dec", pa.decimal128(38, 10)), ("dec_small", pa.decimal128(5, 2)),
        ("s", pa.string()), ("b", pa.binary()), ("d", pa.date32()), ("ts", pa.timestamp("us", tz="UTC")),
        ("ts_ntz", pa.timestamp("us")), ("bool", pa.bool_())])
    return pa.table(columns, schema=schema)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: generate_data.py OUTPUT_FOLDER")
    out = Path(sys.argv[1])
    rng = random.Random(SEED)
    write(out / "events", events(rng), parts=2, row_group_size=25_000)
    write(out / "users", users(rng))
    write(out / "products", products(rng))
    kv_table = kv(rng)
    write(out / "kv", kv_table, row_group_size=1000)
    write(out / "empty", kv_table.slice(0, 0))
    write(out / "types", types_table(rng))


if __name__ == "__main__":
    main()
