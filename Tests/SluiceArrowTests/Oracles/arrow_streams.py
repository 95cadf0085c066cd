"""Writes the Arrow IPC streams SluiceArrowTests reads, each beside the same table as parquet.

Usage: arrow_streams.py OUT_DIR

For every case NAME it writes OUT_DIR/NAME.arrows (an IPC stream, as pyarrow writes it) and, for
the cases whose table parquet holds, OUT_DIR/NAME.parquet: Sluice's parquet reader, which the
parquet corpus tests check against pyarrow, gives the values the stream must decode to.
"""

import datetime
import decimal
import os
import sys

import pyarrow as pa
import pyarrow.parquet as pq

ROWS = 1000


def every_type():
    def nulls_every(n, values):
        return [None if i % n == 0 else v for i, v in enumerate(values)]

    r = range(ROWS)
    columns = {
        "i8": pa.array(nulls_every(7, [(i % 256) - 128 for i in r]), pa.int8()),
        "i16": pa.array(nulls_every(5, [i * 31 - 15000 for i in r]), pa.int16()),
        "i32": pa.array([i * 100_003 - 50_000_000 for i in r], pa.int32()),
        "i64": pa.array(nulls_every(3, [i * 9_000_000_000_007 for i in r]), pa.int64()),
        "u8": pa.array([i % 256 for i in r], pa.uint8()),
        "u16": pa.array(nulls_every(11, [i * 60 for i in r]), pa.uint16()),
        "u32": pa.array([i * 4_000_000 for i in r], pa.uint32()),
        "u64": pa.array(nulls_every(13, [i * 18_000_000_000_000_000 for i in r]), pa.uint64()),
        "f32": pa.array(nulls_every(4, [i / 7 for i in r]), pa.float32()),
        "f64": pa.array([float("nan") if i == 5 else i * 1.0e300 / 999 for i in r], pa.float64()),
        "flag": pa.array(nulls_every(6, [i % 3 == 0 for i in r]), pa.bool_()),
        "d38": pa.array(
            nulls_every(9, [decimal.Decimal(i * 123456789).scaleb(-10) - decimal.Decimal("99999.5") for i in r]),
            pa.decimal128(38, 10),
        ),
        "d5": pa.array([decimal.Decimal(i % 1000 - 500).scaleb(-2) for i in r], pa.decimal128(5, 2)),
        "text": pa.array(nulls_every(8, ["é" * (i % 5) + str(i) for i in r]), pa.string()),
        "large_text": pa.array(["row %d" % i for i in r], pa.large_string()),
        "bytes": pa.array(nulls_every(10, [bytes([i % 256]) * (i % 4) for i in r]), pa.binary()),
        "large_bytes": pa.array([bytes([i % 7]) * 3 for i in r], pa.large_binary()),
        "fixed": pa.array([i.to_bytes(4, "little") for i in r], pa.binary(4)),
        "day": pa.array(nulls_every(12, [datetime.date(1960, 1, 1) + datetime.timedelta(days=i * 30) for i in r]), pa.date32()),
        "day64": pa.array([datetime.date(1969, 12, 1) + datetime.timedelta(days=i) for i in r], pa.date64()),
        "t_s": pa.array([i * 80 for i in r], pa.time32("s")),
        "t_ms": pa.array(nulls_every(4, [i * 80_000 for i in r]), pa.time32("ms")),
        "t_us": pa.array([i * 80_000_000 for i in r], pa.time64("us")),
        "t_ns": pa.array([i * 80_000_000_000 for i in r], pa.time64("ns")),
        "ts_ms": pa.array([i * 86_400_123 - 10**11 for i in r], pa.timestamp("ms")),
        "ts_us": pa.array(nulls_every(5, [i * 86_400_000_123 for i in r]), pa.timestamp("us")),
        "ts_ns": pa.array([i * 86_400_000_000_123 for i in r], pa.timestamp("ns")),
        "ts_utc": pa.array([i * 3_600_000_001 for i in r], pa.timestamp("us", tz="UTC")),
        "ints": pa.array(nulls_every(7, [list(range(i % 4)) + [None] * (i % 2) for i in r]), pa.list_(pa.int32())),
        "words": pa.array([["a" * (i % 3), None, "z"][: i % 4] for i in r], pa.list_(pa.string())),
        "pair": pa.array(
            nulls_every(9, [{"n": i, "s": None if i % 4 == 0 else "s%d" % i} for i in r]),
            pa.struct([("n", pa.int64()), ("s", pa.string())]),
        ),
        "scores": pa.array(
            nulls_every(8, [[("k%d" % j, None if j == 1 else i * j) for j in range(i % 3)] for i in r]),
            pa.map_(pa.string(), pa.int64()),
        ),
        "nested": pa.array(
            [[{"x": [i, None]}] * (i % 3) for i in r],
            pa.list_(pa.struct([("x", pa.list_(pa.int16()))])),
        ),
    }
    return pa.table(columns)


def write_stream(path, table, max_chunksize=None, options=None):
    with pa.OSFile(path, "wb") as sink:
        with pa.ipc.new_stream(sink, table.schema, options=options) as writer:
            for batch in table.to_batches(max_chunksize=max_chunksize):
                writer.write_batch(batch)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    def case(name, table, parquet=True, **options):
        write_stream(os.path.join(out, name + ".arrows"), table, **options)
        if parquet:
            pq.write_table(table, os.path.join(out, name + ".parquet"))

    table = every_type()
    case("every_type", table, max_chunksize=300)
    case("every_type_zstd", table, max_chunksize=400, options=pa.ipc.IpcWriteOptions(compression="zstd"))
    case("every_type_lz4", table, parquet=False, max_chunksize=350, options=pa.ipc.IpcWriteOptions(compression="lz4"))
    case("sliced", table.slice(37, 411))
    case("empty", table.schema.empty_table())
    # Dictionary-encoded strings: int8 and int32 indices, a dictionary that changes between batches.
    words = pa.array(["w%d" % (i % 17) if i % 9 else None for i in range(ROWS)])
    first = pa.array(["alpha", None, "beta", "alpha"]).dictionary_encode()
    second = pa.array(["gamma", "gamma", None, "delta"]).dictionary_encode()
    schema = pa.schema([("w", pa.dictionary(pa.int8(), pa.string()))])
    dictionaries = pa.Table.from_batches(
        [
            pa.record_batch([pa.DictionaryArray.from_arrays(pa.array(first.indices, pa.int8()), first.dictionary)], schema=schema),
            pa.record_batch([pa.DictionaryArray.from_arrays(pa.array(second.indices, pa.int8()), second.dictionary)], schema=schema),
        ]
    )
    case("dictionary_replaced", dictionaries)
    case("dictionary_int32", pa.table({"w": words.dictionary_encode()}), max_chunksize=250)
    # Spark's NullType arrives as Arrow's Null type.
    case("null_type", pa.table({"n": pa.nulls(5), "i": pa.array([1, 2, 3, 4, 5], pa.int32())}), parquet=False)


main()
