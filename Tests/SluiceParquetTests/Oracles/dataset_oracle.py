"""Writes the files of the pruning and dataset tests with pyarrow, and prints what pyarrow reads.

  dataset_oracle.py write ROOT
      ROOT/sorted.parquet: 10 row groups of 1000 rows, "k" int64 0..9999 and "s" "key-%05d" sorted,
        "v" double with nulls, "u" uint32 around 2^31.
      ROOT/hive/: a Hive-partitioned dataset (pq.write_to_dataset, partition_cols=["year", "city"])
        with null and percent-encoded partition values, plus files Spark and pyarrow skip.
      ROOT/mismatch/: two part files whose column "id" differs in type.
  dataset_oracle.py read PATH [FILTERS_JSON]
      One JSON line per column of pq.read_table(PATH, filters=FILTERS): {"column", "values"},
      values rendered as column_oracle.py renders them.
"""

import json
import os
import sys

import pyarrow as pa
import pyarrow.parquet as pq

from column_oracle import render_column


def write(root):
    rows = 10_000
    sorted_table = pa.table(
        {
            "k": pa.array(range(rows), pa.int64()),
            "s": pa.array([f"key-{i:05d}" for i in range(rows)], pa.string()),
            "v": pa.array([None if i % 7 == 0 else i / 4 for i in range(rows)], pa.float64()),
            "u": pa.array([2**31 - 5_000 + i for i in range(rows)], pa.uint32()),
        }
    )
    pq.write_table(sorted_table, os.path.join(root, "sorted.parquet"), row_group_size=1000)

    count = 60
    years = [2020, 2021, None]
    cities = ["a b", "x/y", "\u00e9t\u00e9", None]
    hive_table = pa.table(
        {
            "id": pa.array(range(count), pa.int64()),
            "name": pa.array([None if i % 5 == 0 else f"name-{i}" for i in range(count)], pa.string()),
            "score": pa.array([i * 1.5 - 20 for i in range(count)], pa.float64()),
            "year": pa.array([years[i % 3] for i in range(count)], pa.int64()),
            "city": pa.array([cities[i % 4] for i in range(count)], pa.string()),
        }
    )
    hive = os.path.join(root, "hive")
    pq.write_to_dataset(hive_table, hive, partition_cols=["year", "city"])
    # What Spark and pyarrow leave beside the part files; none of it is a part file.
    for name in ["_SUCCESS", "_common_metadata", ".hidden.parquet", "_temporary/0/part-0.parquet"]:
        path = os.path.join(hive, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as junk:
            junk.write("not a part file")

    mismatch = os.path.join(root, "mismatch")
    os.makedirs(mismatch)
    pq.write_table(pa.table({"id": pa.array([1, 2], pa.int64())}), os.path.join(mismatch, "part-0.parquet"))
    pq.write_table(pa.table({"id": pa.array([3], pa.int32())}), os.path.join(mismatch, "part-1.parquet"))


def read(path, filters):
    table = pq.read_table(path, filters=filters)
    for field in table.schema:
        column = table.column(field.name)
        if pa.types.is_dictionary(field.type):
            # Partition columns: chunks with different dictionaries do not combine as they are.
            column = column.cast(field.type.value_type)
        column = column.combine_chunks()
        print(json.dumps({"column": field.name, "values": render_column(column)}, allow_nan=False))


def main():
    if sys.argv[1] == "write":
        write(sys.argv[2])
    else:
        filters = json.loads(sys.argv[3]) if len(sys.argv) > 3 else None
        read(sys.argv[2], [tuple(f) for f in filters] if filters else None)


if __name__ == "__main__":
    main()
