"""Writes the conformance corpus of the parquet reader into the folder given as the only argument.

For every NAME.parquet it writes NAME.jsonl: the rows pyarrow reads from the file, one JSON object
per line, rendered exactly as SluiceCore's `RecordBatchJSONLines` renders them (same key order,
number and string forms, no spaces), so the Swift test compares text line by line.

The files cover every physical and logical type pyarrow writes, every encoding, every codec, data
pages v1 and v2, page checksums, nesting with nulls at every level, empty files, a 10 MB value,
thousands of row groups, a wide schema and files written by DuckDB.
"""

import base64
import datetime
import decimal
import functools
import math
import os
import struct
import sys

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from column_oracle import render_date, render_decimal  # noqa: E402

ROWS = 300
# Decimal arithmetic must be exact up to 38 digits (the default context keeps 28).
decimal.getcontext().prec = 80

# ---------------------------------------------------------------------------------------------
# Rendering, as SluiceCore's ColumnValueText does it.


def json_string(text):
    """`JSONText.quoted`: escapes quote, backslash, \\n, \\r, \\t and other controls as \\u00XX."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def swift_float_text(digits, exponent, exponential):
    """Swift's float description from shortest `digits` with value 0.digits * 10^exponent."""
    if exponential:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        power = exponent - 1
        return f"{mantissa}e{'+' if power >= 0 else '-'}{abs(power):02d}"
    if exponent <= 0:
        return "0." + "0" * -exponent + digits
    if exponent >= len(digits):
        return digits + "0" * (exponent - len(digits)) + ".0"
    return digits[:exponent] + "." + digits[exponent:]


def shortest_digits(value, round_trips):
    """The shortest significant digits of positive `value` (and its decimal exponent) that read back."""
    for precision in range(1, 18):
        text = f"{value:.{precision - 1}e}"
        if round_trips(float(text)):
            mantissa, power = text.split("e")
            digits = mantissa.replace(".", "").rstrip("0") or "0"
            return digits, int(power) + 1
    raise ValueError(value)


def float32_round_trips(parsed, value):
    """Whether `parsed` rounds to the float32 `value` (a parse above float32's range does not)."""
    try:
        return struct.pack("<f", parsed) == struct.pack("<f", value)
    except OverflowError:
        return False


def render_float(value, bits):
    """`floatText`: NaN and the infinities by name, else Swift's shortest round-trip description.
    Swift switches to exponent form when the shortest digits are below 0.0001, and above 2^53
    (Double) or 2^24 (Float)."""
    if math.isnan(value):
        return '"NaN"'
    if math.isinf(value):
        return '"Infinity"' if value > 0 else '"-Infinity"'
    sign = "-" if math.copysign(1.0, value) < 0 else ""
    magnitude = abs(value)
    if magnitude == 0:
        return sign + "0.0"
    if bits == 64:
        digits, exponent = shortest_digits(magnitude, lambda parsed: parsed == magnitude)
        limit = 2.0**53
    else:
        digits, exponent = shortest_digits(magnitude, lambda parsed: float32_round_trips(parsed, magnitude))
        limit = 2.0**24
    exponential = exponent < -3 or magnitude > limit
    return sign + swift_float_text(digits, exponent, exponential)


def clock(value, per_second, digits):
    seconds, fraction = divmod(value, per_second)
    scaled = fraction * (1_000_000 // per_second) if per_second < 1_000_000 else fraction
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.{scaled:0{digits}d}"


PER_SECOND = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}


def render_timestamp(value, unit, timezone):
    per_second = PER_SECOND[unit]
    days, of_day = divmod(value, per_second * 86_400)
    text = render_date(days) + "T" + clock(of_day, per_second, 9 if unit == "ns" else 6)
    return json_string(text + "Z" if timezone is not None else text)


def render_time(value, unit):
    per_second = PER_SECOND[unit]
    return json_string(clock(value % (per_second * 86_400), per_second, 9 if unit == "ns" else 6))


