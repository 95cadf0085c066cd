import SluiceCore

/// SQL text that does not parse: what was expected, where (line and column), and the line itself
/// with a caret under the offending text.
///
/// ```
/// syntax error at line 3, column 12: expected FROM, found 'FORM'
///   3 | SELECT a, b FORM events
///     |             ^^^^
/// ```
public struct SQLSyntaxError: SluiceError, Equatable {
    /// What went wrong, e.g. `expected FROM, found 'FORM'`.
    public var message: String
    public var location: SourceLocation
    /// How many characters of the line the caret underlines (at least 1).
    public var width: Int
    /// The source line the error is on, without its line break.
    public var lineText: String
    /// The file the SQL came from, when it came from one (`jobs/job1/prepare.sql`).
    public var file: String?

    public init(_ message: String, at location: SourceLocation, width: Int = 1, lineText: String, file: String? = nil) {
        self.message = message
        self.location = location
        self.width = max(1, width)
        self.lineText = lineText
        self.file = file
    }

    /// The same error naming the file the SQL was read from.
    public func at(file: String) -> SQLSyntaxError {
        var copy = self
        copy.file = copy.file ?? file
        return copy
    }

    /// The job's SQL is part of the project the user wrote, so a syntax error is a usage error.
    public var category: FailureCategory { .usage }

    /// The first line only: `prepare.sql: syntax error at line 3, column 12: expected FROM, found 'FORM'`.
    public var summary: String {
        (file.map { "\($0): " } ?? "") + "syntax error at \(location): \(message)"
    }

    public var description: String {
        let gutter = String(location.line)
        let (shown, caretColumn) = visibleWindow()
        // Tabs stay tabs under the caret so it lines up however the terminal expands them.
        let padding = String(shown.unicodeScalars.prefix(caretColumn).map { $0 == "\t" ? "\t" : " " })
        let carets = String(repeating: "^", count: max(1, min(width, shown.unicodeScalars.count - caretColumn)))
        let blank = String(repeating: " ", count: gutter.count)
        return summary + "\n  \(gutter) | \(shown)\n  \(blank) | \(padding)\(carets)"
    }

    /// The part of a long line around the error (about 100 characters), and the caret's position in it.
    private func visibleWindow() -> (text: String, caretColumn: Int) {
        let scalars = Array(lineText.unicodeScalars)
        let column = min(max(0, location.column - 1), scalars.count)
        let limit = 100
        guard scalars.count > limit else { return (lineText, column) }
        let start = max(0, min(column - limit / 2, scalars.count - limit))
        let end = min(scalars.count, start + limit)
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        var caret = column - start
        if start > 0 {
            text = "..." + text
            caret += 3
        }
        if end < scalars.count { text += "..." }
        return (text, caret)
    }
}
