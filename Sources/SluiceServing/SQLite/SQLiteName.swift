/// SQLite identifiers in statements: always double-quoted, inner quotes doubled.
enum SQLiteName {
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