def render_uuid(raw):
    hexed = raw.hex()
    return json_string(f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}")


def render_array(array):
    """The JSON text of every value of `array` (a pyarrow Array), nulls as `null`."""
    arrow_type = array.type
    is_uuid = False
    if isinstance(arrow_type, pa.BaseExtensionType):
        is_uuid = arrow_type.extension_name == "arrow.uuid"
        array = array.storage
        arrow_type = array.type
    if pa.types.is_dictionary(arrow_type):
        array = array.dictionary_decode()
        arrow_type = array.type
    valid = [value.is_valid for value in array] if array.null_count else [True] * len(array)

    def with_nulls(texts):
        return [text if ok else "null" for text, ok in zip(texts, valid)]

    if pa.types.is_struct(arrow_type):
        children = [render_array(child) for child in array.flatten()]
        names = [json_string(field.name) for field in arrow_type]
        rows = ["{" + ",".join(n + ":" + c[i] for n, c in zip(names, children)) + "}" for i in range(len(array))]
        return with_nulls(rows)
    if pa.types.is_map(arrow_type):
        keys, items = render_array(array.keys), render_array(array.items)
        offsets = array.offsets.to_pylist()
        rows = [
            "["
            + ",".join('{"key":' + keys[j] + ',"value":' + items[j] + "}" for j in range(offsets[i], offsets[i + 1]))
            + "]"
            for i in range(len(array))
        ]
        return with_nulls(rows)
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        values = render_array(array.values)
        offsets = array.offsets.to_pylist()
        return with_nulls(["[" + ",".join(values[offsets[i] : offsets[i + 1]]) + "]" for i in range(len(array))])
    if pa.types.is_fixed_size_list(arrow_type):
        values = render_array(array.values)
        size, start = arrow_type.list_size, array.offset
        return with_nulls(
            ["[" + ",".join(values[(start + i) * size : (start + i + 1) * size]) + "]" for i in range(len(array))]
        )
    if pa.types.is_boolean(arrow_type):
        return [{True: "true", False: "false", None: "null"}[v] for v in array.to_pylist()]
    if pa.types.is_integer(arrow_type):
        return ["null" if v is None else str(v) for v in array.to_pylist()]
    if pa.types.is_null(arrow_type):
        return ["null"] * len(array)
    if pa.types.is_float16(arrow_type) or pa.types.is_float32(arrow_type):
        return ["null" if v is None else render_float(v, 32) for v in array.cast(pa.float32()).to_pylist()]
    if pa.types.is_float64(arrow_type):
        return ["null" if v is None else render_float(v, 64) for v in array.to_pylist()]
    if pa.types.is_decimal(arrow_type):
        scale = arrow_type.scale
        return [
            "null" if v is None else json_string(render_decimal(int(v.scaleb(scale)), scale))
            for v in array.to_pylist()
        ]
    if pa.types.is_date32(arrow_type):
        return ["null" if v is None else json_string(render_date(v)) for v in array.cast(pa.int32()).to_pylist()]
    if pa.types.is_timestamp(arrow_type):
        unit, timezone = arrow_type.unit, arrow_type.tz
        return [
            "null" if v is None else render_timestamp(v, unit, timezone) for v in array.cast(pa.int64()).to_pylist()
        ]
    if pa.types.is_time32(arrow_type) or pa.types.is_time64(arrow_type):
        unit = arrow_type.unit
        integers = array.cast(pa.int32() if pa.types.is_time32(arrow_type) else pa.int64())
        return ["null" if v is None else render_time(v, unit) for v in integers.to_pylist()]
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return ["null" if v is None else json_string(v) for v in array.to_pylist()]
    if pa.types.is_fixed_size_binary(arrow_type) and is_uuid:
        return ["null" if v is None else render_uuid(v) for v in array.to_pylist()]
    if pa.types.is_binary(arrow_type) or pa.types.is_large_binary(arrow_type) or pa.types.is_fixed_size_binary(
        arrow_type
    ):
        return ["null" if v is None else json_string(base64.b64encode(v).decode("ascii")) for v in array.to_pylist()]
    raise ValueError(f"no rendering for {arrow_type}")


