/// A name as written (backquotes removed). Spark compares names case-insensitively; that is the
/// binder's job, the AST keeps the spelling for messages and output column names.
public struct Identifier: Sendable, Hashable {
    public var name: String
    @NodeLocation public var location: SourceLocation
}

/// A dotted name: `events`, `lake.events`, `e.user_id`. Whether `a.b` is a table's column or a
/// struct's field is decided by the binder, which knows the tables in scope.
public struct QualifiedName: Sendable, Hashable {
    public var parts: [Identifier]

    public var location: SourceLocation { parts.first?.location ?? SourceLocation(line: 1, column: 1, offset: 0) }
}
