import SluiceCompute
import SluiceCore

extension Binder {
    /// `left JOIN right ON … | USING (…)`: the ON condition's equalities between the two sides become
    /// keys, the rest the residual. `USING` puts the merged key columns first (the left's for INNER
    /// and LEFT, the right's for RIGHT, the first non-null for FULL) and hides the sides' own copies
    /// from unqualified names and `*`.
    func bindJoin(_ join: Join) throws -> (LogicalPlan, Scope) {
        let (left, leftScope) = try bindRelation(join.left)
        let (right, rightScope) = try bindRelation(join.right)
        let kind = Self.kind(join.kind)
        let combined = Scope(columns: leftScope.columns + rightScope.columns)
        let outputScope = kind.outputsRight ? combined : leftScope
        switch join.condition {
        case nil:
            return (
                .join(left, right, LogicalJoin(kind: kind, leftKeys: [], rightKeys: [], residual: nil)), outputScope
            )
        case .on(let condition):
            if let aggregate = AggregateBinding.firstAggregate(in: condition) {
                throw SQLAnalysisError("aggregate functions are not allowed in ON", at: aggregate.location)
            }
            var binder = ExpressionBinder(scope: combined)
            let predicate = try binder.bindBoolean(condition, "ON")
            let spec = try Self.split(predicate, kind: kind, leftCount: leftScope.columns.count)
            return (.join(left, right, spec), outputScope)
        case .using(let names):
            return try bindUsing(
                names, kind: kind, left: (left, leftScope), right: (right, rightScope), at: join.location)
        }
    }

    private func bindUsing(
        _ names: [Identifier], kind: LogicalJoin.Kind, left: (LogicalPlan, Scope), right: (LogicalPlan, Scope),
        at location: SourceLocation
    ) throws -> (LogicalPlan, Scope) {
        var leftColumns = left.1.columns
        var rightColumns = right.1.columns
        let binder = ExpressionBinder(scope: Scope(columns: leftColumns + rightColumns))
        var predicate: BoundExpression?
        var merged: [NamedExpression] = []
        for name in names {
            let single = QualifiedName(parts: [name])
            let leftIndex = try left.1.resolve(single)
            let rightIndex = try right.1.resolve(single)
            leftColumns[leftIndex].isHidden = true
            rightColumns[rightIndex].isHidden = true
            let leftColumn = left.1.columns[leftIndex]
            let rightColumn = right.1.columns[rightIndex]
            let leftValue = BoundExpression.column(index: leftIndex, name: leftColumn.name, type: leftColumn.type)
            let rightValue = BoundExpression.column(
                index: leftColumns.count + rightIndex, name: rightColumn.name, type: rightColumn.type)
            let equality = try binder.comparison(.equal, leftValue, rightValue, at: name.location)
            predicate = predicate.map { .and($0, equality) } ?? equality
            let value: BoundExpression
            switch kind {
            case .right: value = rightValue
            case .full:
                let (first, second) = try binder.coerce(leftValue, rightValue, what: "merge", at: name.location)
                value = .caseWhen(
                    [BoundExpression.CaseBranch(condition: .isNull(first, negated: true), value: first)],
                    otherwise: second, type: first.dataType)
            default: value = leftValue
            }
            merged.append(NamedExpression(name: leftColumn.name, expression: value))
        }
        guard let predicate else { throw SQLAnalysisError("USING needs at least one column", at: location) }
        let spec = try Self.split(predicate, kind: kind, leftCount: leftColumns.count)
        let joined = LogicalPlan.join(left.0, right.0, spec)
        guard kind.outputsRight else { return (joined, left.1) }
        let sides = (leftColumns + rightColumns).enumerated().map { index, column in
            NamedExpression(name: column.name, expression: .column(index: index, name: column.name, type: column.type))
        }
        let keyColumns = merged.map { Scope.Column(qualifier: "", name: $0.name, type: $0.expression.dataType) }
        return (.project(joined, merged + sides), Scope(columns: keyColumns + leftColumns + rightColumns))
    }

    private static func kind(_ kind: Join.Kind) -> LogicalJoin.Kind {
        switch kind {
        case .inner, .cross: return .inner
        case .left: return .left
        case .right: return .right
        case .full: return .full
        case .leftSemi: return .leftSemi
        case .leftAnti: return .leftAnti
        }
    }

    /// The join for `predicate` over the left columns then the right ones: each conjunct
    /// `left expression = right expression` becomes a key pair (cast to one type), the others the residual.
    static func split(_ predicate: BoundExpression, kind: LogicalJoin.Kind, leftCount: Int) throws -> LogicalJoin {
        var join = LogicalJoin(kind: kind, leftKeys: [], rightKeys: [], residual: nil)
        func side(_ expression: BoundExpression) -> Bool? {
            let columns = expression.columnIndices
            if columns.isEmpty { return nil }
            if columns.allSatisfy({ $0 < leftCount }) { return true }
            if columns.allSatisfy({ $0 >= leftCount }) { return false }
            return nil
        }
        for conjunct in predicate.conjuncts {
            if case .comparison(.equal, let a, let b) = conjunct, let aIsLeft = side(a), let bIsLeft = side(b),
                aIsLeft != bIsLeft, let common = TypeCoercion.commonType(a.dataType, b.dataType)
            {
                let (leftKey, rightKey) = aIsLeft ? (a, b) : (b, a)
                join.leftKeys.append(try TypeCoercion.cast(leftKey, to: common))
                let shift = Dictionary(uniqueKeysWithValues: rightKey.columnIndices.map { ($0, $0 - leftCount) })
                join.rightKeys.append(try TypeCoercion.cast(rightKey, to: common).remappingColumns(shift))
                continue
            }
            join.residual = join.residual.map { .and($0, conjunct) } ?? conjunct
        }
        return join
    }
}