def write_expected(parquet_path):
    """Writes the rows pyarrow reads from `parquet_path` beside it as JSON lines."""
    table = pq.read_table(parquet_path)
    names = [json_string(name) for name in table.column_names]
    columns = []
    for column in table.columns:
        rendered = []
        for chunk in column.chunks:
            rendered.extend(render_array(chunk))
        columns.append(rendered)
    with open(parquet_path[: -len(".parquet")] + ".jsonl", "w", encoding="utf-8") as out:
        for row in range(table.num_rows):
            out.write("{" + ",".join(n + ":" + c[row] for n, c in zip(names, columns)) + "}\n")


# ---------------------------------------------------------------------------------------------
# Tables.


def nullable(values, every=7, offset=0):
    """`values` with every `every`-th value (from `offset`) replaced by None."""
    return [None if (index + offset) % every == 0 else value for index, value in enumerate(values)]


def scalar_table(rows=ROWS):
    """Every flat type, with nulls."""
    r = range(rows)
    epoch_us = 1_700_000_000_000_000
    strings = [f"s{i % 37}-{'é' * (i % 3)}\"\\\n\t\x01" if i % 11 == 0 else f"value {i % 53}" for i in r]
    columns = {
        "bool": pa.array(nullable([i % 3 == 0 for i in r]), pa.bool_()),
        "int8": pa.array(nullable([(i * 37) % 256 - 128 for i in r]), pa.int8()),
        "int16": pa.array(nullable([(i * 997) % 65536 - 32768 for i in r]), pa.int16()),
        "int32": pa.array(nullable([(i * 2_654_435_761) % 2**32 - 2**31 for i in r]), pa.int32()),
        "int64": pa.array(nullable([(i * 0x9E3779B97F4A7C15) % 2**64 - 2**63 for i in r]), pa.int64()),
        "uint8": pa.array(nullable([(i * 37) % 256 for i in r]), pa.uint8()),
        "uint16": pa.array(nullable([(i * 997) % 65536 for i in r]), pa.uint16()),
        "uint32": pa.array(nullable([(i * 2_654_435_761) % 2**32 for i in r]), pa.uint32()),
        "uint64": pa.array(nullable([(i * 0x9E3779B97F4A7C15) % 2**64 for i in r]), pa.uint64()),
        "float16": pa.array(nullable([(i - 150) / 7.0 for i in r]), pa.float32()).cast(pa.float16()),
        "float32": pa.array(nullable([special_float(i, 32) for i in r]), pa.float32()),
        "float64": pa.array(nullable([special_float(i, 64) for i in r]), pa.float64()),
        "string": pa.array(nullable(strings), pa.string()),
        "large_string": pa.array(nullable(strings, offset=3), pa.large_string()),
        "dictionary_string": pa.array(nullable(strings, offset=5), pa.string()).dictionary_encode(),
        "binary": pa.array(nullable([bytes([i % 256]) * (i % 9) for i in r]), pa.binary()),
        "fixed_binary": pa.array(nullable([(i * 7919).to_bytes(5, "little") for i in r]), pa.binary(5)),
        "uuid": pa.ExtensionArray.from_storage(
            pa.uuid(), pa.array(nullable([(i * 0x1234567).to_bytes(16, "big") for i in r]), pa.binary(16))
        ),
        "date32": pa.array(nullable([(i * 1009) % 2_900_000 - 719_162 for i in r]), pa.int32()).cast(pa.date32()),
        "time32_ms": pa.array(nullable([(i * 287_999) % 86_400_000 for i in r]), pa.int32()).cast(pa.time32("ms")),
        "time64_us": pa.array(nullable([(i * 287_999_999) % 86_400_000_000 for i in r]), pa.int64()).cast(
            pa.time64("us")
        ),
        "time64_ns": pa.array(nullable([(i * 287_999_999_999) % 86_400_000_000_000 for i in r]), pa.int64()).cast(
            pa.time64("ns")
        ),
    }
    for unit, scale in (("s", 1), ("ms", 1_000), ("us", 1_000_000), ("ns", 1_000_000_000)):
        seconds = [(epoch_us // 1_000_000) + (i - 150) * 8_639_912 for i in r]
        values = [s * scale + (i * 123_456_789 % scale) for s, i in zip(seconds, r)]
        columns[f"ts_{unit}"] = pa.array(nullable(values), pa.int64()).cast(pa.timestamp(unit))
        columns[f"ts_{unit}_tz"] = pa.array(nullable(values, offset=2), pa.int64()).cast(
            pa.timestamp(unit, tz="America/New_York")
        )
    for name, factory, precision, scale in (
        ("dec32_9_2", pa.decimal32, 9, 2),
        ("dec64_18_6", pa.decimal64, 18, 6),
        ("dec128_5_0", pa.decimal128, 5, 0),
        ("dec128_20_4", pa.decimal128, 20, 4),
        ("dec128_38_10", pa.decimal128, 38, 10),
        ("dec128_38_0", pa.decimal128, 38, 0),
    ):
        top = 10**precision - 1
        unscaled = [(i * 7_919_000_011 * 10**20 + i) % top * (-1 if i % 2 else 1) for i in r]
        values = [decimal.Decimal(value).scaleb(-scale) for value in unscaled]
        values[1] = decimal.Decimal(top).scaleb(-scale)
        values[2] = decimal.Decimal(-top).scaleb(-scale)
        columns[name] = pa.array(nullable(values), factory(precision, scale))
    return pa.table(columns)


def special_float(index, bits):
    """Zeros, NaN, infinities, subnormals, extremes and the values where Swift's float text
    switches between plain and exponent form, then ordinary values of many magnitudes."""
    tiny, huge = (5e-324, 1.7976931348623157e308) if bits == 64 else (1e-45, 3.4028234663852886e38)
    specials = [0.0, -0.0, float("nan"), float("inf"), float("-inf"), 1e-5, 1e-4, 0.1, 123456.7, 1e15, 9.5e15,
                1e16, 2.0**53, 2.0**53 + 2, 16777216.0, 16777218.0, 33554432.0, 1e8, tiny, huge]
    if index < len(specials):
        return specials[index]
    return (index - 150) * 1.000123 / 3.0 * 10 ** ((index % 13) - 6)


def nested_table(rows=ROWS):
    """Lists, structs and maps, with nulls at every level."""
    r = range(rows)

    def maybe(i, every, value):
        return None if i % every == 0 else value

    lists = [maybe(i, 5, [maybe(j, 3, i * 10 + j) for j in range(i % 4)]) for i in r]
    structs = [
        maybe(i, 6, {"a": maybe(i, 4, i), "b": maybe(i, 5, f"b{i}"),
                     "c": maybe(i, 7, [maybe(j, 2, float(j)) for j in range(i % 3)])})
        for i in r
    ]
    maps = [maybe(i, 5, [(f"k{j}", maybe(j + i, 3, j * i)) for j in range(i % 4)]) for i in r]
    list_of_struct = [
        maybe(i, 9, [
            maybe(j, 4, {"id": j, "tags": maybe(j, 3, [(f"t{k}", maybe(k, 2, f"v{k}")) for k in range(j % 3)])})
            for j in range(i % 5)
        ])
        for i in r
    ]
    list_of_list = [
        maybe(i, 7, [maybe(j, 3, [maybe(k, 4, f"x{i}.{j}.{k}") for k in range(j % 3)]) for j in range(i % 4)])
        for i in r
    ]
    map_type = pa.map_(pa.string(), pa.int32())
    struct_type = pa.struct([("a", pa.int32()), ("b", pa.string()), ("c", pa.list_(pa.float64()))])
    los_type = pa.list_(pa.struct([("id", pa.int64()), ("tags", pa.map_(pa.string(), pa.string()))]))
    return pa.table(
        {
            "list": pa.array(lists, pa.list_(pa.int64())),
            "large_list": pa.array(lists, pa.large_list(pa.int64())),
            "fixed_list": pa.array(
                [maybe(i, 4, [maybe(i + j, 3, i + j) for j in range(3)]) for i in r], pa.list_(pa.int32(), 3)
            ),
            "list_of_list": pa.array(list_of_list, pa.list_(pa.list_(pa.string()))),
            "struct": pa.array(structs, struct_type),
            "struct_of_struct": pa.array(
                [
                    maybe(i, 8, {"inner": maybe(i, 3, {"x": maybe(i, 2, i), "d": datetime.date(2020, 1, 1 + i % 28)})})
                    for i in r
                ],
                pa.struct([("inner", pa.struct([("x", pa.int16()), ("d", pa.date32())]))]),
            ),
            "map": pa.array(maps, map_type),
            "list_of_struct_with_map": pa.array(list_of_struct, los_type),
            "list_of_uuid": pa.array([maybe(i, 3, [bytes([i % 256]) * 16]) for i in r], pa.list_(pa.binary(16))),
            "list_of_ts": pa.array(
                [[maybe(j, 2, datetime.datetime(2026, 1, 1, 12, 0, j)) for j in range(i % 3)] for i in r],
                pa.list_(pa.timestamp("ns", tz="UTC")),
            ),
            "list_of_decimal": pa.array(
                [[decimal.Decimal(f"{i}.{j:02d}") for j in range(i % 3)] for i in r], pa.list_(pa.decimal128(10, 2))
            ),
            "all_null_list": pa.nulls(rows, pa.list_(pa.int32())),
            "all_null_struct": pa.nulls(rows, struct_type),
        }
    )


def null_table(rows=ROWS):
    """All-null and mostly-null columns of several types."""
    return pa.table(
        {
            "null_type": pa.nulls(rows),
            "all_null_int": pa.nulls(rows, pa.int64()),
            "all_null_string": pa.nulls(rows, pa.string()),
            "all_null_double": pa.nulls(rows, pa.float64()),
            "one_value": pa.array([7 if i == rows - 1 else None for i in range(rows)], pa.int32()),
            "required_int": pa.array(range(rows), pa.int32()),
        },
        schema=pa.schema(
            [
                ("null_type", pa.null()),
                ("all_null_int", pa.int64()),
                ("all_null_string", pa.string()),
                ("all_null_double", pa.float64()),
                ("one_value", pa.int32()),
                pa.field("required_int", pa.int32(), nullable=False),
            ]
        ),
    )


def encoding_table(rows=2000):
    r = range(rows)
    return pa.table(
        {
            "i32": pa.array(nullable([(i * 7) % 1000 - 500 for i in r]), pa.int32()),
            "i64": pa.array(nullable([i * 1_000_000_007 - 2**40 for i in r]), pa.int64()),
            "i64_big_deltas": pa.array([(i * 0x9E3779B97F4A7C15) % 2**64 - 2**63 for i in r], pa.int64()),
            "f32": pa.array(nullable([i / 3.0 for i in r]), pa.float32()),
            "f64": pa.array(nullable([i / 7.0 - 100 for i in r]), pa.float64()),
            "str": pa.array(nullable([f"prefix-{i // 10:05d}-{i % 10}" for i in r]), pa.string()),
            "bin": pa.array(nullable([bytes(range(i % 20)) for i in r]), pa.binary()),
            "flba": pa.array(nullable([(i * 31).to_bytes(4, "big") for i in r]), pa.binary(4)),
            "dec": pa.array(nullable([decimal.Decimal(i * 13 - 9000).scaleb(-2) for i in r]), pa.decimal128(12, 2)),
            "bool": pa.array(nullable([i % 5 < 2 for i in r]), pa.bool_()),
        }
    )


# ---------------------------------------------------------------------------------------------
# Files: every case is a function of the output folder, registered under its file name.

CASES = {}


def case(name, table_factory, **options):
    """Registers NAME.parquet: the table made by `table_factory`, written by pyarrow with `options`."""

    def make(out):
        path = os.path.join(out, name + ".parquet")
        pq.write_table(table_factory(), path, **options)
        write_expected(path)

    CASES[name] = make


@functools.lru_cache(maxsize=None)
def scalars():
    return scalar_table()


@functools.lru_cache(maxsize=None)
def encodings():
    return encoding_table()


@functools.lru_cache(maxsize=None)
def nested():
    return nested_table()


def int96_table():
    names = ("ts_s", "ts_ms", "ts_us", "ts_ns")
    return scalars().select(names).cast(pa.schema([(n, pa.timestamp("ns")) for n in names]))


def register_pyarrow_cases():
    case("types_plain_v1", scalars, use_dictionary=False, row_group_size=120)
    case("types_dictionary_v2", scalars, data_page_version="2.0", row_group_size=200, data_page_size=512)
    case("types_snappy_checksums", scalars, compression="snappy", write_page_checksum=True)
    case("types_no_stored_schema", scalars, store_schema=False, compression="zstd")
    case("int96_timestamps", int96_table, use_deprecated_int96_timestamps=True)
    case("int96_timestamps_v2_plain", int96_table, use_deprecated_int96_timestamps=True, use_dictionary=False,
         data_page_version="2.0")

    # Encodings: each column's encodings apply where pyarrow allows them.
    delta_ints = {"i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED", "i64_big_deltas": "DELTA_BINARY_PACKED"}
    for version in ("1.0", "2.0"):
        suffix = "v1" if version == "1.0" else "v2"
        case(f"enc_plain_{suffix}", encodings, use_dictionary=False, data_page_version=version, data_page_size=4096)
        case(f"enc_dictionary_{suffix}", encodings, use_dictionary=True, data_page_version=version,
             data_page_size=4096)
        # A dictionary page limit this small makes the writer fall back to PLAIN inside the chunk.
        case(f"enc_dictionary_fallback_{suffix}", encodings, use_dictionary=True, dictionary_pagesize_limit=256,
             data_page_version=version, data_page_size=1024)
        case(f"enc_delta_{suffix}", encodings, use_dictionary=False, data_page_version=version, data_page_size=2048,
             column_encoding={**delta_ints, "str": "DELTA_LENGTH_BYTE_ARRAY", "bin": "DELTA_BYTE_ARRAY",
                              "flba": "DELTA_BYTE_ARRAY"})
        case(f"enc_delta_byte_array_{suffix}", lambda: encodings().select(["str", "bin"]), use_dictionary=False,
             data_page_version=version, column_encoding={"str": "DELTA_BYTE_ARRAY", "bin": "DELTA_LENGTH_BYTE_ARRAY"})
        case(f"enc_byte_stream_split_{suffix}", encodings, use_dictionary=False, data_page_version=version,
             data_page_size=2048,
             column_encoding={n: "BYTE_STREAM_SPLIT" for n in ("i32", "i64", "f32", "f64", "flba", "dec")})
        case(f"enc_rle_bool_{suffix}", lambda: encodings().select(["bool"]), use_dictionary=False,
             data_page_version=version, column_encoding={"bool": "RLE"})

    # Codecs, each with pages v1 and v2 (v2 leaves levels uncompressed).
    for codec in ("none", "snappy", "gzip", "zstd", "lz4", "brotli"):
        for version in ("1.0", "2.0"):
            suffix = "v1" if version == "1.0" else "v2"
            case(f"codec_{codec}_{suffix}", encodings, compression=codec, data_page_version=version,
                 data_page_size=8192, row_group_size=900)

    case("nested_v1", nested, row_group_size=100)
    case("nested_v2_snappy", nested, data_page_version="2.0", compression="snappy", data_page_size=256)
    case("nested_plain_checksums", nested, use_dictionary=False, write_page_checksum=True, compression="gzip")
    case("nested_legacy_names", nested, use_compliant_nested_type=False)
    case("nulls", null_table, row_group_size=100)
    case("nulls_v2", null_table, data_page_version="2.0", use_dictionary=False)
    case("empty", lambda: scalars().slice(0, 0))
    case("empty_nested", lambda: nested().slice(0, 0))

    big = "0123456789abcdef" * (10 * 1024 * 1024 // 16)
    case("big_value", lambda: pa.table({"id": [1, 2, 3], "text": [big, "small", big[::-1]]}), compression="zstd")
    case("many_row_groups", lambda: pa.table({"id": pa.array(range(9000), pa.int64()),
                                              "s": pa.array([f"r{i % 97}" for i in range(9000)])}), row_group_size=3)
    case("wide", lambda: pa.table({f"c{i:04d}": pa.array([i * 10 + j if (i + j) % 5 else None for j in range(5)],
                                                         pa.int32()) for i in range(1000)}))
    case("many_small_pages", lambda: pa.table({"v": pa.array(range(20_000), pa.int64()),
                                               "s": pa.array([f"{i}" * (i % 4) for i in range(20_000)])}),
         data_page_size=64, write_batch_size=16, max_rows_per_page=17)
    CASES["empty_row_groups"] = write_empty_row_groups

    # Small files for the corruption and fuzz tests (no page checksums, so damage reaches the decoders).
    case("small_plain", lambda: encodings().slice(0, 150), use_dictionary=False, compression="none")
    case("small_types", lambda: scalars().slice(0, 40), compression="none", use_deprecated_int96_timestamps=True)
    case("small_dictionary_snappy_v2", lambda: encodings().slice(0, 150), compression="snappy",
         data_page_version="2.0")
    case("small_delta_zstd", lambda: encodings().slice(0, 150), use_dictionary=False, compression="zstd",
         column_encoding={"i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED", "str": "DELTA_BYTE_ARRAY",
                          "bin": "DELTA_LENGTH_BYTE_ARRAY", "f64": "BYTE_STREAM_SPLIT"})
    case("small_nested_gzip", lambda: nested().slice(0, 40), compression="gzip")
    case("small_nested_plain_v2", lambda: nested().slice(0, 40), compression="none", use_dictionary=False,
         data_page_version="2.0")
    # One required column, one row group, a dictionary of three values: page 0 is the dictionary.
    case("small_single_dictionary", lambda: pa.table(
        {"s": pa.array([f"word{i % 3}" for i in range(200)], pa.string())},
        schema=pa.schema([pa.field("s", pa.string(), nullable=False)])), compression="none")


def write_empty_row_groups(out):
    """Row groups without rows before, between and after row groups with rows."""
    path = os.path.join(out, "empty_row_groups.parquet")
    small = pa.table({"x": pa.array([1, None, 3], pa.int64()), "s": pa.array(["a", "b", None])})
    with pq.ParquetWriter(path, small.schema) as writer:
        for table in (small.slice(0, 0), small, small.slice(0, 0), small, small.slice(0, 0)):
            writer.write_table(table)
    write_expected(path)


DUCKDB_SELECT = """
SELECT
  (i % 256 - 128)::TINYINT AS tiny, (i * 13 % 65536 - 32768)::SMALLINT AS small, i * 1000 AS int,
  (i * 1000000007)::BIGINT AS big, (i % 256)::UTINYINT AS utiny, (i * 7 % 65536)::USMALLINT AS usmall,
  (i * 1000003)::UINTEGER AS uint, (i * 10000000019)::UBIGINT AS ubig, (i * 123456789)::HUGEINT AS huge,
  i / 7 AS dbl, (i / 3)::FLOAT AS flt, i % 3 = 0 AS flag,
  CASE WHEN i % 5 = 0 THEN NULL ELSE 'text ' || i END AS txt,
  ('\\x' || lpad(to_hex(i % 256), 2, '0'))::BLOB AS blb,
  (i / 100)::DECIMAL(4, 2) AS dec4, (i * 1.5)::DECIMAL(9, 3) AS dec9, (i * 12345.678)::DECIMAL(18, 3) AS dec18,
  (i * 1234567890123.45)::DECIMAL(38, 2) AS dec38,
  DATE '2020-01-01' + i::INTEGER AS d, TIME '01:02:03' + INTERVAL (i) SECOND AS t,
  TIMESTAMP '2024-02-29 12:00:00' + INTERVAL (i) MINUTE AS ts,
  TIMESTAMPTZ '2024-02-29 12:00:00+00' + INTERVAL (i) MINUTE AS tstz,
  (TIMESTAMP '2024-02-29 12:00:00' + INTERVAL (i) SECOND)::TIMESTAMP_MS AS ts_ms,
  (TIMESTAMP '2024-02-29 12:00:00' + INTERVAL (i) SECOND)::TIMESTAMP_S AS ts_s,
  (TIMESTAMP '2024-02-29 12:00:00' + INTERVAL (i) SECOND)::TIMESTAMP_NS AS ts_ns,
  ((lpad(to_hex(i * 2654435761), 32, '0'))[1:8] || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::UUID AS id,
  CASE WHEN i % 4 = 0 THEN NULL ELSE [i, NULL, i + 1][1:(i % 3) + 1] END AS lst,
  CASE WHEN i % 6 = 0 THEN NULL ELSE {'a': i, 'b': CASE WHEN i % 2 = 0 THEN NULL ELSE 'b' || i END,
                                     'c': [i::DOUBLE, NULL]} END AS strct,
  CASE WHEN i % 7 = 0 THEN NULL ELSE MAP(['k' || i, 'z'], [i, NULL]) END AS mp,
  [{'x': i, 'y': ['p', NULL]}, NULL] AS lst_of_struct,
  [i, i + 1, i + 2]::INTEGER[3] AS arr,
  [[i], [], NULL] AS lst_of_lst,
  ('a' || (i % 3))::ENUM('a0', 'a1', 'a2') AS enm
FROM (SELECT range AS i FROM range(0, ROWS))
"""


def duckdb_case(name, options, rows=2500):
    """Registers NAME.parquet written by DuckDB's COPY with `options`."""

    def make(out):
        path = os.path.join(out, name + ".parquet")
        select = DUCKDB_SELECT.replace("ROWS", str(rows))
        duckdb.connect().execute(f"COPY ({select}) TO '{path}' (FORMAT parquet, {options})")
        write_expected(path)

    CASES[name] = make


def register_duckdb_cases():
    duckdb_case("duckdb_zstd", "COMPRESSION zstd")
    duckdb_case("duckdb_snappy_small_groups", "COMPRESSION snappy, ROW_GROUP_SIZE 100")
    duckdb_case("duckdb_uncompressed", "COMPRESSION uncompressed")
    duckdb_case("duckdb_gzip_v2", "COMPRESSION gzip, PARQUET_VERSION v2")
    duckdb_case("duckdb_lz4", "COMPRESSION lz4")
    duckdb_case("duckdb_brotli", "COMPRESSION brotli, ROW_GROUP_SIZE 1000")
    duckdb_case("duckdb_empty", "COMPRESSION zstd", rows=0)
    duckdb_case("small_duckdb_snappy", "COMPRESSION snappy", rows=60)


register_pyarrow_cases()
register_duckdb_cases()


def main():
    """`conformance_files.py OUT [NAME ...]`: writes the named cases (all when none) into OUT."""
    out, names = sys.argv[1], sys.argv[2:] or list(CASES)
    os.makedirs(out, exist_ok=True)
    for name in names:
        CASES[name](out)


if __name__ == "__main__":
    main()
