import SluiceCore

/// A query that parses but cannot run as written: an unknown table or column, an operation on types
/// that do not fit, a feature the engine does not have yet. Points at the node's line and column.
///
/// ```
/// analysis error at line 1, column 8: unknown column "amout" (did you mean "amount"?)
///   1 | SELECT amout FROM orders
///     |        ^
/// ```
public struct SQLAnalysisError: SluiceError, Equatable {
    public var message: String
    public var location: SourceLocation
    /// The source line the error is on, when known.
    public var lineText: String?

    public init(_ message: String, at location: SourceLocation, lineText: String? = nil) {
        self.message = message
        self.location = location
        self.lineText = lineText
    }

    /// The query is part of what the user wrote, so this is a usage error.
    public var category: FailureCategory { .usage }

    /// `analysis error at line 1, column 8: unknown column …`
    public var summary: String { "analysis error at \(location): \(message)" }

    public var description: String {
        guard let lineText else { return summary }
        let gutter = String(location.line)
        let padding = String(
            lineText.unicodeScalars.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " })
        let blank = String(repeating: " ", count: gutter.count)
        return summary + "\n  \(gutter) | \(lineText)\n  \(blank) | \(padding)^"
    }

    /// The same error with the line of `sql` it points at.
    func quoting(_ sql: String) -> SQLAnalysisError {
        var copy = self
        let lines = sql.split(separator: "\n", omittingEmptySubsequences: false)
        if location.line >= 1, location.line <= lines.count {
            copy.lineText = String(lines[location.line - 1]).trimmingTrailingCarriageReturn()
        }
        return copy
    }
}

extension String {
    fileprivate func trimmingTrailingCarriageReturn() -> String {
        hasSuffix("\r") ? String(dropLast()) : self
    }
}
