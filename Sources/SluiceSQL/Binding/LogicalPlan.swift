import SluiceCore

/// What a query computes, as a tree of relational operators over bound expressions. Each node's
/// expressions refer to its input's columns by index.
///
/// Windows and set operations become new cases here; a new case is handled by `schema`, `treeText`,
/// the optimizer passes (`ColumnPruning`, `FilterPushdown`, `JoinSideSelection`) and `PhysicalPlanner`
/// — the compiler lists them, as every switch is exhaustive.
public indirect enum LogicalPlan: Sendable {
    /// The `columns` (indices into the source's schema) of a view; `pushedFilters` are conjuncts the
    /// scan may use to skip row groups (the plan still filters every row above it).
    case scan(TableScan)
    /// One row without columns: the input of a SELECT without FROM (`SELECT 1 + 1`).
    case singleRow
    /// The rows where the predicate is true.
    case filter(LogicalPlan, BoundExpression)
    /// One output column per named expression.
    case project(LogicalPlan, [NamedExpression])
    /// One row per distinct combination of `groups` (or one row in all without groups): the group
    /// columns, then one column per aggregate.
    case aggregate(LogicalPlan, groups: [NamedExpression], aggregates: [NamedAggregate])
    case sort(LogicalPlan, [SortExpression])
    case limit(LogicalPlan, Int)
    /// Rows of the left input matched with rows of the right one; `LogicalJoin.schema` says what comes out.
    case join(LogicalPlan, LogicalPlan, LogicalJoin)
    /// UNION ALL: the rows of every input in turn. The inputs have the same column types; the names
    /// are the first input's.
    case union([LogicalPlan])
    /// EXCEPT or INTERSECT: left rows by whether (and how often) the right input has them.
    case setOperation(LogicalPlan, LogicalPlan, SetOperationKind)
    /// Rows written in the query (`VALUES`).
    case values(LocalRelation)
    /// The input, which fails when it has more than one row: a scalar subquery's value.
    case atMostOneRow(LogicalPlan)
    /// The input's columns, then one column per window function.
    case window(LogicalPlan, [NamedWindowFunction])

    /// The columns the node produces.
    public var schema: Schema {
        switch self {
        case .scan(let scan): return scan.schema
        case .singleRow: return Schema([])
        case .filter(let input, _), .sort(let input, _), .limit(let input, _): return input.schema
        case .project(_, let items): return Schema(items.map(\.field))
        case .aggregate(_, let groups, let aggregates):
            return Schema(groups.map(\.field) + aggregates.map { Field($0.name, $0.call.resultType) })
        case .join(let left, let right, let join): return join.schema(left.schema, right.schema)
        case .union(let inputs): return LogicalPlan.unionSchema(inputs)
        case .setOperation(let left, _, _), .atMostOneRow(let left): return left.schema
        case .values(let relation): return relation.schema
        case .window(let input, let functions):
            return Schema(input.schema.fields + functions.map { Field($0.name, $0.call.resultType) })
        }
    }

    /// An indented tree, one node per line.
    public var treeText: String {
        var lines: [String] = []
        appendTree(into: &lines, depth: 0)
        return lines.joined(separator: "\n")
    }

    private func appendTree(into lines: inout [String], depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        switch self {
        case .scan(let scan):
            lines.append(indent + scan.description)
        case .singleRow:
            lines.append(indent + "SingleRow")
        case .filter(let input, let predicate):
            lines.append(indent + "Filter \(predicate)")
            input.appendTree(into: &lines, depth: depth + 1)
        case .project(let input, let items):
            lines.append(indent + "Project " + items.map(\.description).joined(separator: ", "))
            input.appendTree(into: &lines, depth: depth + 1)
        case .aggregate(let input, let groups, let aggregates):
            lines.append(
                indent + "Aggregate groups=[\(groups.map(\.description).joined(separator: ", "))] "
                    + "aggregates=[\(aggregates.map(\.description).joined(separator: ", "))]")
            input.appendTree(into: &lines, depth: depth + 1)
        case .sort(let input, let keys):
            lines.append(indent + "Sort " + keys.map(\.description).joined(separator: ", "))
            input.appendTree(into: &lines, depth: depth + 1)
        case .limit(let input, let count):
            lines.append(indent + "Limit \(count)")
            input.appendTree(into: &lines, depth: depth + 1)
        case .join(let left, let right, let join):
            lines.append(indent + "Join \(join)")
            left.appendTree(into: &lines, depth: depth + 1)
            right.appendTree(into: &lines, depth: depth + 1)
        case .union(let inputs):
            lines.append(indent + "Union")
            for input in inputs { input.appendTree(into: &lines, depth: depth + 1) }
        case .setOperation(let left, let right, let kind):
            lines.append(indent + "SetOperation \(kind.rawValue)")
            left.appendTree(into: &lines, depth: depth + 1)
            right.appendTree(into: &lines, depth: depth + 1)
        case .values(let relation):
            lines.append(indent + relation.description)
        case .atMostOneRow(let input):
            lines.append(indent + "AtMostOneRow")
            input.appendTree(into: &lines, depth: depth + 1)
        case .window(let input, let functions):
            lines.append(indent + "Window " + functions.map(\.description).joined(separator: ", "))
            input.appendTree(into: &lines, depth: depth + 1)
        }
    }
}

/// A view read by a query: the columns it reads and the conditions pushed into the reader.
public struct TableScan: Sendable, CustomStringConvertible {
    public var viewName: String
    public var source: TableSource
    /// Indices into `source.schema`, in output order.
    public var columns: [Int]
    /// Conjuncts over the scan's output columns that may prune row groups.
    public var pushedFilters: [BoundExpression]

    public var schema: Schema { Schema(columns.map { source.schema[$0] }) }

    public var description: String {
        let names = columns.map { source.schema[$0].name }.joined(separator: ", ")
        let filters =
            pushedFilters.isEmpty ? "" : " pushed=[\(pushedFilters.map(\.description).joined(separator: ", "))]"
        return "Scan \(viewName) [\(names)]\(filters)"
    }
}

/// An expression and the name of the column it produces.
public struct NamedExpression: Sendable, CustomStringConvertible {
    public var name: String
    public var expression: BoundExpression

    var field: Field { Field(name, expression.dataType) }

    public var description: String {
        if case .column(_, let column, _) = expression, column == name { return expression.description }
        return "\(expression) AS \(name)"
    }
}

/// An aggregate and the name of the column it produces.
public struct NamedAggregate: Sendable, CustomStringConvertible {
    public var name: String
    public var call: AggregateCall

    public var description: String { "\(call) AS \(name)" }
}

/// One ORDER BY key, with Spark's defaults filled in.
public struct SortExpression: Sendable, Hashable, CustomStringConvertible {
    public var expression: BoundExpression
    public var ascending: Bool
    public var nullsFirst: Bool

    public var description: String {
        "\(expression) \(ascending ? "ASC" : "DESC") NULLS \(nullsFirst ? "FIRST" : "LAST")"
    }
}
