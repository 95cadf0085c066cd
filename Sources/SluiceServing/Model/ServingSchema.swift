/// The columns of both physical tables of a serving table: the key columns first (the primary
/// key, in order), then the value columns.
public struct ServingSchema: Sendable, Hashable, Codable, CustomStringConvertible {
    public var keyColumns: [ServingColumn]
    public var valueColumns: [ServingColumn]

    public init(keyColumns: [ServingColumn], valueColumns: [ServingColumn]) {
        self.keyColumns = keyColumns
        self.valueColumns = valueColumns
    }

    public var columns: [ServingColumn] { keyColumns + valueColumns }

    public var description: String {
        "key (\(keyColumns.map(\.description).joined(separator: ", "))), "
            + "values (\(valueColumns.map(\.description).joined(separator: ", ")))"
    }

    /// Whether a table with `other`'s columns holds this schema: the same key columns in order and
    /// the same value columns in any order (CQL tables list regular columns by name, not as created).
    public func hasSameColumns(as other: ServingSchema) -> Bool {
        keyColumns == other.keyColumns && Set(valueColumns) == Set(other.valueColumns)
            && valueColumns.count == other.valueColumns.count
    }

    /// What differs from `other`, for the message that explains a recreated table.
    public func differences(from other: ServingSchema) -> String {
        var parts: [String] = []
        let old = Dictionary(other.columns.map { ($0.name, $0.storeType) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(columns.map { ($0.name, $0.storeType) }, uniquingKeysWith: { first, _ in first })
        let added = columns.filter { old[$0.name] == nil }.map(\.name)
        let dropped = other.columns.filter { new[$0.name] == nil }.map(\.name)
        let retyped = columns.compactMap { column in
            old[column.name].flatMap { $0 == column.storeType ? nil : "\(column.name) \($0) -> \(column.storeType)" }
        }
        if !added.isEmpty { parts.append("added \(added.joined(separator: ", "))") }
        if !dropped.isEmpty { parts.append("dropped \(dropped.joined(separator: ", "))") }
        if !retyped.isEmpty { parts.append("retyped \(retyped.joined(separator: ", "))") }
        if other.keyColumns.map(\.name) != keyColumns.map(\.name) {
            parts.append(
                "key (\(other.keyColumns.map(\.name).joined(separator: ", "))) -> "
                    + "(\(keyColumns.map(\.name).joined(separator: ", ")))")
        }
        return parts.isEmpty ? "column order changed" : parts.joined(separator: "; ")
    }
}
