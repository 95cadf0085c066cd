"""Prints the values pyarrow reads from every flat top-level column of the parquet files given.

One JSON line per column, in file and schema order:
  {"file", "column", "type", "values": [...]}
or {"file", "error"} when pyarrow cannot read the file. Lists, structs and maps are left out
(the Swift test lists them as unsupported). Values are rendered canonically, null as null:
  integers and booleans as JSON numbers and booleans; floats as strings of Python's repr (so
  they parse back exactly), NaN and infinities as the strings "NaN", "Infinity", "-Infinity"; decimals as strings with
  exactly `scale` digits after the point; strings as strings; binary and fixed-size binary as
  base64; dates as YYYY-MM-DD; times and timestamps as integer counts of the column's unit
  (timestamps without timezone conversion).
"""

import base64
import datetime
import json
import math
import sys

import pyarrow as pa
import pyarrow.parquet as pq

EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()


def render_float(value):
    if value is None:
        return None
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    # repr as a string: the Swift side parses it with Double(_:), which rounds correctly where
    # Foundation's JSON number parsing does not.
    return repr(value)


def render_decimal(unscaled, scale):
    sign = "-" if unscaled < 0 else ""
    digits = str(abs(unscaled)).rjust(scale + 1, "0")
    if scale == 0:
        return sign + digits
    return sign + digits[:-scale] + "." + digits[-scale:]


def render_date(days):
    # Via the ordinal, so dates outside Python's date range fail loudly rather than silently.
    return datetime.date.fromordinal(days + EPOCH_ORDINAL).isoformat()


def is_nested(arrow_type):
    return pa.types.is_nested(arrow_type)


def render_column(array):
    arrow_type = array.type
    if isinstance(arrow_type, pa.ExtensionType):
        array = array.storage
        arrow_type = array.type
    if pa.types.is_dictionary(arrow_type):
        array = array.dictionary_decode()
        arrow_type = array.type
    if pa.types.is_float16(arrow_type):
        return [render_float(value) for value in array.to_pylist()]
    if pa.types.is_floating(arrow_type):
        return [render_float(value) for value in array.to_pylist()]
    if pa.types.is_decimal(arrow_type):
        scale = arrow_type.scale
        return [None if v is None else render_decimal(int(v.scaleb(scale)), scale) for v in array.to_pylist()]
    if pa.types.is_date32(arrow_type):
        return [None if v is None else render_date(v) for v in array.cast(pa.int32()).to_pylist()]
    if pa.types.is_timestamp(arrow_type) or pa.types.is_time64(arrow_type):
        return array.cast(pa.int64()).to_pylist()
    if pa.types.is_time32(arrow_type):
        return array.cast(pa.int32()).to_pylist()
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return array.to_pylist()
    if pa.types.is_binary(arrow_type) or pa.types.is_large_binary(arrow_type) or pa.types.is_fixed_size_binary(
        arrow_type
    ):
        return [None if v is None else base64.b64encode(v).decode("ascii") for v in array.to_pylist()]
    if pa.types.is_integer(arrow_type) or pa.types.is_boolean(arrow_type) or pa.types.is_null(arrow_type):
        return array.to_pylist()
    raise ValueError(f"no rendering for {arrow_type}")


def describe(path):
    try:
        table = pq.read_table(path)
    except Exception as error:  # pyarrow raises several types; the message is what matters
        print(json.dumps({"file": path, "error": f"{type(error).__name__}: {error}"}))
        return
    for field in table.schema:
        if is_nested(field.type):
            continue
        line = {"file": path, "column": field.name, "type": str(field.type)}
        try:
            line["values"] = render_column(table.column(field.name).combine_chunks())
        except Exception as error:
            line["error"] = f"{type(error).__name__}: {error}"
        print(json.dumps(line, allow_nan=False))


def main():
    for path in sys.argv[1:]:
        describe(path)


if __name__ == "__main__":
    main()
