/// An entry of a FROM clause.
public indirect enum TableReference: Sendable, Hashable {
    case table(TableName)
    case subquery(DerivedTable)
    /// `VALUES (1, 'a'), (2, 'b') AS t(id, name)`.
    case values(InlineTable, alias: TableAlias?)
    case join(Join)
}

/// `[db.]table [[AS] alias [(columns)]]`: a view registered with the engine.
public struct TableName: Sendable, Hashable {
    public var name: QualifiedName
    public var alias: TableAlias?
}

/// `(query) [[AS] alias [(columns)]]`.
public struct DerivedTable: Sendable, Hashable {
    public var query: Query
    public var alias: TableAlias?
}

/// `alias (c1, c2)`: a table's new name and, optionally, new column names.
public struct TableAlias: Sendable, Hashable {
    public var name: Identifier
    public var columns: [Identifier]
}

/// `left kind JOIN right [ON … | USING (…)]`. Located at the JOIN keyword.
public struct Join: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case inner = "JOIN"
        case left = "LEFT JOIN"
        case right = "RIGHT JOIN"
        case full = "FULL JOIN"
        case leftSemi = "LEFT SEMI JOIN"
        case leftAnti = "LEFT ANTI JOIN"
        case cross = "CROSS JOIN"
    }

    public enum Condition: Sendable, Hashable {
        case on(Expression)
        case using([Identifier])
    }

    public var kind: Kind
    public var left: TableReference
    public var right: TableReference
    public var condition: Condition?
    @NodeLocation public var location: SourceLocation
}
