/// Record batches as one aligned plain-text table (`sluice query`'s default output): a header of
/// column names, then a line per row; a null is `NULL`, a value is its JSON-lines text. The column
/// widths depend on every row, so the whole result is rendered at once.
public enum RecordBatchTextTable {
    public static func render(_ schema: Schema, _ batches: [RecordBatch]) -> String {
        var table = TextTable(header: schema.fields.map(\.name))
        for batch in batches {
            for row in 0..<batch.numRows {
                table.append(
                    zip(batch.schema.fields, batch.columns).map { field, column in
                        ColumnValueText.scalarText(column, field: field, at: row) ?? "NULL"
                    })
            }
        }
        return table.rendered
    }
}
