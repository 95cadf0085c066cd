/// A `RecordBatch` as CSV: a header row of column names, then one line per row. Fields are quoted
/// as RFC 4180 says (when they hold a comma, quote, CR or LF; quotes doubled). A null is an empty
/// field and an empty string is `""`, so the two stay apart. Scalars are the text JSON lines use,
/// unquoted; a nested value is its JSON text. Lines end with `\n`, as pyarrow's writer ends them.
public enum RecordBatchCSV {
    /// The header line for `schema`, ended by `\n`.
    public static func header(_ schema: Schema) -> String {
        schema.fields.map { quoted($0.name) }.joined(separator: ",") + "\n"
    }

    /// Row `row` of `batch`, without a newline.
    public static func line(_ batch: RecordBatch, row: Int) -> String {
        var fields: [String] = []
        fields.reserveCapacity(batch.numColumns)
        for (field, column) in zip(batch.schema.fields, batch.columns) {
            if column.isNull(row) {
                fields.append("")
            } else if field.dataType.isNested {
                var json = ""
                ColumnValueText.appendJSON(column, field: field, at: row, to: &json)
                fields.append(quoted(json))
            } else {
                let text = ColumnValueText.scalarText(column, field: field, at: row) ?? ""
                fields.append(text.isEmpty ? "\"\"" : quoted(text))
            }
        }
        return fields.joined(separator: ",")
    }

    /// Every row of `batch` (no header), each line ended by `\n`.
    public static func render(_ batch: RecordBatch) -> String {
        var output = ""
        for row in 0..<batch.numRows {
            output += line(batch, row: row)
            output += "\n"
        }
        return output
    }

    /// `text` as one CSV field: quoted only when it must be.
    public static func quoted(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
