import NIOCore
import SluiceCQL

/// The `[applied]` answers of conditional writes (IF NOT EXISTS, IF EXISTS, IF col = value).
enum LightweightTransaction {
    static func applied(_ schema: TableSchema) -> CQLResult {
        .rows(CQLRowsMetadata(columns: [appliedSpec(schema)]), [[ByteBuffer(bytes: [1])]])
    }

    /// Not applied: `[applied]` false, then the row's columns (all of them, or those the condition
    /// named); just `[applied]` when there is no row.
    static func result(applied: Bool, schema: TableSchema, row: StoredRow?, columns: [Int]?) -> CQLResult {
        var specs = [appliedSpec(schema)]
        var cells: [ByteBuffer?] = [ByteBuffer(bytes: [applied ? 1 : 0])]
        if let row {
            for index in columns ?? Array(schema.columns.indices) {
                specs.append(schema.spec(index))
                cells.append(row.cells[index].map { ByteBuffer(bytes: $0) })
            }
        }
        return .rows(CQLRowsMetadata(columns: specs), [cells])
    }

    /// Checks an UPDATE's or DELETE's condition against the current row: nil when it holds (or
    /// there is none), else the not-applied answer.
    static func check(
        _ condition: CQLStatement.Condition, row: StoredRow?, schema: TableSchema, converter: TermConverter
    ) throws(CQLServerError) -> CQLResult? {
        switch condition {
        case .none: return nil
        case .exists: return row == nil ? result(applied: false, schema: schema, row: nil, columns: nil) : nil
        case .notExists:
            return row == nil ? nil : result(applied: false, schema: schema, row: row, columns: nil)
        case .columns(let conditions):
            var indexes: [Int] = []
            var holds = true
            for condition in conditions {
                let index = try schema.require(condition.column)
                indexes.append(index)
                let column = schema.columns[index]
                let current = try row?.cells[index].flatMap { (bytes) throws(CQLServerError) in
                    try StatementExecutor.decode(bytes, column)
                }
                let wanted = try converter.value(condition.term, as: column.type, column: column.name)
                let order = CQLValueOrder.compare(current, wanted)
                // `IF col = null` holds for a missing value; other comparisons with null do not.
                if current == nil || wanted == nil {
                    holds =
                        holds
                        && (condition.op == .equal ? current == wanted : condition.op == .notEqual && current != wanted)
                } else {
                    holds = holds && RowFilter.holds(condition.op, order)
                }
            }
            if holds { return nil }
            return result(applied: false, schema: schema, row: row, columns: row == nil ? nil : indexes)
        }
    }

    private static func appliedSpec(_ schema: TableSchema) -> CQLColumnSpec {
        CQLColumnSpec(keyspace: schema.keyspace, table: schema.name, name: "[applied]", type: .boolean)
    }
}

extension CQLStatement.Condition {
    var isLightweight: Bool {
        if case .none = self { return false }
        return true
    }
}
