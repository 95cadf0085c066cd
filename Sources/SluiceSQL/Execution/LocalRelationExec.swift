import SluiceCompute
import SluiceCore

/// The rows of a `VALUES` list: each row's expressions evaluated once, as one batch.
struct LocalRelationExec: PhysicalOperator {
    let relation: LocalRelation

    var schema: Schema { relation.schema }
    var inputs: [any PhysicalOperator] { [] }
    var label: String { relation.description }

    func open() async throws -> any BatchStream {
        let oneRow = try RecordBatch(schema: Schema([]), columns: [], numRows: 1)
        let columns = try schema.fields.indices.map { column -> any ColumnArray in
            let values = try relation.rows.map { try ExpressionEvaluator.array($0[column], oneRow) }
            guard values.count != 1 else { return values[0] }
            return values.isEmpty
                ? try Scalar.null(schema.fields[column].dataType).makeArray(count: 0) : try concatenate(values)
        }
        return SlicedBatchStream(try RecordBatch(schema: schema, columns: columns, numRows: relation.rows.count))
    }
}
