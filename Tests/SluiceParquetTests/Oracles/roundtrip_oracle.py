"""Reads parquet files that Sluice wrote, for the writer tests.

  roundtrip_oracle.py values pyarrow|duckdb PATH
      One JSON line per top-level column, as column_oracle.py prints them:
      {"column", "type", "values"}, with "nested": true for lists, structs and maps. DuckDB's
      result is converted to Arrow, cast to the types pyarrow reads, and rendered the same way.
  roundtrip_oracle.py stats PATH
      Rewrites the table pyarrow reads from PATH with pyarrow's defaults, then prints one JSON
      line per row group and column: {"row_group", "column", "sluice", "pyarrow"}, each the
      statistics pyarrow reports for that file (has_min_max, min and max as the repr of their raw
      physical values, null_count, and whether min and max are exact).
"""

import decimal
import json
import os
import sys
import tempfile
import uuid

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import column_oracle  # noqa: E402

# column_oracle scales decimals with Python's decimal module: 28 digits by default would round
# decimal(38) values.
decimal.getcontext().prec = 80


def print_values(table):
    for index, field in enumerate(table.schema):
        line = {"column": field.name, "type": str(field.type)}
        column = table.column(index)
        if isinstance(field.type, pa.BaseExtensionType):
            # pyarrow reads UUID columns as the arrow.uuid extension type: render its storage.
            column = pa.chunked_array([chunk.storage for chunk in column.chunks], type=field.type.storage_type)
        if column_oracle.is_nested(field.type):
            line["nested"] = True
            plain_type = column_oracle.temporal_as_integers(field.type)
            plain = column.cast(plain_type) if plain_type != field.type else column
            line["values"] = [column_oracle.render_nested(v, field.type) for v in plain.to_pylist()]
        else:
            line["values"] = column_oracle.render_column(column.combine_chunks())
        print(json.dumps(line, allow_nan=False))


def read_duckdb(path):
    """DuckDB's result, each column cast back to the type pyarrow reads (DuckDB widens TIME and
    TIMESTAMP(MILLIS) to microseconds and returns UUIDs as text), so both render alike."""
    import duckdb

    table = duckdb.connect().execute("SELECT * FROM read_parquet(?)", [path]).to_arrow_table()
    expected = pq.read_schema(path)
    columns = []
    for field, column in zip(expected, table.columns):
        target = field.type.storage_type if isinstance(field.type, pa.BaseExtensionType) else field.type
        if pa.types.is_fixed_size_binary(target) and pa.types.is_string(column.type):
            values = [None if v is None else uuid.UUID(v).bytes for v in column.to_pylist()]
            column = pa.chunked_array([pa.array(values, type=target)])
        elif column.type != target:
            column = column.cast(target)  # safe cast: fails rather than lose a value
        columns.append(column)
    return pa.table(columns, names=expected.names)


def statistics(column_chunk):
    stats = column_chunk.statistics
    if stats is None:
        return None
    result = {"has_min_max": stats.has_min_max, "null_count": stats.null_count}
    if stats.has_min_max:
        # The raw physical values: nanosecond timestamps do not convert to Python datetimes.
        result["min"] = repr(stats.min_raw)
        result["max"] = repr(stats.max_raw)
        for name in ("is_min_value_exact", "is_max_value_exact"):
            if hasattr(stats, name):
                result[name] = getattr(stats, name)
    return result


def print_statistics(path):
    table = pq.read_table(path)
    with tempfile.TemporaryDirectory() as directory:
        reference = os.path.join(directory, "pyarrow.parquet")
        ours = pq.ParquetFile(path).metadata
        pq.write_table(table, reference, row_group_size=max(1, ours.row_group(0).num_rows) if ours.num_row_groups else None)
        theirs = pq.ParquetFile(reference).metadata
        for group in range(ours.num_row_groups):
            for column in range(ours.num_columns):
                chunk = ours.row_group(group).column(column)
                line = {
                    "row_group": group,
                    "column": chunk.path_in_schema,
                    "sluice": statistics(chunk),
                    "pyarrow": statistics(theirs.row_group(group).column(column)),
                }
                print(json.dumps(line))


def main():
    mode = sys.argv[1]
    if mode == "values":
        engine, path = sys.argv[2], sys.argv[3]
        print_values(read_duckdb(path) if engine == "duckdb" else pq.read_table(path))
    elif mode == "stats":
        print_statistics(sys.argv[2])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
