/// `name([DISTINCT] arguments) [FILTER (WHERE …)] [IGNORE NULLS] [OVER window]`. `count(*)` has one `.wildcard` argument; bare
/// `current_date` and `current_timestamp` are calls without arguments.
public struct FunctionCall: Sendable, Hashable {
    public var name: QualifiedName
    public var arguments: [Expression]
    public var isDistinct: Bool
    /// `count(*) FILTER (WHERE ok)`: the rows an aggregate sees.
    public var filter: Expression?
    /// `IGNORE NULLS` after the arguments (`lag(x) IGNORE NULLS OVER …`); `RESPECT NULLS` is the default.
    public var ignoresNulls: Bool
    /// Set for window functions: `row_number() OVER (PARTITION BY k ORDER BY ts DESC)`.
    public var over: OverClause?
}

/// The window a window function runs over: written inline or named in the `WINDOW` clause.
public enum OverClause: Sendable, Hashable {
    case named(Identifier)
    case specification(WindowSpecification)
}

/// `(PARTITION BY … ORDER BY … [frame])`.
public struct WindowSpecification: Sendable, Hashable {
    public var partitionBy: [Expression]
    public var orderBy: [OrderItem]
    /// nil means Spark's default frame (which depends on whether there is an ORDER BY).
    public var frame: WindowFrame?
    @NodeLocation public var location: SourceLocation
}

/// `ROWS|RANGE BETWEEN start AND end`. The short form `ROWS start` is stored with `end` CURRENT ROW,
/// which is what it means.
public struct WindowFrame: Sendable, Hashable {
    public enum Units: String, Sendable, Hashable {
        case rows = "ROWS"
        case range = "RANGE"
    }

    public var units: Units
    public var start: FrameBound
    public var end: FrameBound
}

/// One end of a window frame.
public enum FrameBound: Sendable, Hashable {
    case unboundedPreceding
    case preceding(Expression)
    case currentRow
    case following(Expression)
    case unboundedFollowing
}
