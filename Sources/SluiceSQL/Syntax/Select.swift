/// One `SELECT … FROM … WHERE … GROUP BY … HAVING … WINDOW …` block.
public struct Select: Sendable, Hashable {
    public var isDistinct: Bool
    public var items: [SelectItem]
    /// The comma-separated FROM list; more than one entry is a cross join (filtered by WHERE).
    public var from: [TableReference]
    public var filter: Expression?
    /// Expressions, or integer literals that name a select item by position (`GROUP BY 1, 2`).
    public var groupBy: [Expression]
    public var having: Expression?
    /// `WINDOW w AS (…)` definitions that `OVER w` refers to.
    public var windows: [NamedWindow]
    @NodeLocation public var location: SourceLocation
}

/// `expression [[AS] alias]`, or `*` / `t.*` (an expression of kind `.wildcard`, never aliased).
public struct SelectItem: Sendable, Hashable {
    public var expression: Expression
    public var alias: Identifier?
}

/// `name AS (window specification)` in a WINDOW clause.
public struct NamedWindow: Sendable, Hashable {
    public var name: Identifier
    public var specification: WindowSpecification
}
