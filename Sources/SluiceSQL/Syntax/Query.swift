/// A whole query: `[WITH …] body [ORDER BY …] [LIMIT n] [OFFSET m]`. ORDER BY, LIMIT and OFFSET
/// apply to the body, which may be a set operation (`… UNION ALL … ORDER BY x`).
public struct Query: Sendable, Hashable {
    public var with: [CommonTableExpression]
    public var body: QueryBody
    public var orderBy: [OrderItem]
    public var limit: Expression?
    public var offset: Expression?
    @NodeLocation public var location: SourceLocation

    /// True when the query is only its body, so parentheses around it need no node of their own.
    var isBareBody: Bool { with.isEmpty && orderBy.isEmpty && limit == nil && offset == nil }
}

/// A `SELECT` block, a `VALUES` list, a set operation, or a parenthesised query that has its own
/// WITH, ORDER BY, LIMIT or OFFSET (plain parentheses leave no trace: precedence is in the tree's shape).
public indirect enum QueryBody: Sendable, Hashable {
    case select(Select)
    case values(InlineTable)
    case setOperation(SetOperation)
    case nested(Query)
}

/// `VALUES (1, 'a'), (2, 'b')`: rows written in the query. A row of one value may omit its
/// parentheses (`VALUES 1, 2`).
public struct InlineTable: Sendable, Hashable {
    public var rows: [[Expression]]
    @NodeLocation public var location: SourceLocation
}

/// `left UNION|EXCEPT|INTERSECT [ALL|DISTINCT] right`. INTERSECT binds tighter than the others.
public struct SetOperation: Sendable, Hashable {
    public enum Operator: String, Sendable, Hashable {
        case union = "UNION"
        /// `EXCEPT` and its synonym `MINUS`.
        case except = "EXCEPT"
        case intersect = "INTERSECT"
    }

    public var op: Operator
    /// `ALL` keeps duplicates; the default (and `DISTINCT`) removes them.
    public var isAll: Bool
    public var left: QueryBody
    public var right: QueryBody
    @NodeLocation public var location: SourceLocation
}

/// `name [(columns)] AS (query)` in a `WITH` clause.
public struct CommonTableExpression: Sendable, Hashable {
    public var name: Identifier
    public var columns: [Identifier]
    public var query: Query
}

/// `expression [ASC|DESC] [NULLS FIRST|LAST]`. Unwritten parts stay nil; Spark's defaults are ASC,
/// and NULLS FIRST for ASC, NULLS LAST for DESC.
public struct OrderItem: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case ascending = "ASC"
        case descending = "DESC"
    }

    public enum NullOrder: String, Sendable, Hashable {
        case first = "NULLS FIRST"
        case last = "NULLS LAST"
    }

    public var expression: Expression
    public var direction: Direction?
    public var nulls: NullOrder?
}
