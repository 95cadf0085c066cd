/// A place in the SQL text: 1-based line and column (columns count characters, so a caret can be
/// drawn under them) and the 0-based byte offset into the UTF-8 text.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line 3, column 12`
    public var description: String { "line \(line), column \(column)" }
}
