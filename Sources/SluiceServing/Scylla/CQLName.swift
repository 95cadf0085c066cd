/// Keyspace, table and column names in CQL text. Every name Sluice writes into a statement is
/// quoted, so a name can never end the identifier and inject CQL; keyspace and table names must
/// also be ones ScyllaDB accepts (letters, digits and `_`, at most 48 characters).
enum CQLName {
    static let longestTableName = 48

    /// `"name"`, with quotes inside doubled: the name exactly, case kept.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `"keyspace"."table"`.
    static func qualified(_ keyspace: String, _ table: String) -> String {
        quoted(keyspace) + "." + quoted(table)
    }

    /// Checks a keyspace or table name.
    static func validate(_ name: String, kind: String) throws(ServingError) {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F
        }
        guard !name.isEmpty, allowed, name.utf8.count <= longestTableName else {
            throw .invalidName(
                kind: kind, name: name,
                rule: "ScyllaDB names are 1 to \(longestTableName) letters, digits or underscores")
        }
    }

    /// Checks a column name: any text but the empty string (it is always quoted).
    static func validateColumn(_ name: String, table: String) throws(ServingError) {
        guard !name.isEmpty, !name.utf8.contains(0) else {
            throw .invalidName(kind: "column of \(table)", name: name, rule: "a column name is non-empty text")
        }
    }
}
