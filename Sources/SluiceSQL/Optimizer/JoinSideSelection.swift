/// Puts the smaller input of each inner join on the right, where `HashJoinExec` builds its hash table,
/// and restores the column order with a projection above. Sizes are estimated from the files' bytes
/// and the share of columns read, so a join of a fact table with a dimension builds on the dimension
/// however the query names them.
enum JoinSideSelection {
    static func apply(_ plan: LogicalPlan) -> LogicalPlan {
        guard case .join(let left, let right, let join) = plan else { return plan.mappingInputs(apply) }
        let (newLeft, newRight) = (apply(left), apply(right))
        guard join.kind == .inner, estimatedBytes(newLeft) < estimatedBytes(newRight) else {
            return .join(newLeft, newRight, join)
        }
        return swapped(newLeft, newRight, join)
    }

    /// `right JOIN left`, projected back to the left columns then the right ones.
    private static func swapped(_ left: LogicalPlan, _ right: LogicalPlan, _ join: LogicalJoin) -> LogicalPlan {
        let leftFields = left.schema.fields
        let rightFields = right.schema.fields
        var mapping: [Int: Int] = [:]
        for index in leftFields.indices { mapping[index] = rightFields.count + index }
        for index in rightFields.indices { mapping[leftFields.count + index] = index }
        let flipped = LogicalJoin(
            kind: .inner, leftKeys: join.rightKeys, rightKeys: join.leftKeys,
            residual: join.residual?.remappingColumns(mapping))
        let items = (leftFields + rightFields).enumerated().map { index, field in
            let column = mapping[index] ?? index
            return NamedExpression(
                name: field.name, expression: .column(index: column, name: field.name, type: field.dataType))
        }
        return .project(.join(right, left, flipped), items)
    }

    /// A rough size of what `plan` produces: the bytes of the scanned columns, passed up unchanged
    /// (selectivity is unknown).
    static func estimatedBytes(_ plan: LogicalPlan) -> Double {
        switch plan {
        case .scan(let scan):
            let share = Double(scan.columns.count) / Double(max(1, scan.source.schema.fields.count))
            return Double(scan.source.estimatedBytes) * share
        case .singleRow, .values:
            return 0
        case .filter(let input, _), .project(let input, _), .aggregate(let input, _, _), .sort(let input, _),
            .limit(let input, _), .window(let input, _):
            return estimatedBytes(input)
        case .join(let left, let right, _), .setOperation(let left, let right, _):
            return estimatedBytes(left) + estimatedBytes(right)
        case .union(let inputs):
            return inputs.map(estimatedBytes).reduce(0, +)
        case .atMostOneRow(let input):
            return estimatedBytes(input)
        }
    }
}
