/// One token of SQL text with the place it starts and its length in bytes.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var location: SourceLocation
    /// Length of the token's text in UTF-8 bytes (quotes and suffixes included).
    public var length: Int

    public init(kind: TokenKind, location: SourceLocation, length: Int) {
        self.kind = kind
        self.location = location
        self.length = length
    }

    /// The keyword an unquoted word spells (case-insensitively), if any.
    public var keyword: Keyword? {
        if case .word(_, let keyword) = kind { return keyword }
        return nil
    }
}

/// What a token is. Words keep their spelling; whether a word is used as a keyword or as an
/// identifier is the parser's decision, since most Spark keywords are also valid names.
public enum TokenKind: Sendable, Hashable {
    /// An unquoted word and the keyword it spells, if any.
    case word(String, Keyword?)
    /// A backquoted identifier, unescaped (``` `` ``` → `` ` ``).
    case quotedIdentifier(String)
    /// A string literal, escapes already applied.
    case string(String)
    case number(NumericLiteral)
    case symbol(Symbol)
    case end
}
