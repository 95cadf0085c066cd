import Foundation
import SluiceCore
import SluiceSQL

/// The engine's result as oracle values: each value rendered by `ColumnValueText.appendJSON`, the
/// renderer of `sluice query --format jsonl` that `duckdb_oracle.py` imitates, and read back.
/// Values are taken by position, so duplicate output names do not collide.
enum OracleEngineRows {
    static func rows(_ result: QueryResult) throws -> [[OracleValue]] {
        try rows(result.batches)
    }

    /// Rows of batches from anywhere (Spark's, say), rendered the same way.
    static func rows(_ batches: [RecordBatch]) throws -> [[OracleValue]] {
        var json = "["
        for batch in batches {
            for row in 0..<batch.numRows {
                if json.count > 1 { json += "," }
                json += "["
                for (position, (field, column)) in zip(batch.schema.fields, batch.columns).enumerated() {
                    if position > 0 { json += "," }
                    ColumnValueText.appendJSON(column, field: field, at: row, to: &json)
                }
                json += "]"
            }
        }
        json += "]"
        return try JSONDecoder().decode([[OracleValue]].self, from: Data(json.utf8))
    }
}
