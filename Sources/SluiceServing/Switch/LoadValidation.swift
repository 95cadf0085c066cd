/// Checks a freshly loaded table must pass before the pointer flips to it.
public struct LoadValidation: Sendable, Hashable {
    /// Refuse to switch to a table with fewer rows.
    public var minRows: Int
    /// Refuse to switch when the row count differs from the active table's by more than this
    /// fraction (0.5 = 50 %); nil: no limit.
    public var maxRowChange: Double?

    public static let keys = ["min_rows", "max_row_change"]

    public init(minRows: Int = 1, maxRowChange: Double? = nil) {
        self.minRows = minRows
        self.maxRowChange = maxRowChange
    }

    public var summary: String {
        var parts = ["at least \(minRows) row\(minRows == 1 ? "" : "s")"]
        if let maxRowChange {
            parts.append("row count within \(Int((maxRowChange * 100).rounded()))% of the active table's")
        }
        return parts.joined(separator: "; ")
    }
}
