/// A `RecordBatch` as JSON lines: one object per row, the column names as keys in schema order,
/// each value rendered by `ColumnValueText.appendJSON`.
public enum RecordBatchJSONLines {
    /// Row `row` of `batch` as one JSON object, without a newline.
    public static func line(_ batch: RecordBatch, row: Int) -> String {
        var output = "{"
        for (position, (field, column)) in zip(batch.schema.fields, batch.columns).enumerated() {
            if position > 0 { output += "," }
            output += JSONText.quoted(field.name) + ":"
            ColumnValueText.appendJSON(column, field: field, at: row, to: &output)
        }
        return output + "}"
    }

    /// Every row of `batch`, each line ended by `\n`.
    public static func render(_ batch: RecordBatch) -> String {
        var output = ""
        for row in 0..<batch.numRows {
            output += line(batch, row: row)
            output += "\n"
        }
        return output
    }
}
