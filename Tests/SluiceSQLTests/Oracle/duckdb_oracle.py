"""Runs the SQL oracle corpus with DuckDB and prints its answers as Sluice renders values.

Usage: duckdb_oracle.py DATA_FOLDER QUERIES_FILE [NAME ...]

DATA_FOLDER is what generate_data.py wrote: every subfolder becomes a view of that name over its
parquet files. QUERIES_FILE is queries.sql: each query follows a header line
  -- name: NAME | ordered: true|false | spark_differs: REASON (empty when DuckDB agrees with Spark)
optionally followed by
  -- duckdb: SQL       DuckDB's spelling of the same query, on one line (Spark-only syntax)
  -- duckdb_skip: WHY  DuckDB cannot answer the query at all
With NAME arguments, only those queries run.

One JSON object per query, in file order:
  {"name", "ordered", "spark_differs", "columns", "types", "rows": [[value, ...], ...]}
or {"name", "ordered", "spark_differs", "error"} when DuckDB fails, or {..., "skipped": WHY}.
Values are rendered as `sluice query --format jsonl` renders them (RecordBatchJSONLines):
  null; booleans and integers (also HUGEINT) as JSON numbers; floats as JSON numbers, NaN and the
  infinities as the strings "NaN", "Infinity", "-Infinity"; decimals as strings with exactly
  `scale` digits; strings as strings; binary as base64; dates YYYY-MM-DD; timestamps
  YYYY-MM-DDTHH:MM:SS.ffffff, with Z when the type has a time zone (Spark's TIMESTAMP, an instant);
  lists as arrays and structs as objects.

DuckDB is configured as close to Spark 4 as settings allow: session time zone UTC, `/` on
integers gives a double, NULLS FIRST for ASC and NULLS LAST for DESC. The remaining differences
are marked per query with spark_differs.
"""

import base64
import datetime
import json
import math
import re
import struct
import sys
from pathlib import Path

import duckdb
import pyarrow as pa

HEADER = re.compile(r"^--\s*name:\s*(?P<name>[A-Za-z0-9_]+)\s*\|\s*ordered:\s*(?P<ordered>true|false)\s*"
                    r"\|\s*spark_differs:\s*(?P<differs>.*?)\s*$")
EPOCH = datetime.date(1970, 1, 1)


def parse_corpus(text):
    """The queries of queries.sql as dicts: name, ordered, spark_differs, sql, duckdb, duckdb_skip."""
    queries, current = [], None
    for line in text.splitlines():
        match = HEADER.match(line)
        if match:
            current = {"name": match["name"], "ordered": match["ordered"] == "true",
                       "spark_differs": match["differs"], "lines": [], "duckdb": None, "duckdb_skip": None}
            queries.append(current)
        elif current is None:
            continue  # the file's preamble
        elif not current["lines"] and line.startswith("-- duckdb:"):
            current["duckdb"] = line[len("-- duckdb:"):].strip()
        elif not current["lines"] and line.startswith("-- duckdb_skip:"):
            current["duckdb_skip"] = line[len("-- duckdb_skip:"):].strip()
        elif current["lines"] or line.strip():
            current["lines"].append(line)
    for query in queries:
        query["sql"] = "\n".join(query.pop("lines")).strip().rstrip(";").strip()
    return queries


def float_text(value, single):
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if single:
        # The shortest text that reads back as the same float32, as Swift's Float.description.
        for digits in range(1, 10):
            text = f"{value:.{digits}g}"
            if struct.unpack("f", struct.pack("f", float(text)))[0] == value:
                return float(text)
    return value


def decimal_text(value, scale):
    unscaled = int(value.scaleb(scale))
    sign = "-" if unscaled < 0 else ""
    digits = str(abs(unscaled)).rjust(scale + 1, "0")
    return sign + digits if scale == 0 else sign + digits[:-scale] + "." + digits[-scale:]


