"""Prints what pyarrow reads from the footer of each parquet file given on the command line.

One JSON line per file, in argument order:
  {"file", "num_rows", "num_row_groups", "num_columns",
   "columns": [{"path", "physical_type", "max_definition_level", "max_repetition_level"}],
   "arrow_schema": [{"name", "type", "nullable"}] or null, "has_arrow_schema": bool}
or {"file", "error"} when pyarrow cannot read the footer. "arrow_schema" is pq.read_schema's
top-level fields; "has_arrow_schema" says whether the file stores an ARROW:schema that pyarrow
applied (Sluice maps the parquet schema only, so such files may differ on purpose).
"""

import json
import sys

import pyarrow.parquet as pq


def describe(path):
    try:
        parquet_file = pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises several types; the message is what matters
        return {"file": path, "error": f"{type(error).__name__}: {error}"}
    metadata = parquet_file.metadata
    schema = metadata.schema
    columns = []
    for index in range(len(schema)):
        column = schema.column(index)
        columns.append(
            {
                "path": column.path,
                "physical_type": column.physical_type,
                "max_definition_level": column.max_definition_level,
                "max_repetition_level": column.max_repetition_level,
            }
        )
    key_values = metadata.metadata or {}
    result = {
        "file": path,
        "num_rows": metadata.num_rows,
        "num_row_groups": metadata.num_row_groups,
        "num_columns": metadata.num_columns,
        "columns": columns,
        "has_arrow_schema": b"ARROW:schema" in key_values,
        "arrow_schema": None,
    }
    try:
        arrow_schema = pq.read_schema(path)
        result["arrow_schema"] = [
            {"name": field.name, "type": str(field.type), "nullable": field.nullable} for field in arrow_schema
        ]
    except Exception as error:
        result["arrow_schema_error"] = f"{type(error).__name__}: {error}"
    return result


def main():
    for path in sys.argv[1:]:
        print(json.dumps(describe(path)), flush=True)


if __name__ == "__main__":
    main()
