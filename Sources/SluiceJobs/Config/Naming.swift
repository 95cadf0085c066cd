/// The rule for names users choose (jobs, tasks, connections, source views): they end up in
/// paths, Airflow DAG ids and log lines, so they stay plain.
enum Naming {
    static let rule = "use letters, digits, '_' and '-', starting with a letter"

    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    /// A SQL identifier: a table, column or view name that needs no quoting anywhere.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first,
            ("a"..."z").contains(first) || ("A"..."Z").contains(first)
                || first == "_"
        else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }

    static let identifierRule = "use letters, digits and '_', not starting with a digit"
}
