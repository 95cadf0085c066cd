import SluiceCore

extension Binder {
    /// A query body other than a SELECT (a set operation, VALUES, a parenthesised query) under its
    /// ORDER BY, which names the body's output columns (the first branch's names) or their positions.
    func bindCompound(_ body: QueryBody, orderBy: [OrderItem]) throws -> LogicalPlan {
        let plan = try bindQueryBody(body)
        guard !orderBy.isEmpty else { return plan }
        let fields = plan.schema.fields
        var binder = ExpressionBinder(
            scope: Scope(columns: fields.map { Scope.Column(qualifier: "", name: $0.name, type: $0.dataType) }))
        let keys = try orderBy.map { item in
            let expression: BoundExpression
            if case .literal(.number(let number)) = item.expression.kind, number.kind == .integer {
                guard let ordinal = Int(number.text), (1...fields.count).contains(ordinal) else {
                    throw SQLAnalysisError(
                        "ORDER BY position \(number.text) is not in the select list (1 to \(fields.count))",
                        at: item.expression.location)
                }
                let field = fields[ordinal - 1]
                expression = .column(index: ordinal - 1, name: field.name, type: field.dataType)
            } else {
                expression = try binder.bind(item.expression)
            }
            let ascending = item.direction != .descending
            return SortExpression(
                expression: expression, ascending: ascending, nullsFirst: item.nulls.map { $0 == .first } ?? ascending)
        }
        return .sort(plan, keys)
    }

    private func bindQueryBody(_ body: QueryBody) throws -> LogicalPlan {
        switch body {
        case .select(let select):
            return try bind(
                Query(with: [], body: body, orderBy: [], limit: nil, offset: nil, location: select.location))
        case .nested(let query):
            return try bind(query)
        case .values(let table):
            return try bindInlineTable(table)
        case .setOperation(let operation):
            return try bindSetOperation(operation)
        }
    }

    /// Both sides cast to common column types; UNION ALL keeps every row, UNION adds a distinct
    /// aggregate, EXCEPT and INTERSECT compare rows with nulls equal.
    private func bindSetOperation(_ operation: SetOperation) throws -> LogicalPlan {
        let left = try bindQueryBody(operation.left)
        let right = try bindQueryBody(operation.right)
        let name = operation.op.rawValue
        let leftFields = left.schema.fields
        let rightFields = right.schema.fields
        guard leftFields.count == rightFields.count else {
            throw SQLAnalysisError(
                "\(name) needs the same number of columns on both sides: the first has \(leftFields.count), "
                    + "the second \(rightFields.count)", at: operation.location)
        }
        let types = try leftFields.indices.map { index in
            // An untyped NULL column takes the other side's type.
            if Self.isNullColumn(left, index) { return rightFields[index].dataType }
            if Self.isNullColumn(right, index) { return leftFields[index].dataType }
            guard let common = TypeCoercion.commonType(leftFields[index].dataType, rightFields[index].dataType) else {
                throw SQLAnalysisError(
                    "\(name) cannot combine column \(index + 1) (\(leftFields[index].name)) of types "
                        + "\(leftFields[index].dataType) and \(rightFields[index].dataType)", at: operation.location)
            }
            return common
        }
        let (castLeft, castRight) = (try Self.casting(left, to: types), try Self.casting(right, to: types))
        switch (operation.op, operation.isAll) {
        case (.union, true):
            if case .union(let inputs) = castLeft { return .union(inputs + [castRight]) }
            return .union([castLeft, castRight])
        case (.union, false):
            let union = LogicalPlan.union([castLeft, castRight])
            let columns = union.schema.fields.enumerated().map { index, field in
                NamedExpression(
                    name: field.name, expression: .column(index: index, name: field.name, type: field.dataType))
            }
            return .aggregate(union, groups: columns, aggregates: [])
        case (.except, false): return .setOperation(castLeft, castRight, .exceptDistinct)
        case (.except, true): return .setOperation(castLeft, castRight, .exceptAll)
        case (.intersect, false): return .setOperation(castLeft, castRight, .intersectDistinct)
        case (.intersect, true): return .setOperation(castLeft, castRight, .intersectAll)
        }
    }

    /// `plan` with its columns cast to `types` (unchanged when they have them).
    private static func casting(_ plan: LogicalPlan, to types: [DataType]) throws -> LogicalPlan {
        let fields = plan.schema.fields
        guard zip(fields, types).contains(where: { $0.dataType != $1 }) else { return plan }
        return .project(
            plan,
            try zip(fields.indices, types).map { index, type in
                let column = BoundExpression.column(
                    index: index, name: fields[index].name, type: fields[index].dataType)
                return NamedExpression(name: fields[index].name, expression: try TypeCoercion.cast(column, to: type))
            })
    }

    /// Whether column `index` of `plan` is an untyped NULL in every row (`SELECT NULL`, `VALUES (NULL)`).
    private static func isNullColumn(_ plan: LogicalPlan, _ index: Int) -> Bool {
        switch plan {
        case .project(_, let items): return items[index].expression.isNullLiteral
        case .values(let relation): return relation.rows.allSatisfy { $0[index].isNullLiteral }
        case .union(let inputs): return inputs.allSatisfy { isNullColumn($0, index) }
        case .sort(let input, _), .limit(let input, _): return isNullColumn(input, index)
        default: return false
        }
    }

    /// `VALUES (…), (…)`: constant rows, named col1, col2, … as Spark names them, each column of the
    /// common type of its values.
    func bindInlineTable(_ table: InlineTable) throws -> LogicalPlan {
        guard let width = table.rows.first?.count else {
            throw SQLAnalysisError("VALUES needs at least one row", at: table.location)
        }
        var binder = ExpressionBinder(scope: Scope(columns: []))
        var rows: [[BoundExpression]] = []
        for row in table.rows {
            guard row.count == width else {
                throw SQLAnalysisError(
                    "the rows of VALUES must have the same number of values: the first has \(width), this one \(row.count)",
                    at: row.first?.location ?? table.location)
            }
            rows.append(try row.map { try binder.bind($0) })
        }
        var fields: [Field] = []
        for column in 0..<width {
            var type: DataType?
            for (row, values) in zip(table.rows, rows) where !values[column].isNullLiteral {
                let valueType = values[column].dataType
                guard let current = type else {
                    type = valueType
                    continue
                }
                guard let common = TypeCoercion.commonType(current, valueType) else {
                    throw SQLAnalysisError(
                        "VALUES column \(column + 1) mixes \(current) and \(valueType)", at: row[column].location)
                }
                type = common
            }
            // A column of NULLs only keeps the NULL literal's type.
            fields.append(Field("col\(column + 1)", type ?? rows[0][column].dataType))
        }
        let castRows = try rows.map { row in
            try zip(row, fields).map { try TypeCoercion.cast($0, to: $1.dataType) }
        }
        return .values(LocalRelation(schema: Schema(fields), rows: castRows))
    }
}
