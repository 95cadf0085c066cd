"""Prints the values pyarrow reads from every top-level column of the parquet files given.

One JSON line per column, in file and schema order:
  {"file", "column", "type", "values": [...]}, with "nested": true for lists, structs and maps,
or {"file", "error"} when pyarrow cannot read the file. Nested values are JSON arrays (lists),
objects (structs) and arrays of {"key", "value"} objects (maps), their leaves rendered as flat
values are. Values are rendered canonically, null as null:
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
    if 1 <= days + EPOCH_ORDINAL <= datetime.date.max.toordinal():
        return datetime.date.fromordinal(days + EPOCH_ORDINAL).isoformat()
    # Outside Python's date range: Hinnant's civil_from_days, as the Swift side renders dates.
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    day_of_era = z - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_part = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_part + 2) // 5 + 1
    month = month_part + 3 if month_part < 10 else month_part - 9
    year = year_of_era + era * 400 + (1 if month <= 2 else 0)
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


def temporal_as_integers(arrow_type):
    """`arrow_type` with date, time and timestamp leaves as integers of their unit, so to_pylist
    never builds out-of-range Python dates."""
    if pa.types.is_date32(arrow_type) or pa.types.is_time32(arrow_type):
        return pa.int32()
    if pa.types.is_timestamp(arrow_type) or pa.types.is_time64(arrow_type):
        return pa.int64()
    if pa.types.is_map(arrow_type):
        return pa.map_(temporal_as_integers(arrow_type.key_type), arrow_type.item_field.with_type(
            temporal_as_integers(arrow_type.item_type)))
    if pa.types.is_list(arrow_type):
        return pa.list_(arrow_type.value_field.with_type(temporal_as_integers(arrow_type.value_type)))
    if pa.types.is_large_list(arrow_type):
        return pa.large_list(arrow_type.value_field.with_type(temporal_as_integers(arrow_type.value_type)))
    if pa.types.is_struct(arrow_type):
        return pa.struct([field.with_type(temporal_as_integers(field.type)) for field in arrow_type])
    return arrow_type


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


def render_nested(value, arrow_type):
    """One value of a nested column, its leaves rendered as `render_column` renders flat ones."""
    if value is None:
        return None
    if isinstance(arrow_type, pa.ExtensionType):
        arrow_type = arrow_type.storage_type
    if pa.types.is_map(arrow_type):
        return [
            {"key": render_nested(k, arrow_type.key_type), "value": render_nested(v, arrow_type.item_type)}
            for k, v in value
        ]
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type) or pa.types.is_fixed_size_list(arrow_type):
        return [render_nested(item, arrow_type.value_type) for item in value]
    if pa.types.is_struct(arrow_type):
        return {field.name: render_nested(value.get(field.name), field.type) for field in arrow_type}
    if pa.types.is_date32(arrow_type):
        return render_date(value)  # an int: see temporal_as_integers
    if pa.types.is_temporal(arrow_type):
        return value  # already the integer count of the unit
    return render_column(pa.array([value], type=arrow_type))[0]


def describe(path):
    try:
        table = pq.read_table(path)
    except Exception as error:  # pyarrow raises several types; the message is what matters
        print(json.dumps({"file": path, "error": f"{type(error).__name__}: {error}"}))
        return
    for index, field in enumerate(table.schema):
        line = {"file": path, "column": field.name, "type": str(field.type)}
        try:
            if is_nested(field.type):
                line["nested"] = True
                column = table.column(index)
                plain = column.cast(temporal_as_integers(field.type)) if temporal_as_integers(field.type) != field.type else column
                line["values"] = [render_nested(v, field.type) for v in plain.to_pylist()]
            else:
                line["values"] = render_column(table.column(field.name).combine_chunks())
        except Exception as error:
            line["error"] = f"{type(error).__name__}: {error}"
        print(json.dumps(line, allow_nan=False))


def main():
    for path in sys.argv[1:]:
        describe(path)


if __name__ == "__main__":
    main()
