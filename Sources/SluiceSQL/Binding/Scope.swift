import SluiceCore

/// The columns an expression can name: a table's columns under its name or alias.
struct Scope {
    struct Column {
        /// The table name or alias that qualifies the column, as written.
        var qualifier: String
        var name: String
        var type: DataType
        /// Only a qualified name reaches a hidden column, and `*` skips it: the sides' own copies of a
        /// `USING` key, beside the merged key column.
        var isHidden = false
    }

    var columns: [Column]

    /// The index of the column `name` names (`amount` or `o.amount`), case-insensitively.
    ///
    /// - Throws: `SQLAnalysisError` for an unknown or ambiguous name, with a suggestion.
    func resolve(_ name: QualifiedName) throws -> Int {
        let parts = name.parts.map { $0.name.lowercased() }
        let candidates: [Int]
        switch parts.count {
        case 1:
            candidates = columns.indices.filter { !columns[$0].isHidden && columns[$0].name.lowercased() == parts[0] }
        case 2:
            candidates = columns.indices.filter {
                columns[$0].qualifier.lowercased() == parts[0] && columns[$0].name.lowercased() == parts[1]
            }
        default:
            throw SQLAnalysisError(
                "struct fields are not supported yet: \(name.parts.map(\.name).joined(separator: "."))",
                at: name.location)
        }
        guard let first = candidates.first else {
            let written = name.parts.map(\.name).joined(separator: ".")
            let message = ClosestMatch.unknown("column", written, among: columns.map(\.name))
            throw SQLAnalysisError(
                message + "; columns: \(columns.map(\.name).joined(separator: ", "))", at: name.location)
        }
        guard candidates.count == 1 else {
            throw SQLAnalysisError(
                "column \"\(name.parts.map(\.name).joined(separator: "."))\" is ambiguous", at: name.location)
        }
        return first
    }
}