def timestamp_text(micros, utc):
    days, of_day = divmod(micros, 86_400_000_000)
    seconds, fraction = divmod(of_day, 1_000_000)
    date = (EPOCH + datetime.timedelta(days=days)).isoformat()
    text = f"{date}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.{fraction:06d}"
    return text + "Z" if utc else text


def render(value, arrow_type):
    if value is None:
        return None
    if pa.types.is_floating(arrow_type):
        return float_text(value, pa.types.is_float32(arrow_type))
    if pa.types.is_decimal(arrow_type):
        # DuckDB's HUGEINT (e.g. sum of BIGINT) arrives as decimal(38, 0): Spark's is a bigint.
        return decimal_text(value, arrow_type.scale)
    if pa.types.is_date32(arrow_type):
        return (EPOCH + datetime.timedelta(days=value)).isoformat()
    if pa.types.is_timestamp(arrow_type):
        return timestamp_text(value * {"s": 1_000_000, "ms": 1000, "us": 1, "ns": 1}[arrow_type.unit]
                              // (1000 if arrow_type.unit == "ns" else 1), arrow_type.tz is not None)
    if pa.types.is_binary(arrow_type) or pa.types.is_large_binary(arrow_type):
        return base64.b64encode(value).decode("ascii")
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        return [render(item, arrow_type.value_type) for item in value]
    if pa.types.is_struct(arrow_type):
        return {field.name: render(value.get(field.name), field.type) for field in arrow_type}
    return value  # booleans, integers, strings


def plain(arrow_type):
    """`arrow_type` with dates and timestamps as integers, so to_pylist never builds out-of-range dates."""
    if pa.types.is_date32(arrow_type):
        return pa.int32()
    if pa.types.is_timestamp(arrow_type):
        return pa.int64()
    if pa.types.is_list(arrow_type):
        return pa.list_(plain(arrow_type.value_type))
    if pa.types.is_large_list(arrow_type):
        return pa.large_list(plain(arrow_type.value_type))
    if pa.types.is_struct(arrow_type):
        return pa.struct([field.with_type(plain(field.type)) for field in arrow_type])
    return arrow_type


def run(connection, query):
    relation = connection.sql(query["duckdb"] or query["sql"])
    duck_types = [str(t) for t in relation.types]
    table = relation.to_arrow_table()
    columns = []
    for index, field in enumerate(table.schema):
        values = table.column(index).combine_chunks()
        values = values.cast(plain(field.type)) if plain(field.type) != field.type else values
        rendered = [render(v, field.type) for v in values.to_pylist()]
        if duck_types[index] == "HUGEINT":
            rendered = [None if v is None else int(v) for v in rendered]
        columns.append(rendered)
    rows = [list(row) for row in zip(*columns)] if columns else []
    return {"columns": table.schema.names, "types": duck_types, "rows": rows}


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: duckdb_oracle.py DATA_FOLDER QUERIES_FILE [NAME ...]")
    data, corpus = Path(sys.argv[1]), Path(sys.argv[2])
    only = set(sys.argv[3:])
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    connection.execute("SET integer_division = false")
    connection.execute("SET default_null_order = 'nulls_first_on_asc_last_on_desc'")
    connection.execute("SET threads = 2")
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        pattern = str(folder / "*.parquet").replace("'", "''")
        connection.execute(f"CREATE VIEW \"{folder.name}\" AS SELECT * FROM read_parquet('{pattern}')")
    for query in parse_corpus(corpus.read_text(encoding="utf-8")):
        if only and query["name"] not in only:
            continue
        line = {"name": query["name"], "ordered": query["ordered"], "spark_differs": query["spark_differs"]}
        if query["duckdb_skip"]:
            line["skipped"] = query["duckdb_skip"]
        else:
            try:
                line.update(run(connection, query))
            except duckdb.Error as error:
                line["error"] = f"{type(error).__name__}: {error}"
        print(json.dumps(line, ensure_ascii=False, allow_nan=False), flush=True)


if __name__ == "__main__":
    main()
